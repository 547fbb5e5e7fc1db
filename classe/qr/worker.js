// The class app's QR reader, in a web worker, for browsers without
// BarcodeDetector (crates/amarre-qr-reader, built by scripts/build next to
// this file). It receives camera frames as RGBA bytes from scan.js and
// answers with the texts of the QR codes it finds. Nothing leaves the
// device: the frame arrives by postMessage and is dropped after reading.
import init, { read_frame } from './amarre_qr_reader.js';

const ready = init({ module_or_path: new URL('./amarre_qr_reader_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { rgba, width, height } = event.data;
  try {
    await ready;
    const found = read_frame(new Uint8Array(rgba), width, height);
    self.postMessage({ texts: found ? found.split('\n') : [] });
  } catch (error) {
    self.postMessage({ texts: [], error: String(error) });
  }
};
