/** How old addresses are compared and which targets are allowed (pure). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseRedirectPath, redirectTarget } from './redirect.ts';

describe('normaliseRedirectPath', () => {
  test('a trailing slash, percent-encoding in either hex case and NFC give one spelling', () => {
    const devanagari = '/2024/03/21/पुतिन-से-मुलाकात';
    assert.equal(normaliseRedirectPath('/2024/03/21/पुतिन-से-मुलाकात/'), devanagari);
    assert.equal(normaliseRedirectPath(encodeURI(`${devanagari}/`)), devanagari);
    assert.equal(normaliseRedirectPath(encodeURI(devanagari).toLowerCase()), devanagari);
    // क़ (one code point) and क + nukta are one word after NFC.
    assert.equal(normaliseRedirectPath('/tag/\u0915\u093c/'), normaliseRedirectPath('/tag/\u0958'));
    assert.equal(normaliseRedirectPath('/'), '/');
  });

  test('a whole URL keeps only its path; other queries and fragments are dropped', () => {
    assert.equal(normaliseRedirectPath('https://old.example/category/desh/?utm_source=x#top'), '/category/desh');
    assert.equal(normaliseRedirectPath('/author/asha/?replytocom=5'), '/author/asha');
    assert.equal(normaliseRedirectPath('/a/./b/../c/'), '/a/c');
  });

  test('WordPress query keys on the home path are kept, one of them', () => {
    assert.equal(normaliseRedirectPath('/?p=123'), '/?p=123');
    assert.equal(normaliseRedirectPath('/?p=123&preview=true'), '/?p=123');
    assert.equal(normaliseRedirectPath('https://old.example/?page_id=7'), '/?page_id=7');
    assert.equal(normaliseRedirectPath('/?attachment_id=9'), '/?attachment_id=9');
    assert.equal(normaliseRedirectPath('/?utm_source=x'), '/');
    assert.equal(normaliseRedirectPath('/videsh?p=123'), '/videsh', 'only on the home path');
  });

  test('refuses what cannot be a path here', () => {
    for (const bad of ['', 'relative/path', '//evil.example/x', '/\\evil', '/a\tb', '/a%0d%0ab', '/%E0%A4', '/a%2Fb', '/a//b', 'javascript:alert(1)', 'ftp://x/y', `/${'a'.repeat(3000)}`]) {
      assert.equal(normaliseRedirectPath(bad), null, bad);
    }
  });
});

describe('redirectTarget', () => {
  test('site-relative addresses only, percent-encoded for the Location header', () => {
    assert.equal(redirectTarget('/videsh/putin-1'), '/videsh/putin-1');
    assert.equal(redirectTarget(' /खबर?x=1#a '), `${encodeURI('/खबर')}?x=1#a`);
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', 'evil', '', 'javascript:alert(1)']) {
      assert.equal(redirectTarget(bad), null, bad);
    }
  });
});
