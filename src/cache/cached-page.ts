/**
 * A rendered page as the cache keeps it: compressed bodies with the headers each answer
 * needs already built, so a hit is one write.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { CacheEntry } from './page-cache.ts';

export type Encoding = 'br' | 'gzip' | 'identity';
export type Compression = Exclude<Encoding, 'identity'>;

export interface Variant {
  readonly body: Buffer;
  /** Every response header for this encoding, content-length and etag included. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The same headers as one flat [name, value, …] list, with `x-cache: HIT`: a cache hit
   * hands it to writeHead as it is (no object to walk, nothing built per request).
   */
  readonly raw: readonly string[];
}

export interface CachedPage extends CacheEntry {
  readonly etag: string;
  /** The answer's status when not 200: a 301 of an old address (http/site/old-addresses.ts). */
  readonly status?: number;
  /** The page's own headers with the ETag and Vary, without length or encoding. */
  readonly baseHeaders: Readonly<Record<string, string>>;
  /**
   * Only compressed bodies are kept, and only those asked for: a page is compressed for the
   * encoding of the reader who missed, and for another encoding when a reader first asks for
   * it (`withEncoding`). Nearly every browser takes brotli, so most pages are compressed
   * once. A client that takes no compression gets a stored body inflated (`variant`),
   * cheaper than keeping a third, largest copy of every page.
   */
  readonly br?: Variant;
  readonly gzip?: Variant;
  readonly identityHeaders: Readonly<Record<string, string>>;
  /** The headers of a 304 for this page, flat, with `x-cache: HIT`. */
  readonly notModifiedRaw: readonly string[];
  /**
   * Compressed quickly (a miss waits for it); `refine` recompresses it at full quality,
   * off the request thread, once the page proves to be read more than once.
   */
  readonly quick: boolean;
}

/**
 * Two levels. A miss waits for its compression, so it gets brotli 3 (or gzip 1): about a
 * third of brotli 6's CPU on a news page, for about 20% more bytes (still fewer than gzip 6).
 * A page read a second time is refined to brotli 6 / gzip 6 in the background (`refine`):
 * dozens of times faster than brotli 11 for about 10% more bytes. Synchronous on the request
 * path: the stream machinery of zlib's callback API costs more than compressing a page.
 */
const LEVELS = {
  quick: { br: 3, gzip: 1 },
  full: { br: 6, gzip: 6 },
} as const;
type Level = keyof typeof LEVELS;

function zlibOptions(body: Buffer, encoding: Compression, level: Level): zlib.BrotliOptions | zlib.ZlibOptions {
  return encoding === 'br'
    ? { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: LEVELS[level].br, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }
    : { level: LEVELS[level].gzip };
}

/**
 * zlib may hand back a view of its larger output chunk; a kept copy of exactly the body
 * does not hold the rest of that chunk in memory (it was 3× the body for most pages).
 */
function exact(out: Buffer): Buffer {
  return out.byteLength === out.buffer.byteLength ? out : Buffer.from(out);
}

function compress(body: Buffer, encoding: Compression, level: Level = 'quick'): Buffer {
  return exact(encoding === 'br' ? zlib.brotliCompressSync(body, zlibOptions(body, encoding, level)) : zlib.gzipSync(body, zlibOptions(body, encoding, level)));
}

/** The same on zlib's thread pool: the request thread does not wait for it. */
function compressInBackground(body: Buffer, encoding: Compression): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(exact(out)));
    if (encoding === 'br') zlib.brotliCompress(body, zlibOptions(body, encoding, 'full'), done);
    else zlib.gzip(body, zlibOptions(body, encoding, 'full'), done);
  });
}

/**
 * What an entry costs beyond its bodies, for the cache's byte budget: its headers (the tag
 * headers are long), its tags and their place in the tag index, and the objects around them.
 */
function overheadBytes(headers: Readonly<Record<string, string>>, tags: readonly string[]): number {
  let bytes = 1024;
  for (const [name, value] of Object.entries(headers)) bytes += name.length + value.length;
  for (const tag of tags) bytes += 2 * tag.length + 96;
  return bytes;
}

