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
}

/**
 * Brotli 6 is dozens of times faster than 11 for about 10% more bytes, and a miss waits for
 * it; gzip 6 is zlib's own default. Synchronous: the stream machinery of zlib's callback API
 * costs more than the compression of a page.
 */
const BROTLI_QUALITY = 6;

function compress(body: Buffer, encoding: Compression): Buffer {
  const out =
    encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : zlib.gzipSync(body, { level: 6 });
  // zlib may hand back a view of its larger output chunk; a kept copy of exactly the body
  // does not hold the rest of that chunk in memory (it was 3× the body for most pages).
  return out.byteLength === out.buffer.byteLength ? out : Buffer.from(out);
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

/** A weak ETag from the body: the same bytes give the same tag in every process. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Builds the entry, compressed for `encodings` (at least one; both by default). `headers`
 * are the page's own (content type, cache policy, security headers, tags); this adds the
 * encoding, length, ETag and Vary of each variant.
 */
export function buildCachedPage(content: string | Buffer, headers: Readonly<Record<string, string>>, tags: readonly string[], encodings: readonly Compression[] = ['br', 'gzip'], status = 200): CachedPage {
  const identity = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = etagOf(identity);
  const base = { baseHeaders: { ...headers, etag, vary: 'accept-encoding' } };
  const variants: { br?: Variant; gzip?: Variant } = {};
  for (const encoding of new Set(encodings.length > 0 ? encodings : (['br'] as const))) {
    const body = compress(identity, encoding);
    variants[encoding] = { body, headers: headersFor(base, body, encoding) };
  }
  return {
    etag,
    ...(status === 200 ? {} : { status }),
    tags,
    ...base,
    ...variants,
    bytes: (variants.br?.body.length ?? 0) + (variants.gzip?.body.length ?? 0) + overheadBytes(base.baseHeaders, tags),
    identityHeaders: headersFor(base, identity, 'identity'),
  };
}

/** The page with `encoding` added (the same page if it has it). */
export function withEncoding(page: CachedPage, encoding: Compression): CachedPage {
  if (page[encoding]) return page;
  const body = compress(inflate(page), encoding);
  return { ...page, [encoding]: { body, headers: headersFor(page, body, encoding) }, bytes: page.bytes + body.length };
}

/** The body and headers to send for an encoding the page has, or identity (inflated). */
export function variant(page: CachedPage, encoding: Encoding): Variant {
  if (encoding === 'identity') return { body: inflate(page), headers: page.identityHeaders };
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
