/**
 * Hostile input, on every database: more than 30 attack strings are posted in the field
 * where they would do harm. Each must be refused with a clear message (a 4xx naming the
 * field, or a catalogue page), or stored exactly as sent (NFC) and shown inert: on the
 * article page, in the script's JSON answer, in the form sent back after a mistake and in
 * the moderation queue, the comment's markup holds only the elements Samachar writes, no
 * event-handler attribute, and links only to http(s) with rel="nofollow ugc noopener".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath } from '../../domain/articles/article.ts';
import { COMMENT_STRINGS, commentFieldMessage } from '../../render/strings.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, type CommentFields, nextEmail, postComment, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

type Field = 'comment' | 'author' | 'email' | 'url';
interface Attack {
  name: string;
  field: Field;
  value?: string;
  /** A raw urlencoded body instead (bytes that are not UTF-8). */
  raw?: string;
  /** Expected: stored verbatim, or refused with this problem (or HTTP status). */
  expect: 'stored' | { problem: string } | { status: number };
}

const ATTACKS: Attack[] = [
  { name: 'script tag', field: 'comment', value: '<script>alert(1)</script>', expect: 'stored' },
  { name: 'img onerror', field: 'comment', value: '<img src=x onerror=alert(1)>', expect: 'stored' },
  { name: 'svg onload', field: 'comment', value: '<svg onload=alert(1)>', expect: 'stored' },
  { name: 'body onload', field: 'comment', value: '<body onload="alert(1)">', expect: 'stored' },
  { name: 'javascript: link markup', field: 'comment', value: '<a href="javascript:alert(1)">क्लिक</a>', expect: 'stored' },
  { name: 'bare javascript: URL', field: 'comment', value: 'javascript:alert(document.cookie)', expect: 'stored' },
  { name: 'entity-encoded javascript: in text', field: 'comment', value: '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)', expect: 'stored' },
  { name: 'hex-entity javascript: in text', field: 'comment', value: '&#x6A;avascript:alert(1) https://ok.example/&#x22;onmouseover=alert(1)', expect: 'stored' },
  { name: 'mXSS: svg style', field: 'comment', value: '<svg><style><img src=x onerror=alert(1)></style></svg>', expect: 'stored' },
  { name: 'mXSS: math mglyph', field: 'comment', value: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', expect: 'stored' },
  { name: 'mXSS: noscript title', field: 'comment', value: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', expect: 'stored' },
  { name: 'mXSS: svg p style', field: 'comment', value: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">', expect: 'stored' },
  { name: 'iframe srcdoc', field: 'comment', value: '<iframe srcdoc="<script>alert(1)</script>"></iframe>', expect: 'stored' },
  { name: 'closing textarea', field: 'comment', value: '</textarea><script>alert(1)</script>', expect: 'stored' },
  { name: 'HTML comment and CDATA', field: 'comment', value: '<!-- x --><![CDATA[<script>alert(1)</script>]]>', expect: 'stored' },
  { name: 'style and base and meta', field: 'comment', value: '<style>body{display:none}</style><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">', expect: 'stored' },
  { name: 'template injection', field: 'comment', value: "{{constructor.constructor('alert(1)')()}} ${alert(1)} <%= 7*7 %>", expect: 'stored' },
  { name: 'SQL injection', field: 'comment', value: "'); DROP TABLE comments;-- \" OR 1=1 --", expect: 'stored' },
  { name: 'URL with markup after it', field: 'comment', value: 'https://example.com/<script>alert(1)</script> और https://example.com/"onmouseover="alert(1)', expect: 'stored' },
  { name: 'zero-width joiner and non-joiner', field: 'comment', value: 'क्\u200dष और क्\u200cष 👩\u200d💻', expect: 'stored' },
  { name: 'zero-width space and BOM in text', field: 'comment', value: 'छिपे\u200bहुए\ufeffअक्षर', expect: 'stored' },
  { name: '4-byte character at the length limit', field: 'comment', value: `${'अ'.repeat(4999)}𝄞`, expect: 'stored' },
  { name: 'one character past the limit', field: 'comment', value: `${'अ'.repeat(5000)}𝄞`, expect: { problem: 'too-long' } },
  { name: 'NUL byte', field: 'comment', value: 'पहले\u0000<script>', expect: { problem: 'control' } },
  { name: 'bidi override in the text', field: 'comment', value: 'invoice\u202Efdp.exe', expect: { problem: 'bidi' } },
  { name: 'line separator U+2028', field: 'comment', value: 'a\u2028b', expect: { problem: 'control' } },
  { name: 'invalid UTF-8', field: 'comment', raw: 'comment=%C3%28%A0%A1', expect: { problem: 'encoding' } },
  { name: 'overlong UTF-8 for <', field: 'comment', raw: 'comment=%C0%BCscript%C0%BE', expect: { problem: 'encoding' } },
  { name: 'UTF-8-encoded lone surrogate', field: 'comment', raw: 'comment=%ED%A0%80', expect: { problem: 'encoding' } },
  { name: '1 MB body', field: 'comment', raw: `comment=${'a'.repeat(1_048_576)}`, expect: { status: 413 } },
  { name: 'script in the name', field: 'author', value: '"><script>alert(1)</script>', expect: 'stored' },
  { name: 'attribute breakout in the name', field: 'author', value: "' onmouseover='alert(1)' x='", expect: 'stored' },
  { name: 'CRLF header injection in the name', field: 'author', value: 'Ram\r\nSet-Cookie: session=evil', expect: { problem: 'control' } },
  { name: 'NUL in the name', field: 'author', value: 'Ram\u0000', expect: { problem: 'control' } },
  { name: 'bidi override in the name', field: 'author', value: '\u202Enimda', expect: { problem: 'bidi' } },
  { name: 'zero-width space in the name', field: 'author', value: 'सं\u200bपादक', expect: { problem: 'invisible' } },
  { name: 'Hangul filler as a blank name', field: 'author', value: '\u3164', expect: { problem: 'invisible' } },
  { name: 'CRLF in the email', field: 'email', value: 'a@example.com\r\nBcc: all@example.com', expect: { problem: 'control' } },
  { name: 'markup in the email', field: 'email', value: '"><script>@example.com', expect: { problem: 'invalid' } },
  { name: 'javascript: website', field: 'url', value: 'javascript:alert(1)', expect: { problem: 'scheme' } },
  { name: 'entity-encoded javascript: website', field: 'url', value: '&#106;avascript:alert(1)', expect: { problem: 'invalid' } },
  { name: 'tab-split javascript: website', field: 'url', value: 'java\tscript:alert(1)', expect: { problem: 'control' } },
  { name: 'data: website', field: 'url', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', expect: { problem: 'scheme' } },
  { name: 'vbscript: website', field: 'url', value: 'vbscript:msgbox(1)', expect: { problem: 'scheme' } },
  { name: 'protocol-relative website', field: 'url', value: '//evil.example/x', expect: { problem: 'invalid' } },
  { name: 'website breaking out of href', field: 'url', value: 'https://example.com/"onmouseover="alert(1)', expect: 'stored' },
];

/** The elements and attributes Samachar writes in a comment; anything else means markup got through. */
const ELEMENTS = new Set(['li', 'div', 'p', 'span', 'strong', 'bdi', 'a', 'time', 'br', 'ol']);
const ATTRIBUTES = new Set(['id', 'class', 'href', 'rel', 'dir', 'lang', 'datetime', 'aria-hidden', 'role', 'data-reply-to', 'data-author', 'title']);

/** Checks that `html` holds only Samachar's own markup and returns its anchors' hrefs. */
function assertInert(html: string, where: string): void {
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const [, tag = '', attrs = ''] = m;
    assert.ok(ELEMENTS.has(tag.toLowerCase()), `${where}: element <${tag}>`);
    for (const a of attrs.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) {
      const [, name = '', value = ''] = a;
      assert.ok(ATTRIBUTES.has(name.toLowerCase()), `${where}: attribute ${name} on <${tag}>`);
      if (name === 'href') {
        const href = value.replace(/&amp;/g, '&');
        assert.ok(/^https?:\/\//.test(href) || href.startsWith('#comment-') || /^\/[a-z0-9/-]+\?replyto=\d+#respond$/.test(href), `${where}: href ${href}`);
        if (/^https?:/.test(href)) assert.ok(/rel="nofollow ugc noopener"/.test(m[0]), `${where}: rel on ${href}`);
      }
    }
  }
  // No raw '<' outside Samachar's tags: every '<' starts one of them or a closing tag.
  assert.ok(!/<(?!\/?(li|div|p|span|strong|bdi|a|time|br|ol)[\s>/])/i.test(html), `${where}: stray markup`);
}

/** The text of a comment as the browser would read it back from the HTML. */
function decode(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/p><p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The scripts an article page carries (beside its structured-data block, a data block never
 * run): files of Samachar's own, by name without their content hash; an inline script shows
 * as its whole tag, so an attack that planted one fails the comparison.
 */
const OWN_SCRIPTS = ['/assets/comments', '/assets/view'];
function pageScripts(page: string): string[] {
  return (page.match(/<script(?! type="application\/ld\+json">)[^>]*>/g) ?? []).map((tag) => /^<script type="module" src="(\/assets\/[a-z-]+)\.[0-9a-f]+\.js"/.exec(tag)?.[1] ?? tag);
}

for (const dialect of DIALECTS) {
  describe(`hostile comment input (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    let ref: { id: number; path: string };
    let knownEmail: string;

    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
      const a = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      ref = { id: a.id, path: articlePath(a) };
      // One approved comment makes this reader known, so their comments publish at once.
      knownEmail = nextEmail('hostile');
      await t.services.settings.update({ commentModeration: 'first', commentMaxLinks: 20, commentIpLimit: 10_000, commentEmailLimit: 10_000 });
      await postComment(t, ref.path, validFields({ email: knownEmail }));
      const first = (await t.services.commentModeration.list(editor.user, { articleId: ref.id }, 1, 1)).items[0]!;
      await t.services.commentModeration.act(editor.user, [first.id], 'approve');
    });
    after(() => t.close());

    test('there are at least 30 attacks', () => {
      assert.ok(ATTACKS.length >= 30, String(ATTACKS.length));
    });

    for (const attack of ATTACKS) {
      test(`${attack.name}: ${attack.expect === 'stored' ? 'stored verbatim and shown inert' : 'refused with a clear message'}`, async () => {
        advance(t, 1000);
        const fields: CommentFields = validFields({ email: knownEmail, comment: `टिप्पणी ${Math.random()}` });
        if (attack.value !== undefined) fields[attack.field] = attack.value;
        const before = (await t.services.commentModeration.list(editor.user, { articleId: ref.id }, 1, 1)).items[0]!.id;
        const payload = attack.raw !== undefined ? `${attack.raw}&author=x&email=${encodeURIComponent(knownEmail)}` : undefined;
        const res = await postComment(t, ref.path, fields, { json: true, ...(payload ? { payload } : {}) });
        const latest = (await t.services.commentModeration.list(editor.user, { articleId: ref.id }, 1, 1)).items[0]!;

        if (attack.expect !== 'stored') {
          assert.equal(latest.id, before, 'nothing stored');
          if ('status' in attack.expect) {
            assert.equal(res.statusCode, attack.expect.status);
            assert.equal((res.json() as { message: string }).message, COMMENT_STRINGS.en.tooLarge);
            return;
          }
          assert.equal(res.statusCode, 400, res.body.slice(0, 300));
          const errors = (res.json() as { errors: Record<string, string> }).errors;
          assert.equal(errors[attack.field], commentFieldMessage('en', attack.field, attack.expect.problem), JSON.stringify(errors));
          // Without JavaScript the same post comes back as the page, the message beside the field, nothing executable.
          if (!payload) {
            const page = await postComment(t, ref.path, fields);
            assert.equal(page.statusCode, 400);
            assert.ok(page.body.includes(`<span id="${attack.field}-error" class="field-error">`));
            // Beside the page's one structured-data block (a data block, never run).
            assert.deepEqual(pageScripts(page.body), OWN_SCRIPTS, 'only the comment script and the view beacon');
          }
          return;
        }

        assert.equal(res.statusCode, 201, res.body.slice(0, 300));
        const answer = res.json() as { id: number; html: string };
        assert.equal(answer.id, latest.id);
        const expected = attack.field === 'url' ? new URL(attack.value!).href : attack.value!.normalize('NFC');
        const stored = attack.field === 'comment' ? latest.body : attack.field === 'author' ? latest.authorName : latest.authorUrl;
        assert.equal(stored, expected, 'stored exactly (NFC)');

        // Inert where readers see it: the script's JSON answer and the page.
        assertInert(answer.html, 'JSON answer');
        const page = (await t.app.inject({ method: 'GET', url: ref.path })).body;
        const at = page.indexOf(`<li id="comment-${latest.id}"`);
        assert.ok(at > 0, 'shown on the page');
        const item = page.slice(at, page.indexOf('</li>', at) + 5);
        assertInert(item, 'article page');
        assert.deepEqual(pageScripts(page), OWN_SCRIPTS, 'only the comment script and the view beacon on the page');
        if (attack.field === 'comment') {
          const body = /<div class="comment-body" dir="auto">([\s\S]*?)<\/div>/.exec(item)![1]!;
          assert.equal(decode(body), expected, 'reads back as typed');
        }
        if (attack.field === 'author') assert.ok(decode(item).includes(expected));

        // Inert in the form sent back after a mistake elsewhere (the text sits in the textarea, escaped).
        if (attack.field === 'comment') {
          const back = await postComment(t, ref.path, { ...fields, email: 'not-an-email' });
          assert.equal(back.statusCode, 400);
          const textarea = /<textarea id="comment"[^>]*>([\s\S]*?)<\/textarea>/.exec(back.body)![1]!;
          assert.ok(!textarea.includes('<'), 'no markup inside the textarea');
          assert.equal(decode(textarea), expected);
        }

        // Inert in the moderation queue.
        const queue = await t.app.inject({ method: 'GET', url: `/admin/comments?status=approved&article=${ref.id}`, headers: { cookie: editor.cookie } });
        const row = queue.body.slice(queue.body.indexOf(`<tr id="c-${latest.id}"`));
        const cell = row.slice(row.indexOf('<div dir="auto">'), row.indexOf('<div class="button-row">'));
        assert.ok(!/<(script|img|svg|iframe|style|math|noscript|base|meta|body)\b/i.test(cell), 'queue shows text only');
      });
    }
  });
}
