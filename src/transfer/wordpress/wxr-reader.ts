/**
 * Reads a WordPress export (WXR: RSS 2.0 with WordPress's own elements, as Tools → Export
 * writes it) as a stream, one entry at a time: the site, each author, category, tag and
 * item (post, page, attachment …) with its meta and comments.
 *
 * Hostile files are refused, not survived by luck:
 * - any DOCTYPE stops the read (WordPress never writes one; a DTD is how XXE and "billion
 *   laughs" files arrive). saxes never reads external entities nor expands declared ones
 *   either, so an entity reference the file defines itself is an error too;
 * - bytes that are not UTF-8 stop it (the decoder is fatal, not replacing);
 * - no text may grow past `maxTextChars` (a 1 GB text node is refused once the bound is
 *   passed, while the parser holds at most that much), and no item past `maxItemChars`;
 * - nesting deeper than WXR's own is refused.
 * The reader builds no DOM of the file and keeps only the entry being read.
 */
import fs from 'node:fs';
import { SaxesParser } from 'saxes';

export class WxrError extends Error {
  override name = 'WxrError';
  constructor(
    message: string,
    /** Line in the file where it went wrong, when known. */
    readonly line?: number,
  ) {
    super(line ? `${message} (line ${line})` : message);
  }
}

export interface WxrSite {
  title: string;
  /** The site's address, e.g. `https://example.com` (base_blog_url, else the channel link). */
  url: string;
  language: string;
}

export interface WxrAuthor {
  id: number;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  id: number;
  taxonomy: string;
  /** As WordPress stores it: Devanagari slugs percent-encoded. */
  slug: string;
  parentSlug: string;
  name: string;
  description: string;
}

export interface WxrComment {
  id: number;
  author: string;
  email: string;
  url: string;
  dateGmt: string;
  date: string;
  content: string;
  /** '1', '0', 'spam', 'trash', 'post-trashed'. */
  approved: string;
  /** '' or 'comment' for comments; 'pingback', 'trackback' … otherwise. */
  type: string;
  parent: number;
}

