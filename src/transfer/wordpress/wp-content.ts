/**
 * WordPress post HTML → Samachar body blocks. One walker reads both kinds of content
 * WordPress stores: the classic editor's (paragraphs as blank lines, inline HTML,
 * `[caption]` shortcodes) and Gutenberg's block markup (HTML between `<!-- wp:… -->`
 * comments: the HTML inside each block is what carries the content, so the comments are
 * only read for the block names the report counts).
 *
 * Nothing of the HTML is kept as HTML: text becomes text, and only what the block
 * allowlist describes (paragraphs, headings, lists, quotes, photos, YouTube and X embeds;
 * bold, italic and safe links) is carried over. Scripts, styles, frames and forms are
 * dropped with their content and counted; attributes other than href, src, alt and class
 * are never read, so event handlers cannot come through. Anything else with text (tables,
 * code, unknown blocks) is kept as a paragraph of its text and counted, never dropped
 * silently. Photos come out as `PendingImage`s for the importer to resolve to the media
 * library. Pure: no I/O.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { type Block, type Inline, isSafeHref, parseEmbedUrl } from '../../richtext/rich-text.ts';

/** A photo in the content, before the importer finds it in the media library. */
export interface PendingImage {
  type: 'pending-image';
  /** The attachment's WordPress id (from `wp-image-123` or the block's id), when known. */
  attachmentId: number | null;
  /** The address the HTML used (a sub-size's, often). */
  src: string;
  alt: string;
  caption: string;
}

export type ConvertedBlock = Block | PendingImage;

export interface ConvertReport {
  /** Elements or blocks Samachar has no block for, kept as a paragraph of their text: name → count. */
  keptAsText: Record<string, number>;
  /** Elements dropped with their content (script, style, iframe …): name → count. */
  removed: Record<string, number>;
  /** Links that were not http(s), mailto or a site path (javascript: …): their text was kept. */
  unsafeLinks: number;
}

export interface ConvertOptions {
  /** The old site's address: links to it become site paths, so its redirects answer them. */
  siteUrl?: string;
}

const MAX_TEXT = 20_000;
const MAX_INLINES = 500;
const MAX_LIST_ITEMS = 200;

/**
 * Gutenberg blocks whose HTML the walker carries over (or, for table, keeps as text and
 * counts by itself). Any other block's content is kept as text and counted by name.
 */
const KNOWN_BLOCKS = new Set(['paragraph', 'heading', 'image', 'quote', 'pullquote', 'list', 'list-item', 'gallery', 'embed', 'separator', 'spacer', 'group', 'columns', 'column', 'freeform', 'more', 'nextpage', 'table', 'html', 'shortcode', 'missing', 'preformatted', 'code', 'verse']);
/** Dropped with everything inside. */
const REMOVED = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'head', 'title', 'audio', 'video', 'source', 'track', 'canvas', 'map', 'area', 'dialog', 'portal']);
/** Containers read through as if they were not there. */
const TRANSPARENT = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'body', 'html', 'span', 'font', 'nav', 'hgroup', 'details']);
const INLINE = new Set(['a', 'strong', 'b', 'em', 'i', 'span', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'time', 'code', 'kbd', 'var', 'samp', 'font', 'big', 'strike', 'tt', 'dfn', 'bdi', 'bdo', 'data', 'label', 'wbr', 'br', 'img', 'summary']);
const BLOCK_TEXT = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'table', 'pre', 'dl', 'hr', 'address']);

interface Marks {
  bold?: true;
  italic?: true;
  href?: string;
}

/**
 * Converts a post's content. Returns the blocks (photos pending) and what was not carried
 * over as it was. Never throws for any input: the worst HTML gives paragraphs of text.
 */
