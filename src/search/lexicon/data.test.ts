// Checks the lexicon's data itself, line by line: the review that every edit must pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText, foldWord } from '../hindi/normalize.ts';
import { isStopword } from '../hindi/stopwords.ts';
import { DOMAINS, SYNONYM_GROUPS } from './words/index.ts';
import { findExpansions, keysForTest, LEXICON_STATS, MAX_PHRASE_WORDS } from './lexicon.ts';
import { type LexiconEntry, parseEntries, parseSynonymGroups } from './parse.ts';

const ENTRIES: LexiconEntry[] = Object.entries(DOMAINS).flatMap(([domain, text]) => parseEntries(domain, text));
const GROUPS = parseSynonymGroups(SYNONYM_GROUPS);

// Devanagari letters, vowel signs, anusvara, chandrabindu, nukta, virama, ASCII digits (5जी; no Devanagari digits, dandas
// or Vedic signs); words separated by one space.
const DEVANAGARI_PHRASE = /^[0-9\u0901-\u0903\u0905-\u0939\u093C-\u094D\u0950]+(?: [0-9\u0901-\u0903\u0905-\u0939\u093C-\u094D\u0950]+)*$/;
const ENGLISH_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const TARGET_ENTRIES = 2000;

function allHindiForms(): { text: string; where: string }[] {
  return [
    ...ENTRIES.flatMap((e) => e.forms.map((f) => ({ text: f.text, where: `${e.domain}:${e.line} ${e.english}` }))),
    ...GROUPS.flatMap((g) => g.forms.map((f) => ({ text: f.text, where: `synonyms:${g.line}` }))),
  ];
}