export interface WxrItem {
  id: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  commentStatus: string;
  /** As WordPress stores it: Devanagari slugs percent-encoded. */
  slug: string;
  status: string;
  type: string;
  parent: number;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  categories: { domain: string; nicename: string; name: string }[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export type WxrEntry =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

export interface WxrLimits {
  /** Longest one text (a post's content, a title …), in characters. */
  maxTextChars: number;
  /** Most characters in one item, its comments and meta included. */
  maxItemChars: number;
}

export const DEFAULT_WXR_LIMITS: WxrLimits = { maxTextChars: 8 * 1024 * 1024, maxItemChars: 32 * 1024 * 1024 };

/** WXR nests at most rss > channel > item > wp:comment > wp:commentmeta > wp:meta_value. */
const MAX_DEPTH = 8;
/** Most children one element may have (an item's categories, meta and comments). */
const MAX_CHILDREN = 100_000;

interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}

/** A file's path, or (for tests and streams) a function giving its bytes afresh each time it is called. */
export type WxrSource = string | (() => AsyncIterable<Uint8Array>);

/**
 * The entries of a WXR file, in file order. Throws WxrError for a file that is not a
 * whole, well-formed WordPress export within the limits; entries before the fault have
 * been yielded by then, so a caller that must not act on a bad file reads it through
 * once first (see `scanWxr` in wordpress-import.ts).
 */
export async function* readWxr(source: WxrSource, limits: WxrLimits = DEFAULT_WXR_LIMITS, onRead?: (bytes: number) => void): AsyncGenerator<WxrEntry> {
  let read = 0;
  const parser = new SaxesParser({ position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const queue: WxrEntry[] = [];
  const stack: Node[] = [];
  let sawRss = false;
  let sawChannel = false;
  let siteDone = false;
  const site: WxrSite = { title: '', url: '', language: '' };
  let itemChars = 0;
  // Characters fed to the parser since it last reported anything: what it may be holding.
  let pending = 0;

  const fail = (message: string): never => {
    throw new WxrError(message, parser.line);
  };
  const addText = (text: string) => {
    pending = 0;
    const top = stack[stack.length - 1];
    if (!top) {
      if (text.trim()) fail('text outside the document');
      return;
    }
    if (stack.length < 3) return; // whitespace between channel-level elements
    if (top.text.length + text.length > limits.maxTextChars) fail(`a text in the file is longer than ${limits.maxTextChars} characters`);
    itemChars += text.length;
    if (itemChars > limits.maxItemChars) fail(`an entry of the file is longer than ${limits.maxItemChars} characters`);
    top.text += text;
  };

  parser.on('doctype', () => fail('the file has a DOCTYPE, which WordPress never writes (it could define entities); refused'));
  parser.on('opentag', (tag) => {
    pending = 0;
    const depth = stack.length;
    if (depth === 0) {
      if (tag.name !== 'rss' || sawRss) fail('this is not a WordPress export (no <rss> root element)');
      sawRss = true;
    } else if (depth === 1 && tag.name === 'channel') sawChannel = true;
    if (depth >= MAX_DEPTH) fail('elements are nested deeper than a WordPress export nests them');
    const parent = stack[depth - 1];
    if (parent && parent.children.length >= MAX_CHILDREN) fail('an element has too many children');
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = typeof v === 'string' ? v : v.value;
    const node: Node = { name: tag.name, attributes, text: '', children: [] };
    // Below the channel, entries are kept whole until they close; above, only the path.
    if (parent && depth >= 3) parent.children.push(node);
    if (depth === 2) itemChars = 0;
    stack.push(node);
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    pending = 0;
    const node = stack.pop()!;
    if (stack.length === 2 && stack[1]!.name === 'channel') {
      const entry = toEntry(node, site);
      if (entry === 'site-field') return;
      if (!siteDone) {
        siteDone = true;
        queue.push({ kind: 'site', site: { ...site } });
      }
      if (entry) queue.push(entry);
    }
  });

  const stream = typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: 64 * 1024 }) : null;
  const chunks = stream ? (stream as AsyncIterable<Buffer>) : (source as () => AsyncIterable<Uint8Array>)();
  try {
    for await (const chunk of chunks) {
      read += chunk.length;
      onRead?.(read);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        fail('the file is not valid UTF-8');
      }
      pending += text!.length;
      // A text node or CDATA section the parser is still collecting: refuse it past the bound.
      if (pending > limits.maxTextChars + 1024) fail(`a text in the file is longer than ${limits.maxTextChars} characters`);
      write(parser, text!);
      yield* queue.splice(0);
    }
    try {
      decoder.decode();
    } catch {
      fail('the file is not valid UTF-8 (it ends inside a character)');
    }
    try {
      parser.close();
    } catch (err) {
      fail(`the file ends too early or is not well-formed XML: ${xmlMessage(err)}`);
    }
  } finally {
    stream?.destroy();
  }
  if (!sawChannel) fail('this is not a WordPress export (no <channel>)');
  if (!siteDone) queue.push({ kind: 'site', site: { ...site } });
  yield* queue.splice(0);
}

function write(parser: SaxesParser, text: string): void {
  try {
    parser.write(text);
  } catch (err) {
    if (err instanceof WxrError) throw err;
    throw new WxrError(`the file is not well-formed XML: ${xmlMessage(err)}`, parser.line);
  }
}

/** saxes prefixes its messages with the position; the line is given apart. */
function xmlMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^[^:]*:\d+:\d+: /, '');
}

function child(node: Node, name: string): string {
  for (const c of node.children) if (c.name === name) return c.text;
  return '';
}

