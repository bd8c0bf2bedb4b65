/**
 * Two Samachar server processes on one PostgreSQL database, purges carried by PostgreSQL
 * LISTEN/NOTIFY, and again by Redis pub/sub (REDIS_URL): a page cached by one process
 * shows a change made through the other within one second.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { defineConfig } from '../../src/config.ts';
import { createServices } from '../../src/services.ts';
import { TEST_MEDIA_DIR, TEST_PG_URL } from '../helpers/databases.ts';
import { adminQuery, type ServerProcess, startServer, stopServer } from '../helpers/server-process.ts';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

for (const bus of ['postgres', 'redis'] as const) {
  describe(`two processes, purges over ${bus === 'postgres' ? 'PostgreSQL LISTEN/NOTIFY' : 'Redis pub/sub'}`, () => {
    const dbName = `samachar_mp_${bus}_${process.pid}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-mp-'));
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;

    after(async () => {
      await Promise.all([stopServer(a), stopServer(b)]);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
    });

    test('a change made through one process is on the other within a second', async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
      await adminQuery(`CREATE DATABASE ${dbName}`);
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${dbName}`;
      const env: Record<string, string> = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, ...(bus === 'redis' ? { REDIS_URL: TEST_REDIS_URL } : {}) };
      a = await startServer({ ...env, SAMACHAR_DEMO: '1' });
      b = await startServer({ ...env, SAMACHAR_DEMO: '0' });

      // An editor's session, made directly in the database the processes share.
      const services = await createServices(defineConfig({ database: { dialect: 'postgres', url: url.toString() }, mediaDir: TEST_MEDIA_DIR }), { bus: false });
      let story;
      let session;
      let editorId;
      try {
        const { user } = await services.users.create({ email: 'editor@example.in', name: 'Editor', role: 'editor', password: 'correct horse battery' });
        editorId = user.id;
        session = await services.sessions.start(user.id);
        story = (await services.articles.latest(services.now(), 1))[0]!;
      } finally {
        await services.close();
      }
      assert.ok(editorId);
      const pagePath = `/${story.section.slug}/${story.slug}-${story.id}`;

      // B has the page cached.
      await fetch(b.origin + pagePath);
      const cached = await fetch(b.origin + pagePath);
      assert.equal(cached.headers.get('x-cache'), 'HIT');
      assert.ok((await cached.text()).includes(story.headline));

      // The edit and the Update go through A's newsroom API.
      const headline = `${story.headline} — ${bus} से अपडेट`;
      const saved = await fetch(`${a.origin}/admin/api/articles/${story.id}`, {
        method: 'PUT',
        headers: { cookie: `samachar_session=${session.token}`, 'x-csrf-token': session.csrfToken, origin: a.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ headline }),
      });
      assert.equal(saved.status, 200, await saved.text());
      // A live story changes for readers on Update, not on the save.
      const updated = await fetch(`${a.origin}/admin/api/articles/${story.id}/update`, {
        method: 'POST',
        headers: { cookie: `samachar_session=${session.token}`, 'x-csrf-token': session.csrfToken, origin: a.origin, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(updated.status, 200, await updated.text());
      const changedAt = Date.now();

      // B shows it within a second.
      let seen = false;
      while (!seen && Date.now() - changedAt < 1000) {
        seen = (await (await fetch(b.origin + pagePath)).text()).includes(headline);
        if (!seen) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(seen, `process B still served the old page a second after the change\n${b.output()}`);
      assert.ok((await (await fetch(a.origin + pagePath)).text()).includes(headline), 'and A too');
    });
  });
}
