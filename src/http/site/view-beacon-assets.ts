/**
 * The most-read beacon script (src/reader/view-beacon.ts), bundled at start
 * (http/assets/browser-bundle.ts, once per process). Its URL carries a content hash, so it
 * may be cached forever; the same source gives the same URL in every process.
 */
import { createHash } from 'node:crypto';
import { bundleBrowserScript } from '../assets/browser-bundle.ts';

export interface ViewBeaconScript {
  readonly url: string;
  readonly body: Buffer;
}

export async function buildViewBeaconScript(): Promise<ViewBeaconScript> {
  const body = await bundleBrowserScript('src/reader/view-beacon.ts');
  return { url: `/assets/view.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`, body };
}
