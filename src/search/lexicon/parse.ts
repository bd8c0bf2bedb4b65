/**
 * The lexicon's line format (README.md beside this file). Entries, one a line:
 *
 *     english<TAB>hindi form|hindi form|…<TAB>tag|tag|…
 *
 * one register tag per Hindi form, in the same order: `t` tatsam, `c` colloquial (tadbhav or
 * everyday Hindi), `u` Urdu-origin (Perso-Arabic), `e` English loanword in Devanagari.
 * Synonym groups (Hindi–Hindi register sets), one a line: `form|form|…<TAB>tag|tag|…`.
 * Blank lines and lines starting with `#` are comments. A malformed line throws at load
 * (the data test runs every line through here, so that never reaches a reader).
 */

export type Register = 't' | 'c' | 'u' | 'e';
export const REGISTERS: ReadonlySet<string> = new Set(['t', 'c', 'u', 'e']);

export interface HindiForm {
  readonly text: string;
  readonly register: Register;
}
export interface LexiconEntry {
  readonly domain: string;
  /** Lowercase ASCII, words separated by one space. */
  readonly english: string;
  readonly forms: readonly HindiForm[];
  /** 1-based line in the domain's text (for test messages). */
  readonly line: number;
}
export interface SynonymGroup {
  readonly forms: readonly HindiForm[];
  readonly line: number;
}

function dataLines(text: string): { text: string; line: number }[] {
  return text
    .split('\n')
    .map((t, i) => ({ text: t.trim() === '' ? '' : t.replace(/\r$/, ''), line: i + 1 }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'));
}

function forms(hindi: string, tags: string, where: string): HindiForm[] {
  const texts = hindi.split('|');
  const regs = tags.split('|');
  if (texts.length !== regs.length) throw new Error(`${where}: ${texts.length} forms but ${regs.length} tags`);
  return texts.map((text, i) => {
    const register = regs[i] ?? '';
    if (text === '' || !REGISTERS.has(register)) throw new Error(`${where}: empty form or unknown tag "${register}"`);
    return { text, register: register as Register };
  });
}

export function parseEntries(domain: string, text: string): LexiconEntry[] {
  return dataLines(text).map(({ text: l, line }) => {
    const where = `${domain}:${line}`;
    const cols = l.split('\t');
    if (cols.length !== 3 || cols[0] === '') throw new Error(`${where}: expected english<TAB>forms<TAB>tags`);
    return { domain, english: cols[0] ?? '', forms: forms(cols[1] ?? '', cols[2] ?? '', where), line };
  });
}

export function parseSynonymGroups(text: string): SynonymGroup[] {
  return dataLines(text).map(({ text: l, line }) => {
    const where = `synonyms:${line}`;
    const cols = l.split('\t');
    if (cols.length !== 2) throw new Error(`${where}: expected forms<TAB>tags`);
    return { forms: forms(cols[0] ?? '', cols[1] ?? '', where), line };
  });
}
