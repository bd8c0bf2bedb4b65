/**
 * A generated news site: articles made of the sentences of the real corpus (the demo and the
 * evaluation articles), mostly from one source story so each has a topic, with invented
 * names and places so the vocabulary keeps growing, spread over three years; with bylines,
 * tags, photos from the media library (new captions in the body) and readers' comments.
 * Deterministic for a seed and a setup. Pure.
 *
 * The text (section, headline, dek, paragraphs, tags, time) comes from one seeded stream,
 * exactly as the search benchmark has always made it, so its figures stay comparable; every
 * other choice (bylines, photos, comments, when a story was written and updated) comes from a
 * second stream.
 */
import type { CommentStatus, HeldReason } from '../domain/comments/comment.ts';
import { slugify } from '../lib/slug.ts';
import type { Block, RichText } from '../richtext/rich-text.ts';
import type { EvalDoc } from '../search/eval/corpus.ts';
import { COMMENT_SENTENCES, COMMENT_TAILS, REPLY_TEXTS, SPAM_TEXTS } from './comment-texts.ts';
import { COMMENTERS, commenter } from './people.ts';

/** mulberry32: a small, fast, seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A photo of the media library, as the generator chooses among them. */
export interface LibraryPhoto {
  readonly id: number;
  readonly caption: string;
}