export function convertContent(html: string, options: ConvertOptions = {}): { blocks: ConvertedBlock[]; report: ConvertReport } {
  const report: ConvertReport = { keptAsText: {}, removed: {}, unsafeLinks: 0 };
  const doc = parseDocument(expandShortcodes(html), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  const blocks: ConvertedBlock[] = [];
  const gutenberg = /<!--\s*wp:/.test(html);
  new Walker(blocks, report, options, gutenberg).blockLevel(doc.children);
  return { blocks, report };
}

/** Text of a bit of WordPress HTML (titles, captions, comments): tags gone, entities decoded, paragraphs as blank lines. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return clean(html);
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  let out = '';
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out += node.data;
      else if (isElement(node)) {
        if (REMOVED.has(node.name)) continue;
        if (node.name === 'br') out += '\n';
        walk(node.children);
        if (node.name === 'p' || node.name === 'li' || /^h[1-6]$/.test(node.name)) out += '\n\n';
      }
    }
  };
  walk(doc.children);
  return clean(out)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Control characters Samachar's text refuses (all but tab and newline) go; NFC. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC');
}

/**
 * `[caption …]<img …> text[/caption]` → a figure with a caption; `[embed]url[/embed]` →
 * the URL on its own line (as WordPress's oEmbed reads it); `[gallery ids="1,2"]` →
 * photos by id. Other shortcodes stay as their text.
 */
function expandShortcodes(html: string): string {
  return html
    .replace(/\[caption\b[^\]]{0,2000}\]([\s\S]{0,200000}?)\[\/caption\]/gi, (_m, inner: string) => {
      const img = /<img\b[^>]*>/i.exec(inner);
      if (!img) return inner;
      const rest = inner.replace(img[0], '').replace(/<\/?a\b[^>]*>/gi, '');
      return `<figure>${img[0]}<figcaption>${rest}</figcaption></figure>`;
    })
    .replace(/\[embed\b[^\]]{0,2000}\]\s*(\S{1,2000}?)\s*\[\/embed\]/gi, (_m, url: string) => `\n\n${url}\n\n`)
    .replace(/\[gallery\b[^\]]{0,2000}\bids="([\d,\s]{1,2000})"[^\]]{0,2000}\]/gi, (_m, ids: string) =>
      ids
        .split(',')
        .map((id) => id.trim())
        .filter((id) => /^\d{1,12}$/.test(id))
        .map((id) => `<figure><img class="wp-image-${id}" src=""></figure>`)
        .join(''),
    );
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

class Walker {
  /** Inlines of a classic-editor paragraph being gathered from text between block elements. */
  private run: Inline[] = [];
  /** The Gutenberg block the walker is in (from its comment), for the report's names. */
  private blockName = '';
  /** Photos met inside text (`<a><img></a>`, the classic editor's way): blocks of their own after that text's block. */
  private stray: Element[] = [];

  constructor(
    private readonly out: ConvertedBlock[],
    private readonly report: ConvertReport,
    private readonly options: ConvertOptions,
    private readonly gutenberg: boolean,
  ) {}

  blockLevel(nodes: ChildNode[]): void {
    for (const node of nodes) this.blockNode(node);
    this.flush();
  }

