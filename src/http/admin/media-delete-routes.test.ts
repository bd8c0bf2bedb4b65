/**
 * Deleting photos through HTTP, on every database: an unused photo goes with its files; a
 * photo a story uses (published or draft, lead photo or body, saved or in a pending edit,
 * or an author's photo) is refused with 409 naming where; the same image uploaded twice
 * keeps its files until the last record goes; roles, CSRF and unknown ids are refused and
 * nothing changes; every deletion is in the audit log.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Media } from '../../domain/media/media.ts';
import type { MediaUsage } from '../../domain/media/media-usage.ts';
import { DIALECTS, TEST_MEDIA_DIR } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

/** An image no other test makes (a random colour), so its content-addressed files are this test's alone. */
async function uniqueImage(): Promise<Buffer> {
  const hex = randomInt(0, 0xffffff).toString(16).padStart(6, '0');
  return sharp({ create: { width: 600, height: 400, channels: 3, background: `#${hex}` } })
    .composite([{ input: Buffer.from(`<svg width="600" height="400"><text x="10" y="200" font-size="40">${Date.now()}-${Math.random()}</text></svg>`), top: 0, left: 0 }])
    .png()
    .toBuffer();
}

const filesOf = (m: Media) => m.variantWidths.flatMap((w) => ['avif', 'webp', 'jpg'].map((ext) => path.join(TEST_MEDIA_DIR, `${m.fileKey}-${w}.${ext}`)));

