import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readWxr, type WxrEntry, WxrError, type WxrSource } from './wxr-reader.ts';

const FIXTURE = 'test/fixtures/wordpress/export.xml';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-wxr-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function readAll(source: WxrSource): Promise<WxrEntry[]> {
  const out: WxrEntry[] = [];
  for await (const e of readWxr(source)) out.push(e);
  return out;
}

async function refused(source: WxrSource, message: RegExp): Promise<void> {
  await assert.rejects(readAll(source), (err: unknown) => {
    assert.ok(err instanceof WxrError, `expected a WxrError, got ${String(err)}`);
    assert.match(err.message, message);
    return true;
  });
}

const wxr = (items: string, head = '') => `<?xml version="1.0" encoding="UTF-8"?>${head}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>t</title><link>https://old.example</link><wp:base_blog_url>https://old.example</wp:base_blog_url>
${items}
</channel></rss>`;

describe('readWxr on WordPress output', () => {
  it('reads the site, authors, terms and items of the real export in file order', async () => {
    const entries = await readAll(FIXTURE);
    const site = entries.find((e) => e.kind === 'site');
    assert.deepEqual(site?.kind === 'site' && site.site, { title: 'समाचार परीक्षण', url: 'http://samachar-fixture.example', language: '' });
    const authors = entries.flatMap((e) => (e.kind === 'author' ? [e.author.login] : []));
    assert.deepEqual(authors, ['asha', 'ravi']);
    const child = entries.find((e) => e.kind === 'term' && e.term.name === 'राज्य');
    assert.ok(child?.kind === 'term');
    assert.equal(decodeURIComponent(child.term.parentSlug), 'देश');
    const items = entries.flatMap((e) => (e.kind === 'item' ? [e.item] : []));
    const budget = items.find((i) => i.id === 4)!;
    assert.equal(budget.title, 'संसद में बजट पेश, किसानों के लिए नई योजना');
    assert.equal(budget.sticky, true);
    assert.equal(budget.meta.get('_thumbnail_id'), '5');
    assert.equal(budget.comments.length, 5);
    assert.equal(budget.comments.find((c) => c.author === 'राहुल')?.parent, 2);
    assert.match(budget.content, /\[caption id="attachment_6"/);
  });
});

describe('readWxr on hostile files', () => {
  it('refuses an external entity (XXE) without reading the file it names', async () => {
    const secret = file('secret.txt', 'TOP-SECRET');
    await refused(file('xxe.xml', wxr('<item><title>&xxe;</title></item>', `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>`)), /DOCTYPE/);
    // An entity reference without the DTD is refused too, never looked up.
    await refused(file('xxe2.xml', wxr('<item><title>&xxe;</title></item>')), /not well-formed/);
  });

  it('refuses billion laughs before expanding anything', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const started = Date.now();
    await refused(file('lol.xml', wxr('<item><title>&lol9;</title></item>', `<!DOCTYPE rss [${lol}]>`)), /DOCTYPE/);
    assert.ok(Date.now() - started < 1000);
  });

  it('refuses a truncated file, naming where it ended', async () => {
    const whole = fs.readFileSync(FIXTURE, 'utf8');
    await refused(file('cut.xml', whole.slice(0, Math.floor(whole.length * 0.6))), /ends too early|not well-formed/);
  });

  it('refuses bytes that are not UTF-8, also when a character is cut at the end', async () => {
    const good = Buffer.from(wxr('<item><title>ठीक</title></item>'));
    const bad = Buffer.concat([good.subarray(0, 300), Buffer.from([0xc3, 0x28, 0xff]), good.subarray(300)]);
    await refused(file('latin1.xml', bad), /not valid UTF-8/);
    await refused(file('cut-char.xml', Buffer.concat([good, Buffer.from([0xe0, 0xa4])])), /UTF-8/);
  });

  it('refuses a 1 GB text node after reading a bounded part of it', async () => {
    const head = Buffer.from(wxr('<item><title>').split('<item><title>')[0] + '<item><content:encoded>');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let fed = 0;
    const source = () =>
      (async function* () {
        yield head;
        for (let i = 0; i < 1024; i++) {
          fed += chunk.length;
          yield chunk;
        }
      })();
    const rssBefore = process.memoryUsage().rss;
    await refused(source, /longer than/);
    assert.ok(fed < 64 * 1024 * 1024, `read ${fed} bytes of the text before refusing`);
    assert.ok(process.memoryUsage().rss - rssBefore < 256 * 1024 * 1024);
  });

  it('refuses what is not a WordPress export', async () => {
    await refused(file('html.xml', '<html><body>hi</body></html>'), /not a WordPress export/);
    await refused(file('empty.xml', ''), /not a WordPress export|ends too early/);
    await refused(file('deep.xml', wxr(`<item>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</item>`)), /nested deeper/);
  });

  it('reads markup inside CDATA as text (scripts stay inert strings for the converter)', async () => {
    const entries = await readAll(file('script.xml', wxr('<item><wp:post_id>7</wp:post_id><content:encoded><![CDATA[<p onclick="x()">a</p><script>alert(1)</script>]]></content:encoded></item>')));
    const item = entries.find((e) => e.kind === 'item');
    assert.ok(item?.kind === 'item');
    assert.equal(item.item.id, 7);
    assert.equal(item.item.content, '<p onclick="x()">a</p><script>alert(1)</script>');
  });
});