function int(text: string): number {
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** A channel-level element as an entry; 'site-field' for the site's own fields; null for anything else. */
function toEntry(node: Node, site: WxrSite): WxrEntry | 'site-field' | null {
  switch (node.name) {
    case 'title':
      site.title = node.text.trim();
      return 'site-field';
    case 'link':
      if (!site.url) site.url = node.text.trim();
      return 'site-field';
    case 'wp:base_blog_url':
      if (node.text.trim()) site.url = node.text.trim();
      return 'site-field';
    case 'language':
      site.language = node.text.trim();
      return 'site-field';
    case 'wp:author':
      return {
        kind: 'author',
        author: {
          id: int(child(node, 'wp:author_id')),
          login: child(node, 'wp:author_login').trim(),
          email: child(node, 'wp:author_email').trim(),
          displayName: child(node, 'wp:author_display_name').trim(),
          firstName: child(node, 'wp:author_first_name').trim(),
          lastName: child(node, 'wp:author_last_name').trim(),
        },
      };
    case 'wp:category':
      return {
        kind: 'term',
        term: {
          id: int(child(node, 'wp:term_id')),
          taxonomy: 'category',
          slug: child(node, 'wp:category_nicename').trim(),
          parentSlug: child(node, 'wp:category_parent').trim(),
          name: child(node, 'wp:cat_name').trim(),
          description: child(node, 'wp:category_description'),
        },
      };
    case 'wp:tag':
      return {
        kind: 'term',
        term: {
          id: int(child(node, 'wp:term_id')),
          taxonomy: 'post_tag',
          slug: child(node, 'wp:tag_slug').trim(),
          parentSlug: '',
          name: child(node, 'wp:tag_name').trim(),
          description: child(node, 'wp:tag_description'),
        },
      };
    case 'item':
      return { kind: 'item', item: toItem(node) };
    default:
      // wp:term (repeats categories and tags, plus other taxonomies), generator, pubDate …
      return null;
  }
}

function toItem(node: Node): WxrItem {
  const meta = new Map<string, string>();
  const categories: WxrItem['categories'] = [];
  const comments: WxrComment[] = [];
  for (const c of node.children) {
    if (c.name === 'wp:postmeta') meta.set(child(c, 'wp:meta_key'), child(c, 'wp:meta_value'));
    else if (c.name === 'category') categories.push({ domain: c.attributes['domain'] ?? '', nicename: c.attributes['nicename'] ?? '', name: c.text.trim() });
    else if (c.name === 'wp:comment') {
      comments.push({
        id: int(child(c, 'wp:comment_id')),
        author: child(c, 'wp:comment_author').trim(),
        email: child(c, 'wp:comment_author_email').trim(),
        url: child(c, 'wp:comment_author_url').trim(),
        date: child(c, 'wp:comment_date').trim(),
        dateGmt: child(c, 'wp:comment_date_gmt').trim(),
        content: child(c, 'wp:comment_content'),
        approved: child(c, 'wp:comment_approved').trim(),
        type: child(c, 'wp:comment_type').trim(),
        parent: int(child(c, 'wp:comment_parent')),
      });
    }
  }
  return {
    id: int(child(node, 'wp:post_id')),
    title: child(node, 'title'),
    link: child(node, 'link').trim(),
    creator: child(node, 'dc:creator').trim(),
    content: child(node, 'content:encoded'),
    excerpt: child(node, 'excerpt:encoded'),
    date: child(node, 'wp:post_date').trim(),
    dateGmt: child(node, 'wp:post_date_gmt').trim(),
    modifiedGmt: child(node, 'wp:post_modified_gmt').trim(),
    commentStatus: child(node, 'wp:comment_status').trim(),
    slug: child(node, 'wp:post_name').trim(),
    status: child(node, 'wp:status').trim(),
    type: child(node, 'wp:post_type').trim(),
    parent: int(child(node, 'wp:post_parent')),
    password: child(node, 'wp:post_password'),
    sticky: child(node, 'wp:is_sticky').trim() === '1',
    attachmentUrl: child(node, 'wp:attachment_url').trim(),
    categories,
    meta,
    comments,
  };
}
