//! The class app's QR reader, for browsers without `BarcodeDetector`: a
//! small wasm of its own, run in a web worker (`classe/qr/worker.js`) and
//! fetched only when the teacher presses « Scanner les codes » (from the
//! service worker's precache once the app has been opened, so nothing is
//! downloaded at that moment).
//!
//! It gets one camera frame as RGBA bytes and returns the text of every QR
//! code it finds, one per line. What the text means (a response code, or
//! not) is the class app's business.

use wasm_bindgen::prelude::*;

/// Most pixels a frame may have (a 1920 × 1080 camera): anything larger is
/// not a frame the page drew, and is not read.
const MAX_PIXELS: usize = 1920 * 1080;

/// The grey level of an RGBA pixel (ITU-R BT.601 weights, in integers).
fn grey(rgba: &[u8]) -> u8 {
    let [r, g, b] = [rgba[0], rgba[1], rgba[2]].map(u32::from);
    ((299 * r + 587 * g + 114 * b) / 1000) as u8
}

/// The texts of the QR codes in a `width` × `height` RGBA frame, one per
/// line; empty when there is none, or when the frame's size is wrong.
#[wasm_bindgen]
pub fn read_frame(rgba: &[u8], width: usize, height: usize) -> String {
    let pixels = width.saturating_mul(height);
    if pixels == 0 || pixels > MAX_PIXELS || rgba.len() != pixels * 4 {
        return String::new();
    }
    let greys: Vec<u8> = rgba.chunks_exact(4).map(grey).collect();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| greys[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_of_the_wrong_size_reads_nothing() {
        assert_eq!(read_frame(&[0; 12], 2, 2), "");
        assert_eq!(read_frame(&[], 0, 0), "");
        assert_eq!(read_frame(&[0; 4], usize::MAX, 2), "");
    }

    /// A frame of `side` pixels with the QR code of `text` drawn at
    /// `scale` pixels per module from (`left`, `top`), on white.
    fn frame(text: &str, side: usize, scale: usize, left: usize, top: usize) -> Vec<u8> {
        let qr = amarre_core::qr::Qr::encode(text).expect("a response code fits");
        let mut rgba = vec![255; side * side * 4];
        for y in 0..amarre_core::qr::SIZE * scale {
            for x in 0..amarre_core::qr::SIZE * scale {
                if qr.dark(x / scale, y / scale) {
                    let at = ((top + y) * side + left + x) * 4;
                    rgba[at..at + 3].fill(20);
                }
            }
        }
        rgba
    }

    #[test]
    fn the_apps_own_qr_codes_read_back_wherever_they_sit_in_the_frame() {
        let code = "7KQ2-9XDM-0R4T-HW3B";
        for (scale, left, top) in [(4, 20, 20), (6, 100, 40), (9, 30, 150)] {
            assert_eq!(read_frame(&frame(code, 400, scale, left, top), 400, 400), code);
        }
    }

    #[test]
    fn a_blank_frame_reads_nothing() {
        assert_eq!(read_frame(&vec![255; 64 * 64 * 4], 64, 64), "");
    }
}