export interface GenerateSetup {
  /** The corpus whose sentences make the text. */
  readonly docs: readonly EvalDoc[];
  /** The site's section slugs (at least one); a corpus section the site lacks maps onto one of them. */
  readonly sections: readonly string[];
  /** Bylines to choose from; `beat` is the section a reporter mostly writes for. */
  readonly authors: readonly { readonly slug: string; readonly beat: string | null }[];
  /** The media library (may be empty: then no story has a photo). */
  readonly photos: readonly LibraryPhoto[];
  /** The newest story's time; the oldest is about three years before. No comment is later. */
  readonly end: Date;
  readonly seed?: number;
  /** Most comments (replies included) on one story; 0 for none. */
  readonly commentsPerArticle?: number;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_COMMENTS_PER_ARTICLE = 6;

export interface GeneratedPhoto {
  readonly mediaId: number;
  readonly caption: string;
  readonly credit: string;
}

export interface GeneratedComment {
  /** Index (among the story's comments) of the comment this one answers; null for a top-level comment. */
  readonly replyTo: number | null;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorUrl: string | null;
  readonly body: string;
  readonly status: CommentStatus;
  readonly heldReason: HeldReason;
  /** For a trashed comment, what it was before. */
  readonly previousStatus: Exclude<CommentStatus, 'trash'> | null;
  readonly createdAt: Date;
  readonly moderatedAt: Date | null;
}

export interface GeneratedArticle {
  /** Section slug (one of the setup's). */
  readonly section: string;
  /** Transliterated from the headline, as the newsroom makes it. */
  readonly slug: string;
  readonly headline: string;
  readonly dek: string;
  /** The body's paragraphs, in order (the body also has the photos between them). */
  readonly paragraphs: readonly string[];
  readonly body: RichText;
  /** Tag names. */
  readonly tags: readonly string[];
  /** Author slugs, in byline order. */
  readonly authors: readonly string[];
  /** Media id of the photo at the top, or null. */
  readonly hero: number | null;
  /** The photos in the body, in order. */
  readonly photos: readonly GeneratedPhoto[];
  readonly publishedAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly commentsOpen: boolean;
  /** Oldest first; a reply always comes after the comment it answers. */
  readonly comments: readonly GeneratedComment[];
}

const SYLLABLES = ['रा', 'जे', 'श', 'कु', 'मा', 'र', 'वि', 'नी', 'ता', 'प्र', 'का', 'सि', 'ल', 'दे', 'व', 'गो', 'पा', 'न', 'मो', 'हि', 'सु', 'धा', 'क्ष', 'ची', 'बा', 'ग', 'थ', 'ले', 'यो', 'ट'];
const PLACE_ENDINGS = ['पुर', 'नगर', 'गढ़', 'गांव', 'बाद', 'खेड़ा'];
const CREDITS = ['फोटो: समाचार', 'फाइल फोटो', 'फोटो: सोशल मीडिया', 'फोटो: समाचार डेस्क'];
const SYMBOLIC_CAPTION = 'प्रतीकात्मक तस्वीर।';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Source {
  readonly doc: EvalDoc;
  readonly sentences: readonly string[];
  /** Library photos of this very story (its captions), then of its section, then any. */
  readonly own: readonly number[];
  readonly near: readonly number[];
}

function sentencesOf(doc: EvalDoc): string[] {
  return [doc.dek, ...doc.body, ...doc.captions]
    .flatMap((p) => p.split(/(?<=[।?!])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** `count` articles, newest on `setup.end`, oldest about three years before. */
export function* generateArticles(setup: GenerateSetup, count: number): Generator<GeneratedArticle> {
  if (setup.sections.length === 0) throw new RangeError('generateArticles: the site has no sections');
  const seed = setup.seed ?? DEFAULT_SEED;
  const maxComments = setup.commentsPerArticle ?? DEFAULT_COMMENTS_PER_ARTICLE;
  const end = setup.end.getTime();
  // The text stream: the same calls in the same order as the search benchmark always made.
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Everything else.
  const extra = random((seed ^ 0x5bd1e995) >>> 0);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(extra() * items.length)] as T;
  /** Exponentially distributed, with this mean. */
  const wait = (mean: number) => Math.floor(-Math.log(1 - extra()) * mean);

  const sectionOf = sectionMapping(setup.docs, setup.sections);
  const sources = sourcesOf(setup.docs, setup.photos);
  const allSentences = sources.flatMap((s) => s.sentences);
  const allPhotos = setup.photos.map((p) => p.id);
  const authorsByBeat = new Map<string, string[]>();
  for (const a of setup.authors) if (a.beat !== null) authorsByBeat.set(a.beat, [...(authorsByBeat.get(a.beat) ?? []), a.slug]);
  const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const span = 3 * 365 * 86_400_000;

  for (let i = 0; i < count; i++) {
    const source = pick(sources);
    const person = `${word(2 + Math.floor(next() * 2))} ${word(2)}`;
    const place = word(2) + pick(PLACE_ENDINGS);
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(next() * 4);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const n = 2 + Math.floor(next() * 3);
      for (let s = 0; s < n; s++) sentences.push(next() < 0.7 ? pick(source.sentences) : pick(allSentences));
      paragraphs.push(sentences.join(' '));
    }
    paragraphs.push(`${place} से ${person} की रिपोर्ट।`);
    const headline = (next() < 0.3 ? `${place} में ${source.doc.headline}` : next() < 0.5 ? `${source.doc.headline}, ${person} ने कहा` : source.doc.headline).normalize('NFC').trim();
    const dek = (next() < 0.5 ? source.doc.dek : pick(source.sentences)).normalize('NFC').trim();
    const tags = source.doc.tags.slice(0, 1 + Math.floor(next() * source.doc.tags.length));
    const publishedAt = end - Math.floor(next() * next() * span);
    const section = sectionOf(source.doc.section);

    // Bylines: mostly a reporter of the section's beat; sometimes two.
    const beat = authorsByBeat.get(section);
    const authors: string[] = [];
    if (setup.authors.length > 0) {
      authors.push(beat && extra() < 0.7 ? choose(beat) : choose(setup.authors).slug);
      if (extra() < 0.15) {
        const second = choose(setup.authors).slug;
        if (second !== authors[0]) authors.push(second);
      }
    }

    // Photos: a hero for most stories (this story's own photo when the library has it), and
    // 0–2 in the body with captions of their own.
    let hero: number | null = null;
    const photos: GeneratedPhoto[] = [];
    if (allPhotos.length > 0) {
      if (extra() < 0.85) hero = source.own.length > 0 && extra() < 0.7 ? choose(source.own) : choose(source.near);
      const inBody = Math.floor(extra() * 3);
      for (let k = 0; k < inBody; k++) {
        const r = extra();
        const caption = r < 0.2 ? SYMBOLIC_CAPTION : r < 0.6 && source.doc.captions.length > 0 ? choose(source.doc.captions) : `${place}: ${choose(source.sentences)}`;
        photos.push({ mediaId: choose(source.near), caption: caption.slice(0, 300), credit: r < 0.2 ? 'फाइल फोटो' : choose(CREDITS) });
      }
    }
    const blocks: Block[] = [];
    // Photos sit after the first paragraphs, never after the closing line.
    const photoAfter = photos.map((_, k) => Math.min(paragraphs.length - 2, k * 2 + Math.floor(extra() * 2)));
    for (const [p, text] of paragraphs.entries()) {
      blocks.push({ type: 'paragraph', content: [{ text }] });
      for (const [k, photo] of photos.entries()) {
        if (photoAfter[k] === p) blocks.push({ type: 'image', mediaId: photo.mediaId, caption: photo.caption, credit: photo.credit });
      }
    }

    const createdAt = publishedAt - (10 * MINUTE + wait(50 * MINUTE));
    const updatedAt = extra() < 0.15 ? Math.min(end, publishedAt + 5 * MINUTE + wait(2 * HOUR)) : publishedAt;
    const commentsOpen = extra() < 0.97;
    const comments = maxComments > 0 ? commentsFor(extra, choose, wait, { publishedAt, end, max: maxComments, place, person }) : [];

    yield {
      section,
      slug: slugify(headline, { maxLength: 80 }),
      headline,
      dek,
      paragraphs,
      body: { version: 1, blocks },
      tags,
      authors,
      hero,
      photos,
      publishedAt: new Date(publishedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      commentsOpen,
      comments,
    };
  }
}

interface CommentContext {
  publishedAt: number;
  end: number;
  max: number;
  place: string;
  person: string;
}

function commentsFor(
  extra: () => number,
  choose: <T>(items: readonly T[]) => T,
  wait: (mean: number) => number,
  c: CommentContext,
): GeneratedComment[] {
  // Most stories get few comments and some get none; a few get the most.
  const x = extra();
  const count = Math.floor((c.max + 1) * x * x);
  const out: GeneratedComment[] = [];
  let t = c.publishedAt + 2 * MINUTE + wait(2 * HOUR);
  for (let k = 0; k < count; k++) {
    const approvedTop = out.flatMap((o, i) => (o.replyTo === null && o.status === 'approved' ? [i] : []));
    const replyTo = approvedTop.length > 0 && extra() < 0.3 ? choose(approvedTop) : null;
    // Regular readers comment often: the lower numbers come up more.
    const reader = commenter(Math.floor(extra() * extra() * COMMENTERS));
    let createdAt: number;
    let body: string;
    let status: CommentStatus = 'approved';
    let heldReason: HeldReason = '';
    let previousStatus: GeneratedComment['previousStatus'] = null;
    if (replyTo !== null) {
      const parent = out[replyTo]!;
      createdAt = parent.createdAt.getTime() + MINUTE + wait(HOUR);
      body = choose(REPLY_TEXTS).replace('{name}', parent.authorName.split(' ')[0] ?? parent.authorName);
      if (extra() < 0.05) [status, heldReason] = ['pending', 'first-comment'];
    } else {
      t += MINUTE + wait(3 * HOUR);
      createdAt = t;
      const r = extra();
      if (r < 0.03) {
        [status, heldReason, body] = ['spam', choose(['honeypot', 'repeated', 'too-fast'] as const), choose(SPAM_TEXTS)];
      } else {
        const first = choose(COMMENT_SENTENCES);
        const second = extra() < 0.35 ? ` ${choose(COMMENT_SENTENCES)}` : '';
        const tail = extra() < 0.15 ? choose(COMMENT_TAILS) : '';
        body = `${first}${second === ` ${first}` ? '' : second}${tail}`.replaceAll('{place}', c.place).replaceAll('{person}', c.person);
        if (r < 0.05) [status, previousStatus] = ['trash', 'pending'];
        else if (r < 0.12) [status, heldReason] = ['pending', 'first-comment'];
      }
    }
    // Nothing after the end of the site's time; a story published just now has fewer comments yet.
    if (createdAt > c.end) continue;
    out.push({
      replyTo,
      authorName: reader.name,
      authorEmail: reader.email,
      authorUrl: reader.url,
      body,
      status,
      heldReason,
      previousStatus,
      createdAt: new Date(createdAt),
      moderatedAt: status === 'trash' ? new Date(Math.min(c.end, createdAt + 30 * MINUTE + wait(5 * HOUR))) : null,
    });
  }
  // Replies come after their parents, but a reply may come after a later top-level comment.
  return orderByTime(out);
}

/** Sorts comments by time (stable), renumbering `replyTo` to the new positions. */
function orderByTime(comments: GeneratedComment[]): GeneratedComment[] {
  const order = comments.map((_, i) => i).sort((a, b) => comments[a]!.createdAt.getTime() - comments[b]!.createdAt.getTime() || a - b);
  const position = new Map(order.map((from, to) => [from, to]));
  return order.map((from) => {
    const c = comments[from]!;
    return c.replyTo === null ? c : { ...c, replyTo: position.get(c.replyTo)! };
  });
}

/** A corpus section the site has is kept; any other is mapped onto the site's sections, always the same way. */
function sectionMapping(docs: readonly EvalDoc[], sections: readonly string[]): (section: string) => string {
  const site = new Set(sections);
  const missing = [...new Set(docs.map((d) => d.section))].filter((s) => !site.has(s)).sort();
  return (section) => (site.has(section) ? section : sections[Math.max(0, missing.indexOf(section)) % sections.length]!);
}

function sourcesOf(docs: readonly EvalDoc[], photos: readonly LibraryPhoto[]): Source[] {
  const byCaption = new Map<string, number[]>();
  for (const p of photos) byCaption.set(p.caption, [...(byCaption.get(p.caption) ?? []), p.id]);
  const ownOf = (doc: EvalDoc) => [...new Set(doc.captions.flatMap((c) => byCaption.get(c.normalize('NFC').trim()) ?? []))];
  const bySection = new Map<string, number[]>();
  for (const doc of docs) bySection.set(doc.section, [...(bySection.get(doc.section) ?? []), ...ownOf(doc)]);
  const all = photos.map((p) => p.id);
  return docs.map((doc) => {
    const own = ownOf(doc);
    const section = [...new Set(bySection.get(doc.section) ?? [])];
    return { doc, sentences: sentencesOf(doc), own, near: section.length > 0 ? section : all };
  });
}
