//! A QR code for a response code, made on the device: version 1 (21 × 21
//! modules), error correction level M (about 15 % of the symbol may be
//! damaged), alphanumeric mode, which holds up to 20 characters of
//! `0–9 A–Z space $ % * + - . / :`; a response code with its dashes is 19.
//!
//! Written from ISO/IEC 18004 rather than taken as a dependency: one fixed
//! version needs a few hundred lines, a general QR crate costs several
//! times that in the app's download. The end-to-end tests read the drawn
//! code back with a QR decoder.

/// Modules per side.
pub const SIZE: usize = 21;
const DATA_CODEWORDS: usize = 16;
const EC_CODEWORDS: usize = 10;
const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// A drawn QR code: `SIZE × SIZE` modules, `true` for dark, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    modules: Vec<bool>,
}

impl Qr {
    /// The QR code of `text`, or `None` if it has more than 20 characters
    /// or one outside the alphanumeric set (lower case included).
    pub fn encode(text: &str) -> Option<Qr> {
        let data = data_codewords(text)?;
        let mut codewords = data.clone();
        codewords.extend(error_correction(&data));
        let mut best: Option<(u32, Qr)> = None;
        for mask in 0..8 {
            let qr = Qr::draw(&codewords, mask);
            let penalty = qr.penalty();
            if best.as_ref().is_none_or(|(p, _)| penalty < *p) {
                best = Some((penalty, qr));
            }
        }
        best.map(|(_, qr)| qr)
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * SIZE + x]
    }

    /// An SVG path (`M x y h1v1h-1z…`) drawing the dark modules, shifted by
    /// `border` modules of quiet zone; the picture is `SIZE + 2 × border`
    /// units wide.
    pub fn svg_path(&self, border: usize) -> String {
        let mut path = String::new();
        for y in 0..SIZE {
            for x in 0..SIZE {
                if self.dark(x, y) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + border, y + border));
                }
            }
        }
        path
    }

    fn draw(codewords: &[u8], mask: u8) -> Qr {
        let mut grid = Grid {
            dark: vec![false; SIZE * SIZE],
            reserved: vec![false; SIZE * SIZE],
        };
        grid.function_patterns();
        grid.format(mask);
        grid.data(codewords, mask);
        Qr { modules: grid.dark }
    }

    /// The standard's penalty score: lower reads more reliably.
    fn penalty(&self) -> u32 {
        let mut score = 0;
        let line = |i: usize, j: usize, rows: bool| if rows { self.dark(j, i) } else { self.dark(i, j) };
        for rows in [true, false] {
            for i in 0..SIZE {
                // Runs of five or more of one colour.
                let mut run = 1;
                for j in 1..SIZE {
                    if line(i, j, rows) == line(i, j - 1, rows) {
                        run += 1;
                    } else {
                        score += if run >= 5 { run - 2 } else { 0 };
                        run = 1;
                    }
                }
                score += if run >= 5 { run - 2 } else { 0 };
                // Finder-like patterns 1:1:3:1:1 with four light modules beside.
                const PATTERN: [bool; 11] = [true, false, true, true, true, false, true, false, false, false, false];
                for j in 0..=SIZE - 11 {
                    let forward = (0..11).all(|k| line(i, j + k, rows) == PATTERN[k]);
                    let backward = (0..11).all(|k| line(i, j + k, rows) == PATTERN[10 - k]);
                    score += 40 * (u32::from(forward) + u32::from(backward));
                }
            }
        }
        // 2 × 2 blocks of one colour.
        for y in 0..SIZE - 1 {
            for x in 0..SIZE - 1 {
                let c = self.dark(x, y);
                if c == self.dark(x + 1, y) && c == self.dark(x, y + 1) && c == self.dark(x + 1, y + 1) {
                    score += 3;
                }
            }
        }
        // Balance of dark and light, by steps of 5 % away from half.
        let dark = self.modules.iter().filter(|&&d| d).count();
        let percent = dark * 100 / (SIZE * SIZE);
        score + 10 * (percent.abs_diff(50) / 5) as u32
    }
}

/// The 16 data codewords: mode, count, characters in pairs, terminator, padding.
fn data_codewords(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u16> = text
        .bytes()
        .map(|b| ALPHANUMERIC.iter().position(|&a| a == b).map(|p| p as u16))
        .collect::<Option<_>>()?;
    if values.is_empty() || values.len() > 20 {
        return None;
    }
    let mut bits = Bits::default();
    bits.push(0b0010, 4);
    bits.push(values.len() as u32, 9);
    for pair in values.chunks(2) {
        match pair {
            [a, b] => bits.push(u32::from(a * 45 + b), 11),
            [a] => bits.push(u32::from(*a), 6),
            _ => {}
        }
    }
    let capacity = DATA_CODEWORDS * 8;
    let terminator = (capacity - bits.len).min(4);
    bits.push(0, terminator);
    bits.push(0, (8 - bits.len % 8) % 8);
    let mut bytes = bits.bytes;
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= DATA_CODEWORDS {
            break;
        }
        bytes.push(pad);
    }
    Some(bytes)
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, count: usize) {
        for i in (0..count).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

/// GF(256) product, with the QR field polynomial x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        let carry = a & 0x80 != 0;
        a <<= 1;
        if carry {
            a ^= 0x1D;
        }
        b >>= 1;
    }
    product
}

