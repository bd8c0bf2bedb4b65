/** The banner's rules: one trimmed line, a safe link, an expiry in the future. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkBreaking, isShowing, safeLink } from './breaking.ts';

const NOW = new Date('2023-03-21T12:30:00Z');

describe('breaking news rules', () => {
  test('the text becomes one trimmed NFC line of at most 160 characters', () => {
    const r = checkBreaking({ text: ' पहली\r\nदूसरी\u2028  तीसरी ' }, NOW);
    assert.deepEqual(r, { ok: true, value: { text: 'पहली दूसरी तीसरी', link: null, expiresAt: null } });
    assert.deepEqual(checkBreaking({ text: ' \n ' }, NOW), { ok: false, problem: { field: 'text', reason: 'empty' } });
    assert.equal(checkBreaking({ text: 'क'.repeat(160) }, NOW).ok, true);
    assert.deepEqual(checkBreaking({ text: 'क'.repeat(161) }, NOW), { ok: false, problem: { field: 'text', reason: 'too-long' } });
  });

  test('links: http(s) or site-relative only', () => {
    assert.equal(safeLink('/videsh/khabar-12'), '/videsh/khabar-12');
    assert.equal(safeLink('/खबर'), '/%E0%A4%96%E0%A4%AC%E0%A4%B0');
    assert.equal(safeLink('https://example.com/a?b=1'), 'https://example.com/a?b=1');
    assert.equal(safeLink('HTTP://Example.com'), 'http://example.com/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', '/\t/evil', 'ftp://x.example', 'https://user:pw@x.example/', 'https://', 'videsh', ' https://a.example', 'https://a.example/\n']) {
      assert.equal(safeLink(bad), null, bad);
    }
    assert.deepEqual(checkBreaking({ text: 'x', link: 'javascript:alert(1)' }, NOW), { ok: false, problem: { field: 'link', reason: 'invalid' } });
    assert.equal(checkBreaking({ text: 'x', link: '   ' }, NOW).ok, true, 'an empty link is none');
  });

  test('an expiry must be after now, and the banner shows until then', () => {
    assert.deepEqual(checkBreaking({ text: 'x', expiresAt: NOW }, NOW), { ok: false, problem: { field: 'expiresAt', reason: 'past' } });
    const later = new Date(NOW.getTime() + 60_000);
    const r = checkBreaking({ text: 'x', expiresAt: later }, NOW);
    assert.ok(r.ok);
    const news = { ...r.value, updatedAt: NOW };
    assert.equal(isShowing(news, NOW), true);
    assert.equal(isShowing(news, new Date(later.getTime() - 1)), true);
    assert.equal(isShowing(news, later), false);
    assert.equal(isShowing({ ...news, expiresAt: null }, new Date('2099-01-01')), true);
    assert.equal(isShowing(null, NOW), false);
  });
});
