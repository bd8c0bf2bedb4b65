import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adsTxtBadLine, hasControlCharacters, normalizeLines } from './site-files.ts';
import { SiteSettingsSchema } from './settings.ts';

describe('site files (robots.txt rules, ads.txt)', () => {
  it('accepts ads.txt records, variables, comments and blank lines', () => {
    const text = ['# sellers', 'google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0', '', 'appnexus.com, 1234, reseller # via partner', 'contact=ads@example.com', 'ownerdomain=example.com'].join('\r\n');
    assert.equal(adsTxtBadLine(text), null);
  });

  it('names the first line that is not one', () => {
    assert.equal(adsTxtBadLine('google.com, pub-1, DIRECT\ngoogle.com pub-1 DIRECT'), 2);
    assert.equal(adsTxtBadLine('google.com, pub-1, MAYBE'), 1);
    assert.equal(adsTxtBadLine('not a domain, pub-1, DIRECT'), 1);
    assert.equal(adsTxtBadLine('google.com, , DIRECT'), 1);
    assert.equal(adsTxtBadLine('google.com, pub-1, DIRECT, '), 1);
    assert.equal(adsTxtBadLine('<script>alert(1)</script>'), 1);
  });

  it('finds control characters and normalizes line ends', () => {
    assert.ok(hasControlCharacters('a\u0000b'));
    assert.ok(!hasControlCharacters('a\tb\r\nc'));
    assert.equal(normalizeLines('  \r\nUser-agent: *  \r\nDisallow: /x\t\r\n\r\n'), 'User-agent: *\nDisallow: /x');
  });

  it('the settings schema refuses a bad ads.txt or control characters, and defaults both to empty', () => {
    assert.equal(SiteSettingsSchema.parse({}).robotsTxt, '');
    assert.equal(SiteSettingsSchema.parse({}).adsTxt, '');
    assert.equal(SiteSettingsSchema.safeParse({ adsTxt: 'google.com pub-1' }).error?.issues[0]?.path[0], 'adsTxt');
    assert.equal(SiteSettingsSchema.safeParse({ robotsTxt: 'Disallow: /\u0007' }).error?.issues[0]?.path[0], 'robotsTxt');
    assert.equal(SiteSettingsSchema.safeParse({ robotsTxt: 'x'.repeat(20_001) }).error?.issues[0]?.path[0], 'robotsTxt');
  });
});
