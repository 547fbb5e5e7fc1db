//! The history's lock, done by the browser's Web Crypto (`SubtleCrypto`):
//! the passphrase becomes a key with PBKDF2-SHA-256 (at least 600,000
//! iterations, [`amarre_core::history::ITERATIONS`]) and the history is
//! encrypted with AES-GCM, with a fresh random IV for every write. The salt
//! and the iteration count are kept in the lock's record ([`Lock`]), each
//! IV beside its ciphertext ([`Seal`]). No cryptography is written here:
//! this module only calls the browser.
//!
//! The derived key cannot be exported and lives only in this page's memory
//! ([`remember`], [`remembered`]): leaving the page forgets it.
//!
//! AES-GCM refuses a wrong key and a changed ciphertext alike, so both come
//! back as [`LockError::NotOpened`]: nothing is erased either way.

use std::cell::RefCell;

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use amarre_core::history::{Lock, Seal, ITERATIONS};

use crate::shared::random;

/// Why the lock could not do what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockError {
    /// This browser has no Web Crypto here (an old browser, a page not
    /// served over HTTPS or from localhost).
    NoCrypto,
    /// The passphrase does not open the history, or the kept text was
    /// changed since it was written.
    NotOpened,
}

/// A key derived from the passphrase, with the salt and iterations that
/// derived it (they are kept with every write).
#[derive(Clone)]
pub struct Key {
    key: CryptoKey,
    /// The salt, base64, as the lock's record keeps it.
    salt: String,
    iterations: u32,
}

thread_local! {
    static REMEMBERED: RefCell<Option<Key>> = const { RefCell::new(None) };
}

/// Keeps `key` for this page's life, so the person types the passphrase
/// once per visit.
pub fn remember(key: Option<Key>) {
    REMEMBERED.with(|k| *k.borrow_mut() = key);
}

/// The key the person opened the history with on this page, if any.
pub fn remembered() -> Option<Key> {
    REMEMBERED.with(|k| k.borrow().clone())
}

fn subtle() -> Result<SubtleCrypto, LockError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(LockError::NoCrypto)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle = crypto.subtle();
    if JsValue::from(subtle.clone()).is_undefined() {
        return Err(LockError::NoCrypto);
    }
    Ok(subtle)
}

async fn settle(promise: Result<js_sys::Promise, JsValue>, failure: LockError) -> Result<JsValue, LockError> {
    JsFuture::from(promise.map_err(|_| failure)?).await.map_err(|_| failure)
}

/// Derives the AES-GCM key of `passphrase` with `salt` (base64).
async fn derive(passphrase: &str, salt: String, iterations: u32) -> Result<Key, LockError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let material = settle(
        subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages),
        LockError::NoCrypto,
    )
    .await?;
    let material: CryptoKey = material.unchecked_into();
    let salt_bytes = from_base64(&salt)?;
    let params = Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt_bytes.as_slice()),
    );
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = settle(
        subtle.derive_key_with_object_and_object(
            &params,
            &material,
            &AesKeyGenParams::new("AES-GCM", 256),
            false,
            &usages,
        ),
        LockError::NoCrypto,
    )
    .await?;
    Ok(Key {
        key: key.unchecked_into(),
        salt,
        iterations,
    })
}

/// The key `passphrase` gives for `lock`.
pub async fn derive_for(lock: &Lock, passphrase: &str) -> Result<Key, LockError> {
    derive(passphrase, lock.salt.clone(), lock.iterations).await
}

/// A new lock for `passphrase`: a fresh random salt, and `check` sealed
/// with the key so a wrong passphrase can be told apart later.
pub async fn new_lock(passphrase: &str, check: &str) -> Result<(Key, Lock), LockError> {
    let key = derive(
        passphrase,
        to_base64(&random::try_bytes::<16>().ok_or(LockError::NoCrypto)?)?,
        ITERATIONS,
    )
    .await?;
    let lock = Lock {
        kdf: "PBKDF2-SHA-256".into(),
        iterations: key.iterations,
        salt: key.salt.clone(),
        check: seal(&key, check).await?,
    };
    Ok((key, lock))
}

/// Encrypts `text` with `key` and a fresh random IV.
pub async fn seal(key: &Key, text: &str) -> Result<Seal, LockError> {
    let mut iv = random::try_bytes::<12>().ok_or(LockError::NoCrypto)?;
    let params = AesGcmParams::new_with_u8_slice("AES-GCM", &mut iv);
    let data = settle(
        subtle()?.encrypt_with_object_and_u8_array(&params, &key.key, text.as_bytes()),
        LockError::NoCrypto,
    )
    .await?;
    Ok(Seal {
        iv: to_base64(&iv)?,
        data: to_base64(&Uint8Array::new(&data.unchecked_into::<ArrayBuffer>()).to_vec())?,
    })
}

/// Opens `seal` with `key`.
pub async fn open_with(key: &Key, seal: &Seal) -> Result<String, LockError> {
    let mut iv = from_base64(&seal.iv)?;
    let data = from_base64(&seal.data)?;
    let params = AesGcmParams::new_with_u8_slice("AES-GCM", &mut iv);
    let plain = settle(
        subtle()?.decrypt_with_object_and_u8_array(&params, &key.key, &data),
        LockError::NotOpened,
    )
    .await?;
    String::from_utf8(Uint8Array::new(&plain.unchecked_into::<ArrayBuffer>()).to_vec())
        .map_err(|_| LockError::NotOpened)
}

/// Whether `key` was derived for `lock` (same salt and iterations).
pub fn fits(key: &Key, lock: &Lock) -> bool {
    key.iterations == lock.iterations && key.salt == lock.salt
}

/// Base64 by the browser (`btoa` over the bytes as a binary string).
fn to_base64(bytes: &[u8]) -> Result<String, LockError> {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    web_sys::window()
        .ok_or(LockError::NoCrypto)?
        .btoa(&binary)
        .map_err(|_| LockError::NoCrypto)
}

/// Bytes from base64 (`atob`); text that is not base64 was changed.
fn from_base64(text: &str) -> Result<Vec<u8>, LockError> {
    let binary = web_sys::window()
        .ok_or(LockError::NoCrypto)?
        .atob(text)
        .map_err(|_| LockError::NotOpened)?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).map_err(|_| LockError::NotOpened))
        .collect()
}
