/**
 * A rendered page as the cache keeps it: the body in each encoding, compressed once when
 * stored, with the headers each answer needs already built, so a hit is one write.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CacheEntry } from './page-cache.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

export interface Variant {
  readonly body: Buffer;
  /** Every response header for this encoding, content-length and etag included. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface CachedPage extends CacheEntry {
  readonly etag: string;
  /**
   * Only the compressed bodies are kept: nearly every client takes brotli or gzip, and the
   * rare one that takes neither gets the gzip body inflated (`variant`), which costs less
   * than keeping a third, largest copy of every page.
   */
  readonly br: Variant;
  readonly gzip: Variant;
  readonly identityHeaders: Readonly<Record<string, string>>;
}

/** The body and headers to send for an encoding. */
export function variant(page: CachedPage, encoding: Encoding): Variant {
  if (encoding !== 'identity') return page[encoding];
  return { body: zlib.gunzipSync(page.gzip.body), headers: page.identityHeaders };
}

/**
 * Brotli 6 is several times faster than 11 for a few percent more bytes, and a miss
 * waits for it; gzip 6 is zlib's own default.
 */
const BROTLI_QUALITY = 6;

/** A weak ETag from the body: the same bytes give the same tag in every process. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Builds the entry. `headers` are the page's own (content type, cache policy, security
 * headers, tags); this adds the encoding, length, ETag and Vary of each variant.
 */
export async function buildCachedPage(content: string | Buffer, headers: Readonly<Record<string, string>>, tags: readonly string[]): Promise<CachedPage> {
  const identity = typeof content === 'string' ? Buffer.from(content) : content;
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip(identity, { level: 6 }),
  ]);
  const etag = etagOf(identity);
  const headersFor = (body: Buffer, encoding: Encoding) => ({
    ...headers,
    etag,
    vary: 'accept-encoding',
    'content-length': String(body.length),
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  });
  return {
    etag,
    tags,
    bytes: br.length + gz.length,
    br: { body: br, headers: headersFor(br, 'br') },
    gzip: { body: gz, headers: headersFor(gz, 'gzip') },
    identityHeaders: headersFor(identity, 'identity'),
  };
}

/**
 * The best encoding the client accepts: brotli, then gzip, else none. Honours q=0
 * ("not this one") and `*`; a malformed header means no compression, never an error.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  if (acceptEncoding === undefined) return 'identity';
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (header.length > 1024) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isNaN(q)) accepted.set(name, q);
  }
  const wildcard = accepted.get('*');
  const allows = (name: string) => (accepted.get(name) ?? wildcard ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 says for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
