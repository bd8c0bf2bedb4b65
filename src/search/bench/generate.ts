/**
 * A generated news site for the search benchmark: articles made of the sentences of the
 * real corpus (the demo and the evaluation articles), mostly from one source story so each
 * has a topic, with invented names and places so the vocabulary keeps growing, spread over
 * three years. Deterministic for a seed. Pure.
 */
import type { EvalDoc } from '../eval/corpus.ts';

export interface GeneratedArticle {
  readonly section: string;
  readonly headline: string;
  readonly dek: string;
  readonly paragraphs: readonly string[];
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly publishedAt: Date;
}

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

const SYLLABLES = ['रा', 'जे', 'श', 'कु', 'मा', 'र', 'वि', 'नी', 'ता', 'प्र', 'का', 'सि', 'ल', 'दे', 'व', 'गो', 'पा', 'न', 'मो', 'हि', 'सु', 'धा', 'क्ष', 'ची', 'बा', 'ग', 'थ', 'ले', 'यो', 'ट'];
const PLACE_ENDINGS = ['पुर', 'नगर', 'गढ़', 'गांव', 'बाद', 'खेड़ा'];

interface Source {
  readonly doc: EvalDoc;
  readonly sentences: readonly string[];
}

function sentencesOf(doc: EvalDoc): string[] {
  return [doc.dek, ...doc.body, ...doc.captions]
    .flatMap((p) => p.split(/(?<=[।?!])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** `count` articles from the corpus `docs`, newest on `end`, oldest about three years before. */
export function* generateArticles(docs: readonly EvalDoc[], count: number, end: Date, seed = 42): Generator<GeneratedArticle> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sources: Source[] = docs.map((doc) => ({ doc, sentences: sentencesOf(doc) }));
  const allSentences = sources.flatMap((s) => s.sentences);
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
    const headline = next() < 0.3 ? `${place} में ${source.doc.headline}` : next() < 0.5 ? `${source.doc.headline}, ${person} ने कहा` : source.doc.headline;
    yield {
      section: source.doc.section,
      headline,
      dek: next() < 0.5 ? source.doc.dek : pick(source.sentences),
      paragraphs,
      tags: source.doc.tags.slice(0, 1 + Math.floor(next() * source.doc.tags.length)),
      authors: [],
      publishedAt: new Date(end.getTime() - Math.floor(next() * next() * span)),
    };
  }
}
