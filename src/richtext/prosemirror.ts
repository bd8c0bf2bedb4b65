/**
 * Converts between article bodies (rich-text.ts blocks) and the ProseMirror/Tiptap JSON
 * the newsroom's editor works on. The editor's document is richer than a body (nested
 * lists, several paragraphs in a quote, marks the schema lacks), so `docToBlocks`
 * flattens what has an obvious flat reading, drops formatting it cannot keep, and
 * refuses (RichTextError naming the JSON path) any node it does not know. Its result
 * has always passed `parseRichText`, so it is a body the server will accept on shape.
 *
 * Pure and dependency-free (no Tiptap import), so the server and tests can use it too.
 */
import { type Block, DATA_BOX_KEY, type Inline, isSafeHref, parseEmbedUrl, parseRichText, type RichText, RichTextError } from './rich-text.ts';

/** A ProseMirror JSON node; structurally compatible with Tiptap's `JSONContent`. */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** What the editor shows for a photo that the body itself does not store. */
export interface MediaDisplay {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

// Far beyond anything the editor produces; stops hostile JSON from exhausting the stack.
const MAX_DEPTH = 24;
const MAX_NODES = 200_000;

// ---------------------------------------------------------------------------------------
// Blocks → editor document

export function blocksToDoc(doc: RichText, media: (id: number) => MediaDisplay | undefined): PmNode {
  return { type: 'doc', content: doc.blocks.map((block) => blockToNode(block, media)) };
}

function blockToNode(block: Block, media: (id: number) => MediaDisplay | undefined): PmNode {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: inlinesToNodes(block.content) };
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, content: inlinesToNodes([{ text: block.text }]) };
    case 'quote':
      return {
        type: 'blockquote',
        attrs: { cite: block.cite ?? null },
        content: [{ type: 'paragraph', content: inlinesToNodes(block.content) }],
      };
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inlinesToNodes(item) }] })),
      };
    case 'image': {
      const m = media(block.mediaId);
      return {
        type: 'figureImage',
        attrs: {
          mediaId: block.mediaId,
          // null means "the library's caption/credit", which is what an absent field means to the reader site.
          caption: block.caption ?? null,
          credit: block.credit ?? null,
          src: m?.src ?? '',
          alt: m?.alt ?? '',
          defaultCaption: m?.caption ?? '',
          defaultCredit: m?.credit ?? '',
        },
      };
    }
    case 'embed':
      return { type: 'embed', attrs: { provider: block.provider, url: block.url, caption: block.caption ?? null } };
    case 'dataBox':
      return { type: 'dataBox', attrs: { key: block.key } };
  }
}

function marksOf(inline: Inline): PmMark[] {
  const marks: PmMark[] = [];
  if (inline.bold) marks.push({ type: 'bold' });
  if (inline.italic) marks.push({ type: 'italic' });
  if (inline.href !== undefined) marks.push({ type: 'link', attrs: { href: inline.href } });
  return marks;
}

/**
 * ProseMirror text nodes cannot hold line breaks, so '\n' becomes a hardBreak. The break
 * carries the run's marks, which is how `docToBlocks` knows the run did not end there.
 */
