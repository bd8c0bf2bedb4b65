/**
 * The interface text of each language, gathered generically from the string catalogues,
 * so a string another engineer adds later is covered without touching this file.
 *
 * A catalogue is any object with both a `hi` and an `en` key: either two strings (the
 * error catalogue's `title: { hi, en }`), or two objects of strings, arrays, nested objects
 * and functions (ADMIN_STRINGS, READER_STRINGS, MONTHS …). Every such pair found anywhere
 * under a module's exports adds its leaves to that language. Functions are called with
 * marker arguments (and once with 1, for singular forms), and the text between the
 * markers is what counts: `(n) => `${n} टैग`` gives `टैग`.
 *
 * The rule for which strings can fail a page of the other language ("tells"):
 *  1. a string is trimmed, and punctuation, symbols and spaces at either end are removed
 *     (`Name:` and `Name` are the same label);
 *  2. a string that is also a string of the other language is skipped: it is the same in
 *     both (the reader site's `होम`, which its English-labelled variant keeps);
 *  3. a string with no word of its own language is a technical token or proper name and
 *     skipped: an English string needs a Latin word of three or more letters with a
 *     lowercase letter (so `ID`, `URL`, `SEO`, `AM`, `IST`, `Id` are skipped; `Name` is
 *     not); a Hindi string needs a Devanagari letter (so `SEO` in the Hindi catalogue is
 *     skipped, and `SEO टाइटल` is not).
 * Nothing else is skipped, and there is no list of exceptions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Lang = 'hi' | 'en';

const MARK = '\u2063\u2063';

function leaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const arity = Math.max(fn.length, 1);
    for (const args of [Array.from({ length: arity }, (_, i) => `${MARK}${i}${MARK}`), Array.from({ length: arity }, () => 1)]) {
      let result: unknown;
      try {
        result = fn(...args);
      } catch {
        continue;
      }
      if (typeof result !== 'string') continue;
      const parts = typeof args[0] === 'string' ? result.split(new RegExp(`${MARK}\\d+${MARK}`)) : result.split(/\d+/);
      for (const part of parts) out.add(part);
    }
  } else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

/** Finds every hi/en pair under `value` and adds each side's strings to its language. */
function collect(value: unknown, into: Record<Lang, Set<string>>, seen = new Set<unknown>()): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const o = value as Record<string, unknown>;
  if ('hi' in o && 'en' in o && typeof o.hi === typeof o.en && (typeof o.hi === 'string' || (typeof o.hi === 'object' && o.hi !== null))) {
    leaves(o.hi, into.hi);
    leaves(o.en, into.en);
    return;
  }
  for (const v of Object.values(o)) collect(v, into, seen);
}

const strip = (s: string) => s.normalize('NFC').trim().replace(/^[\p{P}\p{S}\p{Z}\s]+|[\p{P}\p{S}\p{Z}\s]+$/gu, '');

function isWordOf(lang: Lang, s: string): boolean {
  if (lang === 'hi') return /[\u0900-\u097F]/.test(s);
  return (s.match(/[A-Za-z]{3,}/g) ?? []).some((w) => /[a-z]/.test(w));
}

export interface Catalogue {
  /** Every string of each language, stripped (rule 1). */
  readonly strings: Record<Lang, ReadonlySet<string>>;
  /** The strings that may not appear on a page of the other language (rules 2 and 3). */
  readonly tells: Record<Lang, readonly string[]>;
  /** Where the strings came from, for the report. */
  readonly modules: readonly string[];
}

export async function loadCatalogue(modules: readonly string[]): Promise<Catalogue> {
  const raw: Record<Lang, Set<string>> = { hi: new Set(), en: new Set() };
  for (const file of modules) collect(await import(pathToFileURL(path.resolve(file)).href), raw);
  const strings: Record<Lang, Set<string>> = { hi: new Set(), en: new Set() };
  for (const lang of ['hi', 'en'] as const) for (const s of raw[lang]) if (strip(s)) strings[lang].add(strip(s));
  const tells = {} as Record<Lang, string[]>;
  for (const [lang, other] of [['hi', 'en'], ['en', 'hi']] as const) {
    tells[lang] = [...strings[lang]].filter((s) => !strings[other].has(s) && isWordOf(lang, s));
  }
  return { strings, tells, modules };
}

/** The newsroom's catalogues: every `*-strings.ts` beside the admin templates, found on disk. */
export function adminCatalogueModules(): string[] {
  const dir = 'src/render/admin';
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('-strings.ts'))
    .map((f) => path.join(dir, f));
}

/**
 * Where a tell occurs in a page's text as whole words, ignoring case (a label shown as
 * `headline` or `HEADLINE` is still the English `Headline`), or null: not inside a longer
 * word, nor inside an address, slug or email (`/tag/…`, `none-such`, `name@…`), which are
 * not labels.
 */
const compiled = new Map<string, RegExp>();

export function findTell(pieces: readonly string[], tell: string): string | null {
  let re = compiled.get(tell);
  if (!re) {
    const escaped = tell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}/_@-])${escaped}(?![\\p{L}\\p{M}\\p{N}/_@-])`, 'iu');
    compiled.set(tell, re);
  }
  for (const piece of pieces) {
    // `{name}` in a script's template (`{name} को जवाब दें`) is a slot, not a word.
    const text = piece.normalize('NFC').replace(/\{[A-Za-z_]\w*\}/g, '\u2063');
    const m = re.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 40), m.index + tell.length + 40).replace(/\s+/g, ' ');
  }
  return null;
}