  private blockNode(node: ChildNode): void {
    if (node.type === 'comment') {
      const m = /^\s*(\/?)wp:([a-z0-9/-]+)[\s\S]*?(\/?)\s*$/.exec(node.data);
      if (!m) return;
      const name = m[2]!.replace(/^core\//, '');
      if (m[1]) {
        this.blockName = '';
        return;
      }
      this.blockName = name;
      // A dynamic block (latest posts, a form) has no content in the post: nothing to keep, but it is said.
      if (m[3]) count(this.report.removed, `block:${name}`);
      else if (!KNOWN_BLOCKS.has(name)) count(this.report.keptAsText, `block:${name}`);
      return;
    }
    if (node.type === 'text') {
      this.textAtBlockLevel(node.data);
      return;
    }
    if (!isElement(node)) return; // CDATA and processing instructions are not HTML content
    const name = node.name;
    if (REMOVED.has(name)) {
      const embed = name === 'iframe' ? parseEmbedUrl(node.attribs['src'] ?? '') : null;
      if (embed) {
        this.flush();
        this.out.push({ type: 'embed', provider: embed.provider, url: embed.url });
      } else count(this.report.removed, name);
      return;
    }
    if (name === 'img') {
      this.flush();
      this.image(node, '');
      return;
    }
    if (INLINE.has(name) && !TRANSPARENT.has(name)) {
      this.inline(node, {}, this.run);
      return;
    }
    this.flush();
    switch (name) {
      case 'p': {
        // A photo inside a paragraph (the classic editor puts them there) becomes its own block, after it.
        const content: Inline[] = [];
        for (const c of node.children) this.inline(c, {}, content);
        this.paragraph(content);
        this.strays();
        return;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const text = collapse(textOf(node));
        if (text.length > MAX_TEXT) this.paragraph([{ text }]);
        else if (text) this.out.push({ type: 'heading', level: name === 'h1' || name === 'h2' ? 2 : 3, text });
        for (const img of descendants(node, 'img')) this.image(img, '');
        return;
      }
      case 'ul':
      case 'ol':
        this.list(node, name === 'ol');
        return;
      case 'blockquote':
        this.quote(node);
        return;
      case 'figure':
        this.figure(node);
        return;
      case 'hr':
        return; // a rule carries no content
      default:
        if (TRANSPARENT.has(name)) {
          for (const c of node.children) this.blockNode(c);
          this.flush();
          return;
        }
        this.asText(node, BLOCK_TEXT.has(name) || !this.blockName ? name : this.blockName);
    }
  }

  /** Classic-editor text between elements: blank lines separate paragraphs. */
  private textAtBlockLevel(data: string): void {
    const parts = clean(data).split(/\n[ \t]*\n/);
    parts.forEach((part, i) => {
      if (i > 0) this.flush();
      if (this.gutenberg && !part.trim()) return;
      // A shortcode-like or URL-only line in the classic editor is an oEmbed: YouTube and X become embeds.
      const lone = part.trim();
      const embed = /^https?:\/\/\S+$/.test(lone) ? parseEmbedUrl(lone) : null;
      if (embed && this.run.every((r) => !r.text.trim())) {
        this.run = [];
        this.out.push({ type: 'embed', provider: embed.provider, url: embed.url });
        return;
      }
      pushText(this.run, part, {});
    });
  }

  /** The paragraph being gathered from loose text, if it has any. */
  private flush(): void {
    if (this.run.length > 0) {
      const content = this.run;
      this.run = [];
      this.paragraph(content);
    }
    this.strays();
  }

  private strays(): void {
    const imgs = this.stray;
    this.stray = [];
    for (const img of imgs) this.image(img, '');
  }

  private paragraph(content: Inline[], into: ConvertedBlock[] = this.out): void {
    const tidy = tidyInlines(content);
    for (let i = 0; i < tidy.length; i += MAX_INLINES) into.push({ type: 'paragraph', content: tidy.slice(i, i + MAX_INLINES) });
  }

  private inline(node: ChildNode, marks: Marks, into: Inline[]): void {
    if (node.type === 'text') {
      pushText(into, clean(node.data), marks);
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (REMOVED.has(name)) {
      count(this.report.removed, name);
      return;
    }
    if (name === 'img') {
      this.stray.push(node);
      return;
    }
    if (name === 'br') {
      pushText(into, '\n', marks);
      return;
    }
    const next: Marks = { ...marks };
    if (name === 'strong' || name === 'b') next.bold = true;
    if (name === 'em' || name === 'i') next.italic = true;
    if (name === 'a') {
      const href = this.href(node.attribs['href'] ?? '');
      if (href) next.href = href;
    }
    for (const c of node.children) this.inline(c, next, into);
  }

  private href(raw: string): string | null {
    let href = raw.trim();
    if (!href || href.startsWith('#')) return null;
    const site = this.options.siteUrl?.replace(/\/+$/, '');
    if (site && (href === site || href.startsWith(`${site}/`))) href = href.slice(site.length) || '/';
    if (href.length <= 2048 && isSafeHref(href)) return href;
    this.report.unsafeLinks++;
    return null;
  }

  private list(node: Element, ordered: boolean): void {
    const items: Inline[][] = [];
    const walk = (list: Element) => {
      for (const li of list.children) {
        if (!isElement(li)) continue;
        if (li.name !== 'li') {
          if (li.name === 'ul' || li.name === 'ol') walk(li);
          continue;
        }
        const content: Inline[] = [];
        const nested: Element[] = [];
        for (const c of li.children) {
          if (isElement(c) && (c.name === 'ul' || c.name === 'ol')) nested.push(c);
          else this.inline(c, {}, content);
        }
        const tidy = tidyInlines(content).slice(0, MAX_INLINES);
        if (tidy.length) items.push(tidy);
        // A nested list's items follow their parent's (Samachar's lists are one level).
        for (const n of nested) walk(n);
      }
    };
    walk(node);
    for (let i = 0; i < items.length; i += MAX_LIST_ITEMS) this.out.push({ type: 'list', ordered, items: items.slice(i, i + MAX_LIST_ITEMS) });
    this.strays();
  }

  private quote(node: Element): void {
    let cite = '';
    const content: Inline[] = [];
    const walk = (nodes: ChildNode[]) => {
      for (const c of nodes) {
        if (isElement(c) && c.name === 'cite' && !cite) cite = collapse(textOf(c));
        else if (isElement(c) && (c.name === 'p' || c.name === 'div')) {
          if (content.length) pushText(content, '\n', {});
          walk(c.children);
        } else this.inline(c, {}, content);
      }
    };
    walk(node.children);
    const tidy = tidyInlines(content);
    if (!tidy.length) {
      if (cite) this.paragraph([{ text: cite }]);
    } else {
      this.out.push({ type: 'quote', content: tidy.slice(0, MAX_INLINES), ...(cite ? { cite: cite.slice(0, MAX_TEXT) } : {}) });
      if (tidy.length > MAX_INLINES) this.paragraph(tidy.slice(MAX_INLINES));
    }
    this.strays();
  }

  private figure(node: Element): void {
    const cls = node.attribs['class'] ?? '';
    const caption = collapse(textOf(childElement(node, 'figcaption')));
    if (/\bwp-block-embed\b/.test(cls)) {
      const url = collapse(textOf(childElement(node, 'div') ?? node).replace(caption, ''));
      const embed = parseEmbedUrl(url);
      if (embed) {
        this.out.push({ type: 'embed', provider: embed.provider, url: embed.url, ...(caption ? { caption: caption.slice(0, MAX_TEXT) } : {}) });
        return;
      }
      // Another provider: its address as a link, so readers can still follow it.
      count(this.report.keptAsText, 'embed');
      const href = this.href(url);
      this.paragraph([{ text: url || caption, ...(href ? { href } : {}) }]);
      if (caption && url) this.paragraph([{ text: caption }]);
      return;
    }
    const imgs = descendants(node, 'img');
    if (imgs.length === 0) {
      this.asText(node, this.blockName || 'figure');
      return;
    }
    if (imgs.length === 1 && !/\bwp-block-gallery\b/.test(cls)) {
      this.image(imgs[0]!, caption);
      return;
    }
    // A gallery: each photo with its own caption (nested figures), then the gallery's own.
    for (const inner of node.children) {
      if (!isElement(inner)) continue;
      if (inner.name === 'figure') this.figure(inner);
      else if (inner.name === 'img') this.image(inner, '');
      else if (inner.name === 'ul' || inner.name === 'li' || inner.name === 'div') {
        for (const img of descendants(inner, 'img')) {
          const fig = img.parent && isElement(img.parent as ChildNode) && (img.parent as Element).name === 'figure' ? (img.parent as Element) : null;
          this.image(img, fig ? collapse(textOf(childElement(fig, 'figcaption'))) : '');
        }
      }
    }
    if (caption && childElement(node, 'figcaption')) this.paragraph([{ text: caption }]);
  }

  private image(img: Element, caption: string): void {
    const cls = img.attribs['class'] ?? '';
    const m = /\bwp-image-(\d{1,12})\b/.exec(cls);
    this.out.push({
      type: 'pending-image',
      attachmentId: m ? Number(m[1]) : null,
      src: (img.attribs['src'] ?? '').trim().slice(0, 2048),
      alt: collapse(clean(img.attribs['alt'] ?? '')),
      caption: caption.slice(0, MAX_TEXT),
    });
  }

  /** An element Samachar has no block for: a paragraph of its text, counted. */
  private asText(node: Element, name: string): void {
    const text = collapse(textOf(node, this.report));
    if (text) {
      count(this.report.keptAsText, name);
      this.paragraph([{ text }]);
    }
    for (const img of descendants(node, 'img')) this.image(img, '');
  }
}

function pushText(into: Inline[], text: string, marks: Marks): void {
  if (!text) return;
  const last = into[into.length - 1];
  if (last && last.bold === marks.bold && last.italic === marks.italic && last.href === marks.href) {
    last.text += text;
    return;
  }
  into.push({ text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}), ...(marks.href ? { href: marks.href } : {}) });
}