/// The Reed–Solomon error correction codewords of `data`.
fn error_correction(data: &[u8]) -> Vec<u8> {
    // Generator (x − α⁰)(x − α¹)…(x − α⁹), highest power first, leading 1 left out.
    let mut generator = vec![0u8; EC_CODEWORDS];
    generator[EC_CODEWORDS - 1] = 1;
    let mut root = 1u8;
    for _ in 0..EC_CODEWORDS {
        for j in 0..EC_CODEWORDS {
            generator[j] = gf_mul(generator[j], root);
            if j + 1 < EC_CODEWORDS {
                generator[j] ^= generator[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    let mut remainder = vec![0u8; EC_CODEWORDS];
    for &byte in data {
        let factor = byte ^ remainder[0];
        remainder.remove(0);
        remainder.push(0);
        for (r, &g) in remainder.iter_mut().zip(&generator) {
            *r ^= gf_mul(g, factor);
        }
    }
    remainder
}

struct Grid {
    dark: Vec<bool>,
    reserved: Vec<bool>,
}

impl Grid {
    fn set(&mut self, x: usize, y: usize, dark: bool) {
        self.dark[y * SIZE + x] = dark;
        self.reserved[y * SIZE + x] = true;
    }

    fn function_patterns(&mut self) {
        for (cx, cy) in [(3, 3), (SIZE - 4, 3), (3, SIZE - 4)] {
            // The finder (7 × 7) and its light separator around it.
            for dy in -4i32..=4 {
                for dx in -4i32..=4 {
                    let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                    if (0..SIZE as i32).contains(&x) && (0..SIZE as i32).contains(&y) {
                        let ring = dx.abs().max(dy.abs());
                        self.set(x as usize, y as usize, ring != 2 && ring != 4);
                    }
                }
            }
        }
        for i in 8..SIZE - 8 {
            self.set(6, i, i % 2 == 0);
            self.set(i, 6, i % 2 == 0);
        }
    }

    /// The format information (level M, `mask`), in both copies, and the
    /// dark module.
    fn format(&mut self, mask: u8) {
        let data = u32::from(mask); // level M is 00
        let mut remainder = data;
        for _ in 0..10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }
        let bits = ((data << 10) | remainder) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        for i in 0..=5 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(SIZE - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, SIZE - 15 + i, bit(i));
        }
        self.set(8, SIZE - 8, true);
    }

    /// The codewords in the zigzag of two-module columns, masked.
    fn data(&mut self, codewords: &[u8], mask: u8) {
        let mut i = 0;
        let mut right = SIZE - 1;
        loop {
            if right == 6 {
                right = 5;
            }
            for vertical in 0..SIZE {
                for j in 0..2 {
                    let x = right - j;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward { SIZE - 1 - vertical } else { vertical };
                    if self.reserved[y * SIZE + x] {
                        continue;
                    }
                    let bit = codewords.get(i / 8).is_some_and(|byte| (byte >> (7 - i % 8)) & 1 == 1);
                    self.dark[y * SIZE + x] = bit ^ masked(mask, x, y);
                    i += 1;
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }
}

/// Whether mask pattern `mask` flips the module at column `x`, row `y`.
fn masked(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hello_world_gives_the_standard_codewords() {
        // The worked example of version 1-M in the QR literature.
        let data = data_codewords("HELLO WORLD").unwrap();
        assert_eq!(
            data,
            [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        );
        assert_eq!(error_correction(&data), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    }

    #[test]
    fn a_response_code_fits_and_anything_else_is_refused() {
        assert!(Qr::encode("7KQ2-9XDM-0R4T-HW3B").is_some());
        assert!(Qr::encode("7kq2").is_none(), "lower case is not alphanumeric mode");
        assert!(Qr::encode("<svg>").is_none());
        assert!(Qr::encode("").is_none());
        assert!(Qr::encode("123456789012345678901").is_none(), "21 characters");
    }

    #[test]
    fn the_finders_timing_and_dark_module_are_in_place() {
        let qr = Qr::encode("7KQ2-9XDM-0R4T-HW3B").unwrap();
        for (cx, cy) in [(3, 3), (17, 3), (3, 17)] {
            assert!(qr.dark(cx, cy), "finder centre");
            assert!(!qr.dark(cx + 2, cy), "finder light ring");
            assert!(qr.dark(cx + 3, cy), "finder outer ring");
        }
        assert!(qr.dark(8, 13), "the dark module");
        assert!((8..13).all(|i| qr.dark(i, 6) == (i % 2 == 0)));
        assert_eq!(
            qr.svg_path(4).matches('M').count(),
            qr.modules.iter().filter(|&&d| d).count()
        );
    }

    #[test]
    fn both_copies_of_the_format_information_agree() {
        let qr = Qr::encode("HELLO WORLD").unwrap();
        let first: Vec<bool> = (0..=5)
            .map(|i| qr.dark(8, i))
            .chain([qr.dark(8, 7), qr.dark(8, 8), qr.dark(7, 8)])
            .chain((9..15).map(|i| qr.dark(14 - i, 8)))
            .collect();
        let second: Vec<bool> = (0..8)
            .map(|i| qr.dark(SIZE - 1 - i, 8))
            .chain((8..15).map(|i| qr.dark(8, SIZE - 15 + i)))
            .collect();
        assert_eq!(first, second);
    }
}