function inflate(page: CachedPage): Buffer {
  if (page.br) return zlib.brotliDecompressSync(page.br.body);
  if (page.gzip) return zlib.gunzipSync(page.gzip.body);
  return Buffer.alloc(0);
}

function headersFor(page: Pick<CachedPage, 'baseHeaders'>, body: Buffer, encoding: Encoding): Record<string, string> {
  return { ...page.baseHeaders, 'content-length': String(body.length), ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) };
}

/** Headers as a flat list for writeHead, with the cache's mark added. */
function rawHeaders(headers: Readonly<Record<string, string>>): string[] {
  const raw: string[] = [];
  for (const [name, value] of Object.entries(headers)) raw.push(name, value);
  raw.push('x-cache', 'HIT');
  return raw;
}

function makeVariant(page: Pick<CachedPage, 'baseHeaders'>, body: Buffer, encoding: Compression): Variant {
  const headers = headersFor(page, body, encoding);
  return { body, headers, raw: rawHeaders(headers) };
}

/** A weak ETag from the body: the same bytes give the same tag in every process. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Builds the entry, compressed for `encodings` (at least one; both by default) at the quick
 * level (see LEVELS). `headers` are the page's own (content type, cache policy, security
 * headers, tags); this adds the encoding, length, ETag and Vary of each variant.
 */
export function buildCachedPage(content: string | Buffer, headers: Readonly<Record<string, string>>, tags: readonly string[], encodings: readonly Compression[] = ['br', 'gzip'], status = 200): CachedPage {
  const identity = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = etagOf(identity);
  const base = { baseHeaders: { ...headers, etag, vary: 'accept-encoding' } as Record<string, string> };
  const variants: { br?: Variant; gzip?: Variant } = {};
  for (const encoding of new Set(encodings.length > 0 ? encodings : (['br'] as const))) {
    variants[encoding] = makeVariant(base, compress(identity, encoding), encoding);
  }
  return {
    etag,
    ...(status === 200 ? {} : { status }),
    tags,
    ...base,
    ...variants,
    bytes: (variants.br?.body.length ?? 0) + (variants.gzip?.body.length ?? 0) + overheadBytes(base.baseHeaders, tags),
    identityHeaders: headersFor(base, identity, 'identity'),
    notModifiedRaw: rawHeaders({ etag, 'cache-control': base.baseHeaders['cache-control'] ?? '', vary: 'accept-encoding' }),
    quick: true,
  };
}

/** The page with `encoding` added (the same page if it has it). */
export function withEncoding(page: CachedPage, encoding: Compression): CachedPage {
  if (page[encoding]) return page;
  const body = compress(inflate(page), encoding);
  return { ...page, [encoding]: makeVariant(page, body, encoding), bytes: page.bytes + body.length };
}

/**
 * The page with every body it holds recompressed at the full level, on zlib's thread pool.
 * Same bytes once inflated, so the same ETag: a reader's copy stays valid.
 */
export async function refine(page: CachedPage): Promise<CachedPage> {
  if (!page.quick) return page;
  const identity = inflate(page);
  const [br, gzip] = await Promise.all([page.br ? compressInBackground(identity, 'br') : null, page.gzip ? compressInBackground(identity, 'gzip') : null]);
  const before = (page.br?.body.length ?? 0) + (page.gzip?.body.length ?? 0);
  const after = (br?.length ?? 0) + (gzip?.length ?? 0);
  return {
    ...page,
    ...(br ? { br: makeVariant(page, br, 'br') } : {}),
    ...(gzip ? { gzip: makeVariant(page, gzip, 'gzip') } : {}),
    bytes: page.bytes - before + after,
    quick: false,
  };
}

/** The body and headers to send for an encoding the page has, or identity (inflated). */
export function variant(page: CachedPage, encoding: Encoding): Variant {
  if (encoding === 'identity') return { body: inflate(page), headers: page.identityHeaders, raw: rawHeaders(page.identityHeaders) };
  const stored = page[encoding] ?? withEncoding(page, encoding)[encoding];
  return stored!;
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