describe('lexicon data', () => {
  it('parses every line (three tab-separated fields, one register tag per Hindi form)', () => {
    // parseEntries throws on a malformed line; reaching here means every line parsed.
    assert.ok(ENTRIES.length > 0 && GROUPS.length > 0);
    for (const text of [...Object.values(DOMAINS), SYNONYM_GROUPS]) {
      for (const line of text.split('\n')) assert.ok(!/\t\t|\t$|^\t| \t|\t /.test(line), `empty field or stray space: ${JSON.stringify(line)}`);
    }
  });

  it('has English headwords in lowercase ASCII, one space between words', () => {
    for (const e of ENTRIES) assert.match(e.english, ENGLISH_PHRASE, `${e.domain}:${e.line}`);
  });

  it('has Hindi forms in valid Devanagari, NFC, as the analyser cleans them', () => {
    for (const { text, where } of allHindiForms()) {
      assert.match(text, DEVANAGARI_PHRASE, where);
      assert.equal(text, text.normalize('NFC'), `${where}: ${text} is not NFC`);
      assert.equal(cleanText(text), text, `${where}: ${text} changes under cleanText`);
      assert.ok(!/्(?: |$)|^[\u093E-\u094D]|(?:^| )[\u0901-\u0903\u093C-\u094D]/.test(text), `${where}: ${text} has a sign without a letter`);
    }
  });

  it('loads every data word with the keys a query of it gets', () => {
    for (const { text, where } of allHindiForms()) {
      for (const word of text.split(' ')) assert.deepEqual(keysForTest(word).data, keysForTest(word).query, `${where}: ${word}`);
    }
    for (const e of ENTRIES) for (const word of e.english.split(' ')) assert.deepEqual(keysForTest(word).data, keysForTest(word).query, e.english);
  });

  it('has no duplicate headword, no form twice in one entry, and phrases the lookup can reach', () => {
    const seen = new Map<string, string>();
    for (const e of ENTRIES) {
      const prior = seen.get(e.english);
      assert.equal(prior, undefined, `${e.english} is in ${prior} and ${e.domain}:${e.line}`);
      seen.set(e.english, `${e.domain}:${e.line}`);
      assert.ok(e.english.split(' ').length <= MAX_PHRASE_WORDS, e.english);
      const forms = e.forms.map((f) => f.text);
      assert.equal(new Set(forms).size, forms.length, `${e.domain}:${e.line} repeats a form`);
      for (const f of forms) assert.ok(f.split(' ').length <= MAX_PHRASE_WORDS, f);
    }
    const groups = new Set<string>();
    for (const g of GROUPS) {
      const forms = g.forms.map((f) => f.text);
      assert.ok(forms.length >= 2, `synonyms:${g.line} has one form`);
      assert.equal(new Set(forms).size, forms.length, `synonyms:${g.line} repeats a form`);
      const key = [...forms].sort().join('|');
      assert.ok(!groups.has(key), `synonyms:${g.line} is a duplicate group`);
      groups.add(key);
    }
  });

  it('reaches every entry: each headword, typed as a query, is one phrase that finds a form of its line', () => {
    const unreachable: string[] = [];
    for (const e of ENTRIES) {
      const words = e.english.split(' ');
      const found = findExpansions(words);
      const whole = found.find((p) => p.start === 0 && p.end === words.length);
      if (whole === undefined || !e.forms.some((f) => whole.expansions.some((x) => x.text === f.text))) unreachable.push(e.english);
    }
    assert.deepEqual(unreachable, []);
  });

  it('reaches every Hindi form: typed as a query, it is one phrase with expansions (a stopword alone, कर, is never expanded)', () => {
    const unreachable = allHindiForms().filter(({ text }) => {
      if (isStopword(foldWord(text))) return false;
      const words = text.split(' ');
      return !findExpansions(words).some((p) => p.start === 0 && p.end === words.length && p.expansions.length > 0);
    });
    assert.deepEqual(unreachable.map((f) => `${f.where}: ${f.text}`), []);
  });

  it('covers every news domain with a reasonable share', () => {
    const domains = ['politics', 'courts', 'crime', 'economy', 'sport', 'weather', 'health', 'education', 'technology', 'entertainment'];
    assert.ok(LEXICON_STATS.entries >= TARGET_ENTRIES, String(LEXICON_STATS.entries));
    for (const d of domains.filter((d) => d in DOMAINS)) {
      const share = (LEXICON_STATS.byDomain[d] ?? 0) / LEXICON_STATS.entries;
      assert.ok(share >= 0.04, `${d}: ${(share * 100).toFixed(1)}%`);
    }
  });

  it('holds the pairs news readers expect (spot checks)', () => {
    const forms = (english: string) => ENTRIES.find((e) => e.english === english)?.forms.map((f) => f.text) ?? [];
    const pairs: [string, string][] = [
      ['court', 'अदालत'], ['court', 'न्यायालय'], ['high court', 'उच्च न्यायालय'], ['supreme court', 'सर्वोच्च न्यायालय'],
      ['chief minister', 'मुख्यमंत्री'], ['prime minister', 'प्रधानमंत्री'], ['election', 'चुनाव'], ['bail', 'जमानत'],
      ['verdict', 'फैसला'], ['lawyer', 'वकील'],
    ];
    for (const [english, hindi] of pairs) assert.ok(forms(english).includes(hindi), `${english} → ${hindi}: ${forms(english).join('|')}`);
    const inGroup = (a: string, b: string) => GROUPS.some((g) => g.forms.some((f) => f.text === a) && g.forms.some((f) => f.text === b));
    for (const [a, b] of [['न्यायालय', 'अदालत'], ['दुर्घटना', 'हादसा'], ['विद्यालय', 'स्कूल']]) assert.ok(inGroup(a ?? '', b ?? ''), `${a} / ${b}`);
  });

  it('tags registers sensibly (spot checks)', () => {
    const tag = (english: string, hindi: string) => ENTRIES.find((e) => e.english === english)?.forms.find((f) => f.text === hindi)?.register;
    assert.equal(tag('court', 'न्यायालय'), 't');
    assert.equal(tag('court', 'अदालत'), 'u');
    assert.equal(tag('court', 'कोर्ट'), 'e');
  });
});
