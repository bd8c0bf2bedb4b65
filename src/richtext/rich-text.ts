/**
 * An article body: a list of blocks from a fixed allowlist, stored as JSON.
 * No HTML from a client ever enters a body: text is text, and the only markup is
 * what the block and mark types below describe. `parseRichText` is the single gate
 * every body passes through before it is stored or rendered.
 */
import { z } from 'zod';
import { isSiteRelative } from '../lib/site-path.ts';

const MAX_TEXT = 20_000;
const MAX_BLOCKS = 2_000;

/**
 * Links may go to the web, to mail, or to a path on this site; nothing else (no
 * javascript:, data:). A path on this site is one `isSiteRelative` accepts: `/\host`,
 * `//host` and paths with tabs or newlines (which browsers drop, leaving `//host`) are
 * other sites in disguise, and are refused rather than read as absolute URLs.
 */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('/') || href.startsWith('\\')) return isSiteRelative(href);
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export interface EmbedRef {
  provider: 'youtube' | 'x';
  /** Video id or post id. */
  id: string;
  /** The canonical URL readers are sent to. */
  url: string;
}

/**
 * Recognises an embeddable URL: YouTube (watch, youtu.be, shorts) and X/Twitter posts.
 * Anything else is null. Readers see embeds as a link until they click to load them,
 * so no third party is contacted before that.
 */
export function parseEmbedUrl(input: string): EmbedRef | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  let m: RegExpExecArray | null;
  if (host === 'youtube.com') {
    const v = url.pathname === '/watch' ? url.searchParams.get('v') : (m = /^\/(?:shorts|embed)\/([\w-]{11})$/.exec(url.pathname)) ? m[1]! : null;
    if (v && /^[\w-]{11}$/.test(v)) return { provider: 'youtube', id: v, url: `https://www.youtube.com/watch?v=${v}` };
  }
  if (host === 'youtu.be' && (m = /^\/([\w-]{11})$/.exec(url.pathname))) {
    return { provider: 'youtube', id: m[1]!, url: `https://www.youtube.com/watch?v=${m[1]}` };
  }
  if ((host === 'x.com' || host === 'twitter.com') && (m = /^\/(\w{1,15})\/status\/(\d{1,25})$/.exec(url.pathname))) {
    return { provider: 'x', id: m[2]!, url: `https://x.com/${m[1]}/status/${m[2]}` };
  }
  return null;
}

/** Text without control characters other than tab and newline. */
const Text = z
  .string()
  .max(MAX_TEXT)
  .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'control characters are not allowed');

const InlineSchema = z.strictObject({
  text: Text.min(1),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  href: z.string().max(2048).refine(isSafeHref, 'link must be http(s), mailto or a site path').optional(),
});

const Inlines = z.array(InlineSchema).max(500);

/**
 * A data box's key (the same pattern as WIDGET_KEY in domain/widgets, which this pure
 * module may not import). The body stores only the key: the box's figures are the box's,
 * read when the story is shown, so a box saved later shows in every story that places it.
 */
export const DATA_BOX_KEY = /^[a-z0-9-]{1,40}$/;

const BlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: Inlines.min(1) }),
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: Text.min(1) }),
  z.strictObject({
    type: z.literal('image'),
    mediaId: z.number().int().positive(),
    caption: Text.optional(),
    credit: Text.optional(),
  }),
  z.strictObject({ type: z.literal('quote'), content: Inlines.min(1), cite: Text.optional() }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(Inlines.min(1)).min(1).max(200) }),
  z.strictObject({
    type: z.literal('embed'),
    provider: z.enum(['youtube', 'x']),
    /** The canonical URL of the video or post; see `parseEmbedUrl`. */
    url: z.string().max(300).refine((u) => parseEmbedUrl(u) !== null, 'only YouTube videos and X posts can be embedded'),
    caption: Text.optional(),
  }),
  z.strictObject({ type: z.literal('dataBox'), key: z.string().regex(DATA_BOX_KEY, 'a data box key is lower-case letters, digits and hyphens') }),
]);

export const RichTextSchema = z.strictObject({
  version: z.literal(1),
  blocks: z.array(BlockSchema).max(MAX_BLOCKS),
});

export type RichText = z.infer<typeof RichTextSchema>;
export type Block = RichText['blocks'][number];
export type Inline = z.infer<typeof InlineSchema>;

export class RichTextError extends Error {
  override name = 'RichTextError';
  constructor(
    message: string,
    /** Path of the first bad field, e.g. `blocks.3.content.0.href`. */
    readonly field: string,
  ) {
    super(message);
  }
}

/** Validates unknown input (parsed JSON) as a body; throws RichTextError naming the field. */
export function parseRichText(input: unknown): RichText {
  const result = RichTextSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? issue.path.join('.') : '';
    throw new RichTextError(issue?.message ?? 'invalid body', field);
  }
  return result.data;
}

/** Parses a stored body (JSON text). */
export function parseRichTextJson(json: string): RichText {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RichTextError('body is not valid JSON', '');
  }
  return parseRichText(value);
}

/** Ids of every media item a body shows, in order, without repeats. */
export function mediaIdsOf(doc: RichText): number[] {
  const ids = new Set<number>();
  for (const block of doc.blocks) if (block.type === 'image') ids.add(block.mediaId);
  return [...ids];
}

/** Keys of every data box a body places, in order, without repeats. */
export function dataBoxKeysOf(doc: RichText): string[] {
  const keys = new Set<string>();
  for (const block of doc.blocks) if (block.type === 'dataBox') keys.add(block.key);
  return [...keys];
}

export function plainInline(text: string): Inline[] {
  return [{ text }];
}
