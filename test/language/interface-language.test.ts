/**
 * Hindi throughout, English throughout: every template in TEMPLATES (templates.ts) is
 * requested in each language (reader pages under each site reader language, newsroom
 * screens as a user of each locale), and no page may contain a string of the other
 * language's catalogue. The catalogues are read generically (catalogues.ts documents the
 * rule for what counts), so strings added later are covered without editing this test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locale } from '../../src/domain/users/user.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { adminCatalogueModules, type Catalogue, findTell, type Lang, loadCatalogue } from './catalogues.ts';
import { FIXTURE_TEXT, type LanguageSite, openLanguageSite } from './fixture.ts';
import { pageText } from './page-text.ts';
import { TEMPLATES, type TemplateCase } from './templates.ts';

const READER_MODULES = ['src/render/strings.ts', 'src/lib/dates.ts'];
const ERROR_MODULE = 'src/errors.ts';

const other = (lang: Lang): Lang => (lang === 'hi' ? 'en' : 'hi');

interface Catalogues {
  admin: Catalogue;
  reader: Catalogue;
  /**
   * The reader site with English labels is still a Hindi site: its error pages give the
   * Hindi title and message first and the English below, so the error catalogue's Hindi
   * is not foreign there. The Hindi site must show none of its English.
   */
  readerWithErrors: Catalogue;
}

let catalogues: Catalogues;

before(async () => {
  catalogues = {
    admin: await loadCatalogue([...adminCatalogueModules(), 'src/lib/dates.ts', ERROR_MODULE]),
    reader: await loadCatalogue(READER_MODULES),
    readerWithErrors: await loadCatalogue([...READER_MODULES, ERROR_MODULE]),
  };
});

/** Strings of the other language on this page, with where each was found. */
function foreign(html: string, lang: Lang, catalogue: Catalogue, bilingual: boolean): string[] {
  const { pieces } = pageText(html, bilingual ? { skipLang: 'en' } : {});
  const found: string[] = [];
  for (const tell of catalogue.tells[other(lang)]) {
    const where = findTell(pieces, tell);
    if (where !== null) found.push(`“${tell}” in …${where}…`);
  }
  return found;
}

test('the catalogues are found and hold both languages', () => {
  for (const [name, c] of Object.entries(catalogues)) {
    assert.ok(c.strings.hi.size > 20 && c.strings.en.size > 20, `${name}: ${c.strings.hi.size} Hindi, ${c.strings.en.size} English strings`);
  }
  const admin = catalogues.admin;
  assert.ok(admin.modules.some((m) => m.endsWith('admin-strings.ts')) && admin.modules.some((m) => m.endsWith('comment-admin-strings.ts')), admin.modules.join(', '));
  // Spot checks that the rule keeps real labels and drops technical tokens.
  assert.ok(admin.tells.en.includes('Headline') && admin.tells.hi.includes('हेडलाइन'), 'labels are tells');
  assert.ok(admin.tells.en.includes('March') && admin.tells.hi.includes('मार्च'), 'month names are tells');
  assert.ok(!admin.tells.en.includes('ID') && !admin.tells.en.includes('SEO'), 'acronyms are not');
  assert.ok(catalogues.reader.tells.en.includes('Leave a Reply') && catalogues.reader.tells.hi.includes('अपडेट्स'), 'reader labels are tells');
  assert.ok(!catalogues.reader.tells.hi.includes('होम'), 'a label the same in both is not');
  assert.ok(catalogues.readerWithErrors.tells.en.includes('Page not found'), 'error titles are tells');
});

