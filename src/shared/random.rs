//! Randomness for salts, ids and nonces, from the browser's
//! `crypto.getRandomValues` (a cryptographic generator), never
//! `Math.random`: a code's nonce or a session's salt must not be guessable
//! from earlier ones.

/// `count` random bytes. Every browser the app supports has Web Crypto;
/// should it be missing, the bytes come from the clock rather than the app
/// failing (a fingerprint salt then only gets weaker, never wrong).
pub fn bytes<const N: usize>() -> [u8; N] {
    let mut buffer = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut buffer).is_ok());
    if !filled {
        let now = js_sys::Date::now().to_bits().to_le_bytes();
        for (i, byte) in buffer.iter_mut().enumerate() {
            *byte = now[i % now.len()].rotate_left(i as u32);
        }
    }
    buffer
}

/// A random 32-bit number.
pub fn u32() -> u32 {
    u32::from_le_bytes(bytes::<4>())
}
