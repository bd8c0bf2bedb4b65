/**
 * Debian's chromium through playwright-core, launched with the flags this machine
 * and CI need (no sandbox as root, no background network). CHROMIUM_PATH overrides
 * the binary. A missing browser fails the test with how to install it.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { articlePath } from '../../src/domain/articles/article.ts';
import { referenceArticle } from '../../src/demo/content/index.ts';
import { openDemoApp, type TestApp } from './app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Where screenshots go (ignored by git). */
export const RESULTS_DIR = 'test-results';

export interface ReferenceSite {
  readonly t: TestApp;
  readonly browser: Browser;
  /** Where the demo app listens, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The reference article's address. */
  readonly refPath: string;
  close(): Promise<void>;
}

/** The demo site on SQLite, listening on a free port, the reference article's address, and a browser. */
export async function openReferenceSite(): Promise<ReferenceSite> {
  const t = await openDemoApp('sqlite');
  try {
    const origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const latest = await t.services.articles.latest(t.services.now(), 50);
    const refPath = articlePath(latest.find((a) => a.headline === referenceArticle.headline)!);
    const browser = await launchBrowser();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    return {
      t,
      browser,
      origin,
      refPath,
      async close() {
        await browser.close();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}