test('the check finds a foreign label, in text, attributes and script data, and ignores content words', () => {
  const c = catalogues.reader;
  assert.equal(foreign('<p>कुछ</p>', 'hi', c, false).length, 0);
  assert.equal(foreign('<h2 lang="en">Updates</h2>', 'hi', c, false).length, 1, 'a foreign label marked lang="en" still counts');
  assert.equal(foreign('<button data-sending="Sending…">भेजें</button>', 'hi', c, false).length, 1, 'script messages count');
  assert.equal(foreign('<input placeholder="Website">', 'hi', c, false).length, 1, 'placeholders count');
  assert.equal(foreign('<p class="Updates" id="Leave a Reply">x</p>', 'hi', c, false).length, 0, 'class names and ids do not');
  assert.equal(foreign('<p>UpdatesX</p>', 'hi', c, false).length, 0, 'a longer word is not the label');
  assert.equal(foreign('<p>अपडेट्स</p>', 'en', c, false).length, 1);
  assert.equal(foreign('<h2>headline</h2><h2>dek</h2>', 'hi', catalogues.admin, false).length, 1, 'a label in another case still counts (the old revisions screen)');
  assert.equal(foreign('<h2>हेडलाइन</h2>', 'en', catalogues.admin, false).length, 1);
  assert.equal(foreign('<p>Sign in <span lang="en">Updates</span></p>', 'hi', c, true).length, 0, 'a bilingual screen’s English lines are left out');
  assert.equal(foreign('<script type="application/json">{"updates":"Updates"}</script>', 'hi', c, false).length, 1, 'JSON values count');
  assert.equal(foreign('<script type="application/json">{"Updates":"x"}</script>', 'hi', c, false).length, 0, 'JSON keys do not');
});

test('the fixture’s text contains no catalogue string, so a find is always the template’s', () => {
  const all = [catalogues.admin, catalogues.readerWithErrors];
  for (const text of Object.values(FIXTURE_TEXT)) {
    for (const c of all) for (const lang of ['hi', 'en'] as const) for (const tell of c.tells[lang]) assert.equal(findTell([text], tell), null, `${text} contains “${tell}”`);
  }
});

for (const dialect of DIALECTS) {
  describe(`every template speaks one language (${dialect})`, () => {
    let site: LanguageSite;
    const sessions = new Map<Locale, { cookie: string; csrf: string }>();

    before(async () => {
      site = await openLanguageSite(dialect);
      for (const locale of ['hi', 'en'] as const) {
        await site.services.users.setLocale(site.admin.id, locale);
        // A session per locale; the locale is read from the user on each request, so set it before each use.
        const session = await site.services.sessions.start(site.admin.id);
        sessions.set(locale, { cookie: `samachar_session=${session.token}`, csrf: session.csrfToken });
      }
    });
    after(async () => site?.close());

    async function request(c: TemplateCase, lang: Lang) {
      const r = c.request(site.fixture);
      const signedIn = c.area === 'admin' && !c.bilingual;
      const session = signedIn ? sessions.get(lang)! : undefined;
      if (signedIn) await site.services.users.setLocale(site.admin.id, lang);
      const form = r.form ? new URLSearchParams({ ...r.form, ...(session ? { _csrf: session.csrf } : {}) }).toString() : undefined;
      return site.app.inject({
        method: r.method ?? 'GET',
        url: r.url,
        headers: {
          origin: 'http://localhost:80',
          host: 'localhost:80',
          accept: 'text/html',
          ...(session ? { cookie: session.cookie } : {}),
          ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form !== undefined ? { payload: form } : {}),
      });
    }

    for (const lang of ['hi', 'en'] as const) {
      test(`reader pages with the site's reader language '${lang}'`, async () => {
        await site.services.settings.update({ readerLanguage: lang, devanagariDigits: lang === 'hi' });
        const problems: string[] = [];
        for (const c of TEMPLATES.filter((x) => x.area === 'reader')) {
          const res = await request(c, lang);
          if (res.statusCode !== (c.status ?? 200)) {
            problems.push(`${c.name}: status ${res.statusCode}, expected ${c.status ?? 200}`);
            continue;
          }
          const catalogue = lang === 'hi' ? catalogues.readerWithErrors : catalogues.reader;
          for (const p of foreign(res.body, lang, catalogue, false)) problems.push(`${c.name}: ${p}`);
        }
        assert.deepEqual(problems, []);
      });

      test(`newsroom screens for a user whose language is '${lang}'`, async () => {
        const problems: string[] = [];
        for (const c of TEMPLATES.filter((x) => x.area === 'admin')) {
          // A screen shown before sign-in has no user language: it is checked once, as Hindi with its English lines apart.
          if (c.bilingual && lang === 'en') continue;
          const res = await request(c, lang);
          if (res.statusCode !== (c.status ?? 200)) {
            problems.push(`${c.name}: status ${res.statusCode}, expected ${c.status ?? 200}`);
            continue;
          }
          for (const p of foreign(res.body, lang, catalogues.admin, Boolean(c.bilingual))) problems.push(`${c.name}: ${p}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  });
}
