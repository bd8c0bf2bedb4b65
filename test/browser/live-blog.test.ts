/**
 * A live blog in chromium: a reader has the story's page open; a post made through the
 * integration API (an API key, /api/v1/admin/…/live/posts) appears on the page without a
 * reload, over the live stream, with no console error and no CSP violation. An edit
 * replaces the post in place and a deletion removes it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { LIVE_BLOG_STRINGS } from '../../src/render/components/live-blog-strings.ts';
import { openDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { actor } from '../helpers/newsroom.ts';

const para = (text: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ text }] }] });

describe('a live blog in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let key: string;
  let storyId: number;
  let storyPath: string;

  const api = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(origin + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const body = (await res.json()) as Record<string, unknown>;
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };

  before(async () => {
    t = await openDemoApp('sqlite');
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const admin = await actor(t.services, 'admin');
    key = (await t.services.apiKeys.create(admin.user, { name: 'Live desk', role: 'editor' })).secret;
    const sectionId = (await t.services.sections.findBySlug('desh'))!.id;
    const created = (await api('POST', '/api/v1/admin/stories', { headline: 'बजट सत्र लाइव', sectionId, body: para('संसद में बजट पेश हो रहा है।') })) as { story: { id: number } };
    storyId = created.story.id;
    const published = (await api('POST', `/api/v1/admin/stories/${storyId}/publish`, {})) as { story: { url: string } };
    storyPath = new URL(published.story.url).pathname;
    await api('POST', `/api/v1/admin/stories/${storyId}/live/start`);
    await api('POST', `/api/v1/admin/stories/${storyId}/live/posts`, { kind: 'text', body: para('सत्र शुरू हुआ।') });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return problems;
  }

  test('a post published through the API appears without a reload; an edit replaces it, a deletion removes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(origin + storyPath);
    assert.equal(await page.locator('.live-post').count(), 1, 'the server-rendered post');
    await page.waitForSelector('#live.live-connected', { timeout: 10_000 });
    // The stream is open once the server holds it.
    const deadline = Date.now() + 10_000;
    while (t.services.live.size < 1) {
      if (Date.now() > deadline) throw new Error('the page never opened the stream');
      await new Promise((r) => setTimeout(r, 20));
    }
    const loadedAt = await page.evaluate(() => performance.timeOrigin);

    const made = (await api('POST', `/api/v1/admin/stories/${storyId}/live/posts`, { kind: 'text', body: para('वित्त मंत्री ने आयकर में छूट बढ़ाई।'), keyEvent: true })) as { post: { id: number } };
    const id = made.post.id;
    // Generous: the stream delivers in milliseconds; a loaded machine must not fail the test.
    await page.waitForSelector(`#post-${id}`, { timeout: 5000 });
    assert.equal(await page.locator('.live-posts > li').first().getAttribute('id'), `post-${id}`, 'newest first');
    assert.match((await page.locator(`#post-${id}`).textContent()) ?? '', /आयकर में छूट/);
    assert.equal(await page.evaluate(() => performance.timeOrigin), loadedAt, 'no reload');

    await api('PATCH', `/api/v1/admin/stories/${storyId}/live/posts/${id}`, { body: para('वित्त मंत्री ने आयकर में छूट 7 लाख तक बढ़ाई।') });
    const S = LIVE_BLOG_STRINGS[(await t.services.settings.get()).readerLanguage];
    await page.waitForFunction((postId) => document.getElementById(`post-${postId}`)?.textContent?.includes('7 लाख') ?? false, id, { timeout: 5000 });
    assert.match((await page.locator(`#post-${id}`).textContent()) ?? '', new RegExp(S.updated));

    await api('DELETE', `/api/v1/admin/stories/${storyId}/live/posts/${id}`);
    await page.waitForSelector(`#post-${id}`, { state: 'detached', timeout: 5000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('without JavaScript the page shows every post, server-rendered', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + storyPath);
    assert.ok((await page.locator('.live-post').count()) >= 1);
    assert.match((await page.locator('.live-posts').textContent()) ?? '', /सत्र शुरू हुआ/);
    await context.close();
  });
});