function inlinesToNodes(inlines: readonly Inline[]): PmNode[] {
  const nodes: PmNode[] = [];
  for (const inline of inlines) {
    const marks = marksOf(inline);
    const withMarks = <T extends PmNode>(node: T): T => (marks.length ? { ...node, marks } : node);
    inline.text.split('\n').forEach((part, i) => {
      if (i > 0) nodes.push(withMarks({ type: 'hardBreak' }));
      if (part) nodes.push(withMarks({ type: 'text', text: part }));
    });
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------
// Editor document → blocks

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Walk {
  nodes: number;
}

function fail(message: string, path: string): never {
  throw new RichTextError(message, path);
}

function childPath(path: string, i: number): string {
  return path ? `${path}.content.${i}` : `content.${i}`;
}

function nodeAt(value: unknown, path: string, depth: number, walk: Walk): Json & { type: string } {
  if (depth > MAX_DEPTH) fail('the document is nested too deeply', path);
  if (++walk.nodes > MAX_NODES) fail('the document is too large', path);
  if (!isObject(value) || typeof value.type !== 'string') fail('not a document node', path);
  return value as Json & { type: string };
}

function childrenOf(node: Json, path: string): unknown[] {
  if (node.content === undefined || node.content === null) return [];
  if (!Array.isArray(node.content)) fail('content must be a list', path ? `${path}.content` : 'content');
  return node.content;
}

const attr = (node: Json, name: string): unknown => (isObject(node.attrs) ? node.attrs[name] : undefined);

/**
 * Converts the editor's JSON (`editor.getJSON()`) to a body. Throws RichTextError naming
 * the offending path: `content.3.attrs.url` for editor JSON, or `blocks.3…` when the
 * converted body breaks a limit of the body schema (length, count).
 */
export function docToBlocks(json: unknown): RichText {
  const walk: Walk = { nodes: 0 };
  const root = nodeAt(json, '', 0, walk);
  if (root.type !== 'doc') fail(`expected a doc, got "${root.type}"`, 'type');
  const blocks: Block[] = [];
  childrenOf(root, '').forEach((child, i) => convertBlock(child, childPath('', i), 1, walk, blocks));
  return parseRichText({ version: 1, blocks });
}

function convertBlock(value: unknown, path: string, depth: number, walk: Walk, out: Block[]): void {
  const node = nodeAt(value, path, depth, walk);
  switch (node.type) {
    case 'paragraph': {
      const content = inlineContent(node, path, depth, walk);
      if (hasText(content)) out.push({ type: 'paragraph', content });
      return;
    }
    case 'heading': {
      const text = inlineContent(node, path, depth, walk)
        .map((r) => r.text)
        .join('');
      const raw = attr(node, 'level');
      const level = typeof raw === 'number' && raw >= 3 ? 3 : 2;
      if (text.trim()) out.push({ type: 'heading', level, text });
      return;
    }
    case 'bulletList':
    case 'orderedList':
    case 'blockquote':
      convertContainer(node, path, depth, walk, out);
      return;
    case 'figureImage': {
      const mediaId = attr(node, 'mediaId');
      if (typeof mediaId !== 'number' || !Number.isSafeInteger(mediaId) || mediaId <= 0) fail('a photo needs a media id', `${path}.attrs.mediaId`);
      const caption = optionalText(node, 'caption', path);
      const credit = optionalText(node, 'credit', path);
      out.push({ type: 'image', mediaId, ...(caption !== undefined ? { caption } : {}), ...(credit !== undefined ? { credit } : {}) });
      return;
    }
    case 'embed': {
      const url = attr(node, 'url');
      const ref = typeof url === 'string' ? parseEmbedUrl(url) : null;
      if (typeof url !== 'string' || !ref) fail('only YouTube videos and X posts can be embedded', `${path}.attrs.url`);
      const caption = optionalText(node, 'caption', path);
      // The provider is read from the URL, never trusted from the attribute.
      out.push({ type: 'embed', provider: ref.provider, url: url.trim(), ...(caption !== undefined ? { caption } : {}) });
      return;
    }
    case 'dataBox': {
      const key = attr(node, 'key');
      if (typeof key !== 'string' || !DATA_BOX_KEY.test(key)) fail('a data box key is lower-case letters, digits and hyphens', `${path}.attrs.key`);
      out.push({ type: 'dataBox', key });
      return;
    }
    default:
      fail(`"${node.type}" cannot be part of an article body`, `${path}.type`);
  }
}

function optionalText(node: Json, name: string, path: string): string | undefined {
  const value = attr(node, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${name} must be text`, `${path}.attrs.${name}`);
  return clean(value);
}

/**
 * Lists and quotes. A body's list is flat and its quote is one run of text, so nested
 * lists become further items, a quote's paragraphs become lines, and a photo or embed
 * dropped inside one splits it: the part before, the photo, then the rest.
 */
function convertContainer(node: Json & { type: string }, path: string, depth: number, walk: Walk, out: Block[]): void {
  const isQuote = node.type === 'blockquote';
  const ordered = node.type === 'orderedList';
  const rawCite = attr(node, 'cite');
  const cite = typeof rawCite === 'string' && rawCite.trim() ? clean(rawCite) : undefined;
  let lines: Inline[][] = [];

  const flush = () => {
    const kept = lines.map(mergeRuns).filter(hasText);
    lines = [];
    if (!kept.length) return;
    if (isQuote) {
      const content = mergeRuns(kept.flatMap((line, i) => (i ? [{ text: '\n' }, ...line] : line)));
      out.push({ type: 'quote', content, ...(cite !== undefined ? { cite } : {}) });
    } else {
      out.push({ type: 'list', ordered, items: kept });
    }
  };

  /** `item` is the list item being filled, or null outside one (quote lines, nested list wrappers). */
  const collect = (value: unknown, p: string, d: number, item: { runs: Inline[] } | null): void => {
    const child = nodeAt(value, p, d, walk);
    switch (child.type) {
      case 'paragraph':
      case 'heading': {
        const runs = inlineContent(child, p, d, walk);
        // Paragraphs of one list item stay one item; of a quote, one line each.
        if (!item) lines.push(runs);
        else if (hasText(item.runs) && hasText(runs)) item.runs.push({ text: '\n' }, ...runs);
        else item.runs.push(...runs);
        return;
      }
      case 'listItem': {
        const own = { runs: [] as Inline[] };
        lines.push(own.runs);
        childrenOf(child, p).forEach((c, i) => collect(c, childPath(p, i), d + 1, own));
        return;
      }
      case 'bulletList':
      case 'orderedList':
      case 'blockquote':
        childrenOf(child, p).forEach((c, i) => collect(c, childPath(p, i), d + 1, null));
        return;
      case 'figureImage':
      case 'embed':
      case 'dataBox':
        flush();
        convertBlock(child, p, d, walk, out);
        // The rest of an interrupted item continues as a new item after the photo.
        if (item) {
          item.runs = [];
          lines.push(item.runs);
        }
        return;
      default:
        fail(`"${child.type}" cannot be part of a ${isQuote ? 'quote' : 'list'}`, `${p}.type`);
    }
  };

  childrenOf(node, path).forEach((c, i) => collect(c, childPath(path, i), depth + 1, null));
  flush();
}

/** Control characters (other than tab and newline) would fail the body schema; pasted text can carry them. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

const hasText = (runs: readonly Inline[]): boolean => runs.some((r) => r.text.trim() !== '');

interface RunMarks {
  bold?: true;
  italic?: true;
  href?: string;
}

function readMarks(node: Json, path: string): RunMarks {
  if (node.marks === undefined || node.marks === null) return {};
  if (!Array.isArray(node.marks)) fail('marks must be a list', `${path}.marks`);
  const marks: RunMarks = {};
  for (const mark of node.marks) {
    if (!isObject(mark)) continue;
    if (mark.type === 'bold') marks.bold = true;
    else if (mark.type === 'italic') marks.italic = true;
    else if (mark.type === 'link') {
      const href = isObject(mark.attrs) ? mark.attrs.href : undefined;
      // An unsafe link loses its link, not its text.
      if (typeof href === 'string' && href.length <= 2048 && isSafeHref(href)) marks.href = href;
    }
    // Other marks (underline, strike, code…) have no place in a body: the text stays, plain.
  }
  return marks;
}

function inlineContent(node: Json, path: string, depth: number, walk: Walk): Inline[] {
  const runs: Inline[] = [];
  childrenOf(node, path).forEach((value, i) => {
    const p = childPath(path, i);
    const child = nodeAt(value, p, depth + 1, walk);
    if (child.type === 'text') {
      if (typeof child.text !== 'string') fail('text must be a string', `${p}.text`);
      const text = clean(child.text);
      if (text) runs.push({ text, ...readMarks(child, p) });
    } else if (child.type === 'hardBreak') {
      // The break's own marks, not its neighbours': that keeps blocks → doc → blocks exact.
      runs.push({ text: '\n', ...readMarks(child, p) });
    } else {
      fail(`"${child.type}" cannot be inside a line of text`, `${p}.type`);
    }
  });
  return mergeRuns(runs);
}

const sameMarks = (a: Inline, b: Inline) => a.bold === b.bold && a.italic === b.italic && a.href === b.href;

function mergeRuns(runs: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameMarks(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push({ ...run });
  }
  return merged;
}
