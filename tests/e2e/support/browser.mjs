// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and serves the built dist/ on 127.0.0.1, once per test file.
import { chromium } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Starts the server and the browser; returns `{ url, browser, close }`. */
export async function launch() {
  const server = await startServer({ dir: process.env.AMARRE_DIST || 'dist', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Sizes the suite looks at: a small phone and a desktop. */
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
