/**
 * The newsroom's article workflow on every database: drafts, saves with revisions,
 * status changes and who made them, scheduled publishing exactly once across two
 * processes, updated times, corrections, and restoring revisions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { spawn } from 'node:child_process';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import type { User } from '../users/user.ts';

for (const dialect of DIALECTS) {
  describe(`article workflow (${dialect})`, () => {
    let t: TestServices;
    let editor: User;
    let sectionId: number;
    let photoId: number;

    before(async () => {
      t = await openTestServices(dialect);
      editor = (await t.services.users.create({ email: 'ed@example.test', name: 'संपादक', role: 'editor', password: 'password-123' })).user;
      sectionId = (await t.services.sections.create({ slug: 'desh', name: 'देश', nameLatin: 'India' })).id;
      const sharp = (await import('sharp')).default;
      const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#a33' } }).png().toBuffer();
      photoId = (await t.services.media.ingest(png, { alt: 'लाल रंग', caption: 'एक तस्वीर', credit: 'फोटो: समाचार' })).id;
    });
    after(() => t.close());

    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ text }] });

    test('a draft keeps a revision per save, and its slug follows the headline until published', async () => {
      const { desk } = t.services;
      const id = await desk.createDraft(editor, { sectionId, headline: 'पहली हेडलाइन' });
      let a = await desk.get(editor, id);
      assert.equal(a.status, 'draft');
      assert.equal(a.revision, 1);
      assert.equal(a.slug, 'pahli-headline');
      a = await desk.update(editor, id, { headline: 'मॉस्को में पुतिन से मिले जिनपिंग', body: { version: 1, blocks: [paragraph('पहला पैराग्राफ।')] }, tagNames: ['रूस', ' चीन ', 'रूस'] });
      assert.equal(a.revision, 2);
      assert.equal(a.slug, 'moscow-mein-putin-se-mile-jinping');
      assert.deepEqual(a.tagNames, ['रूस', 'चीन']);
      const { revisions, events } = await desk.history(editor, id);
      assert.deepEqual(revisions.map((r) => r.number), [2, 1]);
      assert.equal(revisions[0]!.userName, 'संपादक');
      assert.deepEqual(events.map((e) => e.action).reverse(), ['created', 'saved']);
    });

    test('publishing needs alt text, caption and credit on every photo', async () => {
      const { desk, media } = t.services;
      const sharp = (await import('sharp')).default;
      const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a3' } }).png().toBuffer();
      const bare = await media.ingest(png, { alt: '', caption: '', credit: '' });
      const id = await desk.createDraft(editor, { sectionId, headline: 'बिना कैप्शन की तस्वीर' });
      await desk.update(editor, id, { heroMediaId: bare.id });
      await assert.rejects(desk.transition(editor, id, 'published'), { code: 'INVALID_INPUT', field: 'heroMediaId' });
      assert.equal((await desk.get(editor, id)).status, 'draft');
      await media.updateMeta(bare.id, { alt: 'हरा रंग', caption: 'हरी तस्वीर', credit: 'फोटो: समाचार' });
      assert.equal((await desk.transition(editor, id, 'published')).status, 'published');
    });

    test('an edit after publishing sets the updated time; a correction note is kept', async () => {
      const { desk, articles } = t.services;
      const start = t.services.now();
      const id = await desk.createDraft(editor, { sectionId, headline: 'सुधार वाली खबर' });
      await desk.update(editor, id, { heroMediaId: photoId, body: { version: 1, blocks: [paragraph('मूल पाठ')] } });
      await desk.transition(editor, id, 'published');
      const publishedAt = (await desk.get(editor, id)).publishedAt;
      assert.equal(publishedAt, start.toISOString());
      t.setNow(new Date(start.getTime() + 3_600_000));
      try {
        await desk.update(editor, id, { body: { version: 1, blocks: [paragraph('सुधरा पाठ')] }, correctionNote: 'पहले संस्करण में आंकड़ा गलत था।' });
        assert.equal((await articles.getPublic(id, t.services.now()))?.correctionNote, '', 'a save of a live story stays pending');
        await desk.applyPending(editor, id);
        const live = await articles.getPublic(id, t.services.now());
        assert.ok(live);
        assert.equal(live.publishedAt?.toISOString(), publishedAt);
        assert.equal(live.updatedAt.toISOString(), new Date(start.getTime() + 3_600_000).toISOString());
        assert.equal((await desk.get(editor, id)).correctionNote, 'पहले संस्करण में आंकड़ा गलत था।');
      } finally {
        t.setNow(start);
      }
    });

    test('transitions follow the workflow; impossible ones are refused', async () => {
      const { desk } = t.services;
      const id = await desk.createDraft(editor, { sectionId, headline: 'वर्कफ़्लो' });
      await assert.rejects(desk.transition(editor, id, 'unpublished'), { code: 'INVALID_INPUT', field: 'to' });
      assert.equal((await desk.transition(editor, id, 'review')).status, 'review');
      assert.equal((await desk.transition(editor, id, 'draft')).status, 'draft');
      assert.equal((await desk.transition(editor, id, 'published')).status, 'published');
      assert.equal((await desk.transition(editor, id, 'unpublished')).status, 'unpublished');
      assert.equal(await t.services.articles.getPublic(id, t.services.now()), null, 'unpublished is not public');
      const events = (await desk.history(editor, id)).events.map((e) => `${e.fromStatus}>${e.toStatus}`).filter((s) => s !== 'null>null');
      assert.deepEqual(events.reverse(), ['null>draft', 'draft>review', 'review>draft', 'draft>published', 'published>unpublished']);
    });

    test('scheduled stories go live at their time, exactly once even with two processes', async () => {
      const { desk } = t.services;
      const start = t.services.now();
      const at = new Date(start.getTime() + 10 * 60_000);
      const id = await desk.createDraft(editor, { sectionId, headline: 'शेड्यूल की गई खबर' });
      await assert.rejects(desk.transition(editor, id, 'scheduled', { publishAt: new Date(start.getTime() - 1000) }), { field: 'publishAt' });
      assert.equal((await desk.transition(editor, id, 'scheduled', { publishAt: at })).status, 'scheduled');
      assert.equal(await t.services.articles.getPublic(id, at), null, 'not public while scheduled');
      assert.deepEqual(await desk.publishDue(), [], 'nothing due yet');

      // Three more server processes on the same database run the job at the same moment.
      const child = () =>
        new Promise<number[]>((resolve, reject) => {
          const p = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/publish-due-child.ts', JSON.stringify(t.database.config), t.database.schema ?? '', at.toISOString()], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          p.stdout.on('data', (d) => (out += String(d)));
          p.on('error', reject);
          p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`child exited ${code}`))));
        });
      t.setNow(at);
      try {
        const runs = await Promise.all([child(), child(), child(), desk.publishDue()]);
        assert.deepEqual(runs.flat().filter((x) => x === id), [id], `published once, by one run: ${JSON.stringify(runs)}`);
        const live = await t.services.articles.getPublic(id, at);
        assert.equal(live?.publishedAt?.toISOString(), at.toISOString());
        const events = (await desk.history(editor, id)).events.filter((e) => e.action === 'published-on-schedule');
        assert.equal(events.length, 1);
      } finally {
        t.setNow(start);
      }
    });

    test('two revisions can be read back and an old one restored as a new save', async () => {
      const { desk } = t.services;
      const id = await desk.createDraft(editor, { sectionId, headline: 'पुरानी हेडलाइन' });
      await desk.update(editor, id, { dek: 'पुराना डेक' });
      await desk.update(editor, id, { headline: 'नई हेडलाइन', dek: 'नया डेक' });
      const r2 = await desk.revision(editor, id, 2);
      const r3 = await desk.revision(editor, id, 3);
      assert.equal(r2.snapshot.dek, 'पुराना डेक');
      assert.equal(r3.snapshot.headline, 'नई हेडलाइन');
      const restored = await desk.restore(editor, id, 2);
      assert.equal(restored.headline, 'पुरानी हेडलाइन');
      assert.equal(restored.dek, 'पुराना डेक');
      assert.equal(restored.revision, 4);
      await assert.rejects(desk.revision(editor, id, 99), { code: 'NOT_FOUND' });
    });
  });
}
