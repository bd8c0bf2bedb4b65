import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateStoredSettings, SiteSettingsSchema } from './settings.ts';

const parse = (stored: unknown) => SiteSettingsSchema.parse(migrateStoredSettings(stored));

test('a new site shows the reference page’s English labels with Latin digits', () => {
  const s = parse({});
  assert.equal(s.readerLanguage, 'en');
  assert.equal(s.devanagariDigits, false);
});

test('old documents: dateStyle and commentFormLanguage become one reader language, other settings kept', () => {
  assert.equal(parse({ dateStyle: 'en', commentFormLanguage: 'en', siteName: 'खबर' }).readerLanguage, 'en');
  assert.equal(parse({ dateStyle: 'hi', commentFormLanguage: 'en' }).readerLanguage, 'hi');
  assert.equal(parse({ dateStyle: 'en', commentFormLanguage: 'hi' }).readerLanguage, 'hi');
  assert.equal(parse({ dateStyle: 'hi' }).readerLanguage, 'hi');
  const kept = parse({ dateStyle: 'hi', commentFormLanguage: 'hi', siteName: 'खबर', commentMaxLinks: 7 });
  assert.equal(kept.siteName, 'खबर');
  assert.equal(kept.commentMaxLinks, 7);
  assert.ok(!('dateStyle' in kept) && !('commentFormLanguage' in kept));
});

test('a document that already has readerLanguage keeps it; the old keys are dropped', () => {
  assert.equal(parse({ readerLanguage: 'en', dateStyle: 'hi' }).readerLanguage, 'en');
  assert.deepEqual(migrateStoredSettings({ readerLanguage: 'hi' }), { readerLanguage: 'hi' });
});

test('anything that is not an object passes through for the schema to refuse', () => {
  assert.equal(migrateStoredSettings(null), null);
  assert.deepEqual(migrateStoredSettings([1]), [1]);
  assert.equal(SiteSettingsSchema.safeParse(migrateStoredSettings({ readerLanguage: 'fr' })).success, false);
  assert.equal(SiteSettingsSchema.safeParse(migrateStoredSettings({ devanagariDigits: 'yes' })).success, false);
});
