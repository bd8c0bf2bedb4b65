/**
 * The pure comment rules: field checks, spam helpers, the form token, threading, when
 * comments are open, and the transitions table.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { linkify } from '../../lib/linkify.ts';
import { actionApplies, commentsAreOpen, type PublicComment, threadComments } from './comment.ts';
import { checkBody, checkCommentInput, checkWebsite, COMMENT_MAX_CHARS, exceedsChars, isEmailSyntax } from './comment-input.ts';
import { bodyKey, checkFormToken, countLinks, deriveKey, hashIp, issueFormToken, matchBlocklist, normalizeBlocklistValue } from './comment-spam.ts';

describe('comment input', () => {
  test('length is counted in characters (code points), a CR LF pair once, before anything else', () => {
    assert.equal(exceedsChars('😀'.repeat(COMMENT_MAX_CHARS), COMMENT_MAX_CHARS), false);
    assert.equal(exceedsChars('😀'.repeat(COMMENT_MAX_CHARS + 1), COMMENT_MAX_CHARS), true);
    assert.equal(exceedsChars('a\r\n'.repeat(2500), COMMENT_MAX_CHARS), false);
    assert.equal(exceedsChars('a'.repeat(10_000_000), COMMENT_MAX_CHARS), true, 'decided without walking a huge string');
  });

  test('the comment keeps Hindi, emoji, ZWJ/ZWNJ and tabs; folds CR LF; trims the ends; NFC', () => {
    assert.deepEqual(checkBody('  क\u093Cानून\r\nदूसरी\tलाइन 👨\u200d👩\u200d👧 क्\u200cष  '), { value: 'क\u093Cानून\nदूसरी\tलाइन 👨\u200d👩\u200d👧 क्\u200cष'.normalize('NFC') });
    assert.deepEqual(checkBody('e\u0301'), { value: 'é' });
  });

  test('each problem of each field is named, all at once', () => {
    const r = checkCommentInput({ comment: '', author: 'a\u0000', email: 'x@y', url: 'javascript:x', parent: '-1' });
    assert.deepEqual(r, { ok: false, problems: { comment: 'required', author: 'control', email: 'invalid', url: 'scheme', parent: 'invalid' } });
    const ok = checkCommentInput({ comment: 'ठीक', author: ' राम ', email: ' Ram@Example.IN ', url: '', parent: '' });
    assert.deepEqual(ok, { ok: true, value: { body: 'ठीक', authorName: 'राम', authorEmail: 'Ram@Example.IN', authorUrl: null, parentId: null } });
  });

  test('email syntax', () => {
    for (const good of ['a@b.co', 'first.last+tag@sub.example.in', 'राम@उदाहरण.भारत', "o'brien@example.ie"]) assert.ok(isEmailSyntax(good), good);
    for (const bad of ['a@b', 'a@b.c', '@b.com', 'a@.com', 'a b@c.com', 'a@b@c.com', '.a@b.com', 'a..b@c.com', 'a@b..com', '"a"@b.com', `${'a'.repeat(65)}@b.com`]) {
      assert.ok(!isEmailSyntax(bad), bad);
    }
  });

  test('websites: http(s) only, scheme added when missing, no credentials', () => {
    assert.deepEqual(checkWebsite('example.com'), { value: 'https://example.com/' });
    assert.deepEqual(checkWebsite('http://EXAMPLE.com/a b'), { problem: 'invalid' });
    assert.deepEqual(checkWebsite('example.com:8080/x'), { value: 'https://example.com:8080/x' });
    for (const bad of ['javascript:alert(1)', 'data:,x', 'file:///etc/passwd', 'mailto:a@b.com', 'ftp://x.com']) assert.deepEqual(checkWebsite(bad), { problem: 'scheme' }, bad);
    for (const bad of ['https://u:p@x.com', 'localhost', 'http://localhost/', '//evil.com', '&#106;avascript:x']) assert.deepEqual(checkWebsite(bad), { problem: 'invalid' }, bad);
    assert.deepEqual(checkWebsite(''), { value: null });
  });
});

describe('spam helpers', () => {
  test('links are counted, bare www. included', () => {
    assert.equal(countLinks('https://a.com http://b.com www.c.com notwww.d.com'), 3);
    assert.equal(countLinks('कोई लिंक नहीं'), 0);
  });

  test('the duplicate key ignores case, spacing and punctuation, not words', () => {
    assert.equal(bodyKey('Hello, World!'), bodyKey('hello world'));
    assert.equal(bodyKey('नमस्ते  दुनिया।'), bodyKey('नमस्ते दुनिया'));
    assert.notEqual(bodyKey('नमस्ते दुनिया'), bodyKey('नमस्ते भारत'));
  });

  test('blocklist matching: IP hash, email or @domain, words in any field', () => {
    const key = deriveKey('secret', 'ip');
    const entries = [
      { id: 1, kind: 'ip' as const, value: hashIp(key, '203.0.113.9'), note: '', createdAt: new Date() },
      { id: 2, kind: 'email' as const, value: normalizeBlocklistValue('email', '@Spam.Example')!, note: '', createdAt: new Date() },
      { id: 3, kind: 'word' as const, value: normalizeBlocklistValue('word', ' सस्ता लोन ')!, note: '', createdAt: new Date() },
    ];
    const base = { ipHash: hashIp(key, '198.51.100.1'), email: 'a@ok.example', name: 'x', url: null, body: 'ठीक है' };
    assert.equal(matchBlocklist(entries, base), null);
    assert.equal(matchBlocklist(entries, { ...base, ipHash: hashIp(key, '203.0.113.9') })?.id, 1);
    assert.equal(matchBlocklist(entries, { ...base, email: 'x@SPAM.example' })?.id, 2);
    assert.equal(matchBlocklist(entries, { ...base, body: 'यहां सस्ता लोन पाएं' })?.id, 3);
    assert.equal(matchBlocklist(entries, { ...base, name: 'सस्ता लोन वाले' })?.id, 3);
    assert.notEqual(hashIp(key, '203.0.113.9'), hashIp(deriveKey('other', 'ip'), '203.0.113.9'), 'salted per site');
  });

  test('form tokens: bound to a story, signed, with a minimum and a maximum age', () => {
    const key = deriveKey('secret', 'form-token');
    const t0 = new Date('2023-03-21T12:00:00Z');
    const token = issueFormToken(key, 42, t0);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    assert.equal(checkFormToken(key, token, 42, at(5_000), 3).kind, 'valid');
    assert.equal(checkFormToken(key, token, 42, at(1_000), 3).kind, 'too-fast');
    assert.equal(checkFormToken(key, token, 43, at(5_000), 3).kind, 'forged');
    assert.equal(checkFormToken(deriveKey('other', 'form-token'), token, 42, at(5_000), 3).kind, 'forged');
    assert.equal(checkFormToken(key, token.replace(/^42/, '43'), 43, at(5_000), 3).kind, 'forged');
    assert.equal(checkFormToken(key, token, 42, at(25 * 3_600_000), 3).kind, 'expired');
    assert.equal(checkFormToken(key, '', 42, at(5_000), 3).kind, 'none');
    assert.equal(checkFormToken(key, 'x'.repeat(5000), 42, at(5_000), 3).kind, 'forged');
  });
});

describe('threads and openness', () => {
  const c = (id: number, parentId: number | null): PublicComment => ({ id, parentId, authorName: `n${id}`, authorUrl: null, body: 'x', createdAt: new Date(id * 1000), byNewsroom: false });

  test('two levels: replies to replies stay in their thread; orphans stand alone', () => {
    const threads = threadComments([c(1, null), c(2, 1), c(3, 2), c(4, null), c(5, 99), c(6, 4)]);
    assert.deepEqual(
      threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)]),
      [
        [1, [2, 3]],
        [4, [6]],
        [5, []],
      ],
    );
  });

  test('comments close with the site switch, the story, or N days after publishing', () => {
    const now = new Date('2023-03-21T12:00:00Z');
    const story = { commentsOpen: true, publishedAt: new Date('2023-03-11T12:00:00Z') };
    assert.ok(commentsAreOpen(story, { commentsEnabled: true, commentAutoCloseDays: 0 }, now));
    assert.ok(!commentsAreOpen(story, { commentsEnabled: false, commentAutoCloseDays: 0 }, now));
    assert.ok(!commentsAreOpen({ ...story, commentsOpen: false }, { commentsEnabled: true, commentAutoCloseDays: 0 }, now));
    assert.ok(commentsAreOpen(story, { commentsEnabled: true, commentAutoCloseDays: 11 }, now));
    assert.ok(!commentsAreOpen(story, { commentsEnabled: true, commentAutoCloseDays: 10 }, now));
  });

  test('moderation transitions', () => {
    assert.ok(actionApplies('approve', 'pending') && actionApplies('approve', 'spam'));
    assert.ok(!actionApplies('approve', 'trash') && !actionApplies('delete', 'approved') && !actionApplies('restore', 'pending'));
  });
});

describe('linkify', () => {
  test('http(s) only, sentence punctuation left out, balanced brackets kept', () => {
    assert.deepEqual(linkify('देखें https://a.example/x. फिर'), [{ text: 'देखें ' }, { text: 'https://a.example/x', href: 'https://a.example/x' }, { text: '. फिर' }]);
    assert.deepEqual(linkify('(https://w.example/Foo_(bar))'), [{ text: '(' }, { text: 'https://w.example/Foo_(bar)', href: 'https://w.example/Foo_(bar)' }, { text: ')' }]);
    assert.deepEqual(linkify('https://a.example/।'), [{ text: 'https://a.example/', href: 'https://a.example/' }, { text: '।' }]);
    assert.deepEqual(linkify('javascript:alert(1) www.x.com ftp://x.com'), [{ text: 'javascript:alert(1) www.x.com ftp://x.com' }]);
    assert.deepEqual(linkify('https://'), [{ text: 'https://' }]);
  });
});