/** HTML whitespace collapsed (line breaks from <br> kept), ends trimmed, empty and over-long runs fixed. */
function tidyInlines(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of content) {
    const text = inline.text.replace(/[ \t\r\n]*\n[ \t\r\n]*/g, '\u0000').replace(/[ \t\r\n]+/g, ' ').replace(/\u0000/g, '\n');
    pushText(out, text, inline);
  }
  // Trim the paragraph's ends (whitespace-only inlines at the ends go).
  while (out.length && !out[0]!.text.trim()) out.shift();
  while (out.length && !out[out.length - 1]!.text.trim()) out.pop();
  if (out.length) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  const split: Inline[] = [];
  for (const inline of out) {
    if (!inline.text) continue;
    for (let i = 0; i < inline.text.length; i += MAX_TEXT) split.push({ ...inline, text: inline.text.slice(i, i + MAX_TEXT) });
  }
  return split;
}

function collapse(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

/** All text inside, scripts and the like left out (and counted when a report is given). */
function textOf(node: Element | null, report?: ConvertReport): string {
  if (!node) return '';
  let out = '';
  const walk = (nodes: ChildNode[]) => {
    for (const c of nodes) {
      if (c.type === 'text') out += c.data;
      else if (isElement(c)) {
        if (REMOVED.has(c.name)) {
          if (report) count(report.removed, c.name);
          continue;
        }
        walk(c.children);
        if (BLOCK_TEXT.has(c.name) || c.name === 'td' || c.name === 'th' || c.name === 'br') out += ' ';
      }
    }
  };
  walk(node.children);
  return out;
}

function childElement(node: Element, name: string): Element | null {
  for (const c of node.children) if (isElement(c) && c.name === name) return c;
  return null;
}

function descendants(node: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const c of nodes) {
      if (!isElement(c) || REMOVED.has(c.name)) continue;
      if (c.name === name) found.push(c);
      walk(c.children);
    }
  };
  walk(node.children);
  return found;
}
