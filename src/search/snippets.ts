/**
 * Highlighting: which words of a text match the query, and the best short passage of a
 * body for a result page. Pure; works on the pipeline's tokens, so a word matched through
 * any spelling or script (मुलाक़ात for `mulakat`) is marked as it is written.
 */
import { analyze, type AnalyzedToken } from './hindi/analyze.ts';
import { vowelSimilarity } from './hindi/phonetic.ts';
import type { RankGroup } from './ranking.ts';

/** A piece of text, marked when it matched the query. */
export interface TextPart {
  readonly text: string;
  readonly mark: boolean;
  /** For a marked part: the index of the query word (ranking group) it matched. */
  readonly group?: number;
}

/** Vowel similarity from which a skeleton match is shown as a match. */
const MARK_SIMILARITY = 0.7;

/** The group a token matches (best by idf), or -1. */
function matchedGroup(token: AnalyzedToken, groups: readonly RankGroup[]): number {
  if (token.stop) return -1;
  let found = -1;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    // Each key against its own word's vowels: an expansion (किसान for `farmers`) has its own.
    const sim = Math.max(
      0,
      ...token.keys.map((k) => {
        if (group.prefix !== undefined && k.startsWith(group.prefix)) return vowelSimilarity(group.vowel, token.vowel.slice(0, group.vowel.length));
        return group.keys.has(k) ? vowelSimilarity(group.vowels?.get(k) ?? group.vowel, token.vowel) : -1;
      }),
    );
    if (sim < MARK_SIMILARITY) continue;
    if (found < 0 || group.idf > groups[found]!.idf) found = g;
  }
  return found;
}

function toParts(text: string, marks: readonly { start: number; end: number; group: number }[], from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), mark: false });
    parts.push({ text: text.slice(Math.max(m.start, from), Math.min(m.end, to)), mark: true, group: m.group });
    at = Math.min(m.end, to);
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  return parts;
}

/** The whole text, with matching words marked (for headlines). */
export function highlight(text: string, groups: readonly RankGroup[]): TextPart[] {
  const { clean, tokens } = analyze(text);
  const marks = tokens.map((t) => ({ start: t.start, end: t.end, group: matchedGroup(t, groups) })).filter((m) => m.group >= 0);
  return toParts(clean, marks, 0, clean.length);
}

/**
 * The passage of about `maxChars` characters that holds the most (and the rarest) query
 * words, cut at word boundaries, with '…' where it was cut, and its matches marked.
 * Without any match: the start of the text.
 */
export function snippet(text: string, groups: readonly RankGroup[], maxChars = 220): TextPart[] {
  const { clean, tokens } = analyze(text);
  if (tokens.length === 0) return [];
  const matches = tokens.map((t) => matchedGroup(t, groups));
  let bestStart = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (matches[i]! < 0) continue;
    // Start a little before the match, at a word.
    let s = i;
    while (s > 0 && tokens[i]!.start - tokens[s - 1]!.start < 40) s--;
    const seen = new Set<number>();
    let score = 0;
    for (let j = s; j < tokens.length && tokens[j]!.end - tokens[s]!.start <= maxChars; j++) {
      const g = matches[j]!;
      if (g < 0) continue;
      score += seen.has(g) ? 0.1 : 1 + groups[g]!.idf;
      seen.add(g);
    }
    if (score > bestScore) {
      bestScore = score;
      bestStart = s;
    }
  }
  let end = bestStart;
  while (end + 1 < tokens.length && tokens[end + 1]!.end - tokens[bestStart]!.start <= maxChars) end++;
  const from = bestStart === 0 ? 0 : tokens[bestStart]!.start;
  const to = end === tokens.length - 1 ? clean.length : tokens[end]!.end;
  const marks = tokens.map((t, i) => ({ start: t.start, end: t.end, group: matches[i]! })).filter((m) => m.group >= 0);
  const parts = toParts(clean, marks, from, to).map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  if (from > 0) parts.unshift({ text: '… ', mark: false });
  if (to < clean.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/** The parts' text, joined. */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}