for (const dialect of DIALECTS) {
  describe(`deleting photos (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor;
    const meta = { alt: 'खाली मैदान', caption: 'सुबह का मैदान', credit: 'फोटो: समाचार' };
    const upload = async () => t.services.media.ingest(await uniqueImage(), meta);
    const form = (who: Actor, url: string, fields: Record<string, string> = {}) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const auditActions = async () =>
      ((await asActor(t.app, admin, { method: 'GET', url: '/admin/api/audit' })).json() as { items: { action: string; subjectId: number; userId: number }[] }).items;

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor'), actor(t.services, 'reporter')]);
    });
    after(() => t.close());

    test('an unused photo is deleted with its files, from the media screen; the audit log has it', async () => {
      const m = await upload();
      assert.ok(filesOf(m).every((f) => fs.existsSync(f)), 'files written');
      const screen = await asActor(t.app, editor, { method: 'GET', url: '/admin/media' });
      assert.ok(screen.body.includes(`action="/admin/media/${m.id}/delete"`), 'a delete button');
      const unconfirmed = await form(editor, `/admin/media/${m.id}/delete`);
      assert.equal(unconfirmed.statusCode, 400);
      assert.ok(await t.services.media.findById(m.id), 'not deleted without confirmation');
      const res = await form(editor, `/admin/media/${m.id}/delete`, { confirm: '1' });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/admin/media?deleted=1');
      assert.equal(await t.services.media.findById(m.id), null);
      assert.ok(filesOf(m).every((f) => !fs.existsSync(f)), 'files removed');
      assert.equal((await t.app.inject({ method: 'GET', url: `/media/${m.fileKey}-480.webp` })).statusCode, 404);
      const entry = (await auditActions())[0]!;
      assert.deepEqual([entry.action, entry.subjectId, entry.userId], ['media.delete', m.id, editor.user.id]);
    });

    test('a photo a published story shows is refused with 409, naming the story and place; nothing is deleted', async () => {
      const story = (await t.services.articles.latest(t.services.now(), 30)).find((a) => a.hero)!;
      const hero = story.hero!;
      const res = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${hero.id}` });
      assert.equal(res.statusCode, 409);
      const body = res.json() as { error: { code: string }; usedIn: MediaUsage };
      assert.equal(body.error.code, 'MEDIA_IN_USE');
      const use = body.usedIn.stories.find((s) => s.articleId === story.id);
      assert.ok(use, 'names the story');
      assert.equal(use.status, 'published');
      assert.ok(use.places.includes('hero'));
      assert.ok(await t.services.media.findById(hero.id), 'still there');
      assert.ok(filesOf(hero).every((f) => fs.existsSync(f)), 'files kept');
      const screen = await form(editor, `/admin/media/${hero.id}/delete`, { confirm: '1' });
      assert.equal(screen.statusCode, 409);
      assert.ok(screen.body.includes('id="media-in-use"'));
      assert.ok(screen.body.includes(`href="/admin/articles/${story.id}/edit"`), 'links to the story to replace it');
      assert.ok(screen.body.includes('मुख्य फोटो'), 'says it is the lead photo');
    });

    test('a photo only a draft uses (in its body, or in a pending edit of a live story) is refused too, naming them', async () => {
      const inBody = await upload();
      const [section] = await t.services.sections.list();
      const created = await asActor(t.app, editor, { method: 'POST', url: '/admin/api/articles', json: { sectionId: section!.id, headline: 'फोटो वाला ड्राफ्ट' } });
      assert.equal(created.statusCode, 201, created.body);
      const draftId = (created.json() as { article: { id: number } }).article.id;
      const saved = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${draftId}`, json: { body: { version: 1, blocks: [{ type: 'image', mediaId: inBody.id }] } } });
      assert.equal(saved.statusCode, 200, saved.body);
      const res = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${inBody.id}` });
      assert.equal(res.statusCode, 409);
      const use = (res.json() as { usedIn: MediaUsage }).usedIn.stories.find((s) => s.articleId === draftId);
      assert.ok(use && (use.places.includes('body') || use.pendingPlaces.includes('body')), 'named, in the body');
      assert.equal(use.status, 'draft');
      // An id that merely starts with this one's digits is not a use.
      const usage = await asActor(t.app, editor, { method: 'GET', url: `/admin/api/media/${inBody.id}/usage` });
      assert.equal((usage.json() as { usedIn: MediaUsage }).usedIn.stories.length, 1);

      // A pending edit of a live story (autosaved to its working copy, not yet published) names it there.
      const pending = await upload();
      const live = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      const autosaved = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${live.id}`, json: { heroMediaId: pending.id, autosave: true } });
      assert.equal(autosaved.statusCode, 200, autosaved.body);
      const refused = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${pending.id}` });
      assert.equal(refused.statusCode, 409);
      const liveUse = (refused.json() as { usedIn: MediaUsage }).usedIn.stories.find((s) => s.articleId === live.id);
      assert.ok(liveUse, 'names the live story');
      assert.deepEqual([liveUse.status, liveUse.places, liveUse.pendingPlaces], ['published', [], ['hero']]);
    });

    test('an author profile photo is refused', async () => {
      const photo = await upload();
      const author = await t.services.authors.add({ name: 'फोटो वाले लेखक', nameLatin: 'Photo Wale Lekhak', bio: '', photoMediaId: photo.id });
      assert.equal(author.photo?.id, photo.id);
      const res = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${photo.id}` });
      assert.equal(res.statusCode, 409);
      assert.ok((res.json() as { usedIn: MediaUsage }).usedIn.authors.some((a) => a.authorId === author.id));
    });

    test('the same image uploaded twice keeps its files until its last record is deleted', async () => {
      const bytes = await uniqueImage();
      const a = await t.services.media.ingest(bytes, meta);
      const b = await t.services.media.ingest(bytes, meta);
      assert.equal(a.fileKey, b.fileKey);
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${a.id}` })).statusCode, 204);
      assert.ok(filesOf(b).every((f) => fs.existsSync(f)), 'still used by the other record');
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${b.id}` })).statusCode, 204);
      assert.ok(filesOf(b).every((f) => !fs.existsSync(f)), 'removed with the last record');
    });

    test('a reporter gets 403, a cross-site or tokenless request 403, an unknown id 404; nothing changes', async () => {
      const m = await upload();
      assert.equal((await asActor(t.app, reporter, { method: 'DELETE', url: `/admin/api/media/${m.id}` })).statusCode, 403);
      assert.equal((await form(reporter, `/admin/media/${m.id}/delete`, { confirm: '1' })).statusCode, 403);
      assert.ok(!(await asActor(t.app, reporter, { method: 'GET', url: '/admin/media' })).body.includes(`/admin/media/${m.id}/delete`), 'no delete button for a reporter');
      const noToken = await t.app.inject({ method: 'DELETE', url: `/admin/api/media/${m.id}`, headers: { cookie: editor.cookie, origin: 'http://localhost:80', host: 'localhost:80' } });
      assert.equal(noToken.statusCode, 403);
      const crossSite = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${m.id}`, headers: { origin: 'https://evil.example' } });
      assert.equal(crossSite.statusCode, 403);
      assert.ok(await t.services.media.findById(m.id), 'still there');
      assert.ok(filesOf(m).every((f) => fs.existsSync(f)));
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: '/admin/api/media/99999999' })).statusCode, 404);
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: '/admin/api/media/x1' })).statusCode, 404);
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/media/${m.id}` })).statusCode, 204, 'an editor may');
    });
  });
}
