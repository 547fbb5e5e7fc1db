// The camera side of « Scanner les codes » in the class app, loaded only
// when the teacher presses the button (src/class/scanner.rs).
//
// It shows the camera's picture in `container` and calls `found(text)` for
// each QR code it reads: with the browser's BarcodeDetector where there is
// one, or else with the app's own reader in a web worker (worker.js). The
// picture is never recorded, stored or sent; `stop()` turns the camera off.
// The same code held in front of the camera is reported once, then again
// only if it comes back after a pause, so the page can say « déjà compté ».

/** How often a frame is read, in milliseconds. */
const EVERY = 150;
/** The same text is reported again only after this long without it. */
const AGAIN_AFTER = 2500;
/** Frames are read at most this wide (a QR code on a phone stays readable). */
const MAX_WIDTH = 640;

/** A reader of QR codes in a video frame: `read(video) → Promise<string[]>`. */
async function makeReader() {
  if ('BarcodeDetector' in self) {
    try {
      const formats = await self.BarcodeDetector.getSupportedFormats();
      if (formats.includes('qr_code')) {
        const detector = new self.BarcodeDetector({ formats: ['qr_code'] });
        return { read: async (video) => (await detector.detect(video)).map((code) => code.rawValue), stop() {} };
      }
    } catch {
      // No usable detector: the worker reads instead.
    }
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    read(video) {
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      return new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data.texts);
        worker.postMessage({ rgba: data.buffer, width: canvas.width, height: canvas.height }, [data.buffer]);
      });
    },
    stop: () => worker.terminate(),
  };
}

/**
 * Starts the camera in `container`; resolves to a function that stops it.
 * Rejects with the browser's error (its `name` says why: NotAllowedError,
 * NotFoundError, NotReadableError…) if the camera cannot start.
 */
export async function start(container, found) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('no camera API'), { name: 'NotFoundError' });
  }
  const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: 'environment' } });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  video.srcObject = stream;
  container.replaceChildren(video);
  let reader;
  try {
    await video.play();
    reader = await makeReader();
  } catch (error) {
    stream.getTracks().forEach((track) => track.stop());
    video.remove();
    throw error;
  }
  let stopped = false;
  let timer = 0;
  const last = new Map();
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const texts = await reader.read(video).catch(() => []);
      const now = performance.now();
      for (const text of texts) {
        const seen = last.get(text);
        last.set(text, now);
        if (!stopped && (seen === undefined || now - seen > AGAIN_AFTER)) found(text);
      }
    }
    if (!stopped) timer = setTimeout(tick, EVERY);
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    reader.stop();
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
    video.remove();
  };
}
