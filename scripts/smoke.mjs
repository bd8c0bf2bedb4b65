// Starts the built site (dist/main.js) the way `npm start` does, on a fresh database,
// and checks as a first visitor would: the home page, the reference article, a 404,
// then a clean stop on SIGTERM. Usage: node scripts/smoke.mjs sqlite|postgres
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';

const dialect = process.argv[2] ?? 'sqlite';
const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function fail(message) {
  console.error(`smoke (${dialect}): ${message}`);
  process.exitCode = 1;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-smoke-'));
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
let dbName;
if (dialect === 'postgres') {
  dbName = `samachar_smoke_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
}

const child = spawn(process.execPath, ['dist/main.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (d) => {
  output += String(d);
  process.stdout.write(d);
});
const origin = `http://127.0.0.1:${port}`;
try {
  let home;
  for (let i = 0; i < 120 && !home; i++) {
    try {
      const res = await fetch(origin + '/');
      if (res.ok) home = await res.text();
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (!home) throw new Error('the site did not answer within 60 s');
  if (!home.includes('<html lang="hi"')) fail('home page is not lang="hi"');
  const ref = /href="(\/videsh\/jinping-se-bole-putin-welcome-dear-friend-\d+)"/.exec(home)?.[1];
  if (!ref) throw new Error('the reference article is not linked from the home page');
  const article = await (await fetch(origin + ref)).text();
  for (const text of ['जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड', 'Leave a Reply', 'COVID-19 CASES', 'Updates']) {
    if (!article.includes(text)) fail(`article page lacks "${text}"`);
  }
  const missing = await fetch(origin + '/no-such-page');
  if (missing.status !== 404) fail(`unknown path answered ${missing.status}`);
  // The first start printed an admin account with a generated password: sign in with it.
  const login = /sign in at \/admin with (\S+) and the password (\S+)/.exec(output);
  if (!login) throw new Error('the first start did not print how to sign in to the newsroom');
  const form = await fetch(origin + '/admin/sign-in');
  const pre = /samachar_pre=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
  const signIn = await fetch(origin + '/admin/sign-in', {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `samachar_pre=${pre}`, 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ _csrf: pre ?? '', email: login[1], password: login[2] }),
  });
  const session = /samachar_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
  if (signIn.status !== 303 || !session) throw new Error(`signing in with the printed password answered ${signIn.status}`);
  const desk = await fetch(origin + '/admin', { headers: { cookie: `samachar_session=${session}` } });
  const deskPage = await desk.text();
  if (desk.status !== 200 || !deskPage.includes('admin-main')) fail(`the newsroom answered ${desk.status} after signing in`);
  // Heavy work runs in worker threads started from dist/worker-entry.js: a photo upload and a revision comparison.
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(deskPage)?.[1] ?? '';
  const headers = { cookie: `samachar_session=${session}`, 'x-csrf-token': csrf, origin };
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } }).png().toBuffer();
  const photo = new FormData();
  for (const [k, v] of Object.entries({ alt: 'smoke', caption: 'smoke', credit: 'smoke' })) photo.set(k, v);
  photo.set('file', new Blob([png], { type: 'image/png' }), 'smoke.png');
  const upload = await fetch(origin + '/admin/api/media', { method: 'POST', headers, body: photo });
  if (upload.status !== 201) fail(`a photo upload answered ${upload.status}: ${(await upload.text()).slice(0, 200)}`);
  const json = { ...headers, 'content-type': 'application/json' };
  const created = await (await fetch(origin + '/admin/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ sectionId: 1, headline: 'पहला शीर्षक' }) })).json();
  const id = created.article.id;
  let version = created.article.version;
  for (const headline of ['दूसरा शीर्षक', 'तीसरा शीर्षक']) {
    const saved = await fetch(`${origin}/admin/api/articles/${id}`, { method: 'PUT', headers: json, body: JSON.stringify({ headline, baseVersion: version }) });
    version = (await saved.json()).version;
  }
  const compare = await fetch(`${origin}/admin/articles/${id}/revisions`, { headers });
  const comparePage = await compare.text();
  if (compare.status !== 200 || !comparePage.includes('<ins>')) fail(`the revision comparison answered ${compare.status} without marked changes`);
  console.log(`smoke (${dialect}): home, ${ref}, 404, newsroom sign-in, photo upload, revision comparison — ok`);
} catch (err) {
  fail(err.message);
} finally {
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) fail(`server exited with ${code} on SIGTERM`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}
