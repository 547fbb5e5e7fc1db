//! Randomness for salts, ids and nonces, from the browser's
//! `crypto.getRandomValues` (a cryptographic generator) and nothing else:
//! a code's nonce or a session's salt must not be guessable, so there is no
//! fallback to a non-cryptographic generator or the clock.

/// `N` random bytes from Web Crypto, or `None` when the browser has none.
pub fn try_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut buffer = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut buffer).ok()?;
    Some(buffer)
}

/// `N` random bytes. Every browser that runs WebAssembly has
/// `getRandomValues` (it came years earlier); should one lack it, no salt
/// or nonce made here could be trusted, so the app stops on its calm page
/// ([`crate::shared::calm_failure`]) rather than make a guessable one.
pub fn bytes<const N: usize>() -> [u8; N] {
    try_bytes().expect("crypto.getRandomValues, which every browser running WebAssembly has")
}

/// A random 32-bit number.
pub fn u32() -> u32 {
    u32::from_le_bytes(bytes::<4>())
}
