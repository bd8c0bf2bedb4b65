import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSiteRelative, MAX_SITE_PATH_LENGTH, siteRelativeTarget } from './site-path.ts';

/** Values an attacker would try as a redirect target, each of which must never leave the site. */
const CRAFTED_TARGETS: readonly string[] = [
  '//evil.example',
  '//evil.example/admin',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/admin\r\nSet-Cookie: x=1',
  '/admin/x\rLocation: //evil.example',
  '/admin?\u0001',
  '/admin\u0000',
  '/admin/\u0085',
  '/.//evil.example',
  '/admin/..//evil.example',
  'https://evil.example/admin',
  'http:/evil.example',
  'javascript:alert(1)',
  ' /admin',
  '',
  'admin',
  `/admin/${'x'.repeat(MAX_SITE_PATH_LENGTH)}`,
];

test('crafted targets are not site-relative, or become a plain path on this site', () => {
  for (const value of CRAFTED_TARGETS) {
    const target = siteRelativeTarget(value);
    if (target === null) continue;
    assert.match(target, /^\/(?![/\\])[\x21-\x7e]*$/, JSON.stringify(value));
  }
  for (const value of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/admin\r\nSet-Cookie: x=1', '/.//evil.example', 'https://evil.example']) {
    assert.equal(siteRelativeTarget(value), null, JSON.stringify(value));
  }
});

test('plain paths come back percent-encoded, with dot segments resolved', () => {
  assert.equal(siteRelativeTarget('/admin'), '/admin');
  assert.equal(siteRelativeTarget('/admin/articles/12/edit?tab=seo#x'), '/admin/articles/12/edit?tab=seo#x');
  assert.equal(siteRelativeTarget('/admin/खबर?q=पुतिन'), '/admin/%E0%A4%96%E0%A4%AC%E0%A4%B0?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8');
  assert.equal(siteRelativeTarget('/admin/a b'), '/admin/a%20b');
  assert.equal(siteRelativeTarget('/admin/%0d%0a'), '/admin/%0d%0a', 'an encoded CR/LF stays encoded');
  assert.equal(siteRelativeTarget('/admin/../videsh'), '/videsh');
  assert.equal(siteRelativeTarget('/admin/%2e%2e/videsh'), '/videsh');
  assert.equal(siteRelativeTarget('/\ud800'), '/%EF%BF%BD', 'a lone surrogate cannot break the header');
  assert.equal(siteRelativeTarget(`/${'x'.repeat(MAX_SITE_PATH_LENGTH)}`), null, 'too long');
  assert.equal(siteRelativeTarget(`/${'ए'.repeat(400)}`), null, 'too long once encoded');
});

test('isSiteRelative: one leading slash and nothing a browser reads as another host', () => {
  for (const ok of ['/', '/videsh/story-1', '/search?q=a b', '/a%5Cb']) assert.ok(isSiteRelative(ok), ok);
  for (const bad of ['//x', '/\\x', '\\\\x', '/\tx', '/x\ny', 'x', '', 'https://x']) assert.ok(!isSiteRelative(bad), JSON.stringify(bad));
});
