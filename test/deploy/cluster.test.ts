/**
 * The deployment of deploy/: nginx (Debian's, unprivileged, with the shipped proxy settings)
 * in front of three Samachar processes on one PostgreSQL database with Redis. A story
 * published and then edited through one process is on every process, and through nginx,
 * within a second of its acknowledgement; readers through nginx see no failed request
 * while a process is restarted. The shipped site configuration passes `nginx -t`.
 * The full measurement (many changes, every process restarted in turn, throughput) is
 * `npm run bench:cluster`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Cluster, DEPLOY_DIR, NGINX, nginxTest, startCluster } from '../../deploy/cluster.ts';
import { newsroomKey, readLoop, type Target, watchChange, Writer } from '../../deploy/cluster-writer.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('nginx in front of three Samachar processes', () => {
  let cluster: Cluster | undefined;
  const dirs: string[] = [];

  before(async () => {
    // An empty site (no demo: its photos take longest to load); the writer makes a section.
    cluster = await startCluster({ runtime: 'tsx', demo: false, redisUrl: REDIS_URL });
  });

  after(async () => {
    await cluster?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the shipped site configuration (TLS, redirects, upstream, proxy settings) passes nginx -t', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-nginx-t-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'logs'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=news.example.in', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    // The site file as a newsroom installs it, with its /etc paths pointed at this folder.
    const site = fs
      .readFileSync(path.join(DEPLOY_DIR, 'nginx/samachar.conf'), 'utf8')
      .replaceAll('/etc/nginx/snippets/', `${DEPLOY_DIR}/nginx/`)
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${dir}/cert.pem;`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${dir}/key.pem;`)
      .replace(/listen (\[::\]:)?(80|443)/g, (_m, v6: string | undefined, port: string) => `listen ${v6 ?? '127.0.0.1:'}${port === '80' ? 18080 : 18443}`);
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};\n  access_log off;\n  include ${dir}/site.conf;\n}\n`);
    assert.equal(nginxTest(dir, conf), null);
    // And nginx -t does refuse a broken one (the check above can fail).
    fs.writeFileSync(path.join(dir, 'site.conf'), site.replace('ssl_session_timeout 1d;', 'ssl_session_timeout;'));
    assert.match(nginxTest(dir, conf) ?? '', /invalid number of arguments in "ssl_session_timeout"/);
    assert.ok(fs.existsSync(NGINX));
  });

  test('a publish and an edit are on every process, and through nginx, within a second', async () => {
    assert.ok(cluster);
    const auth = await newsroomKey(cluster.databaseUrl, REDIS_URL);
    const writer = new Writer(cluster.processes[0]!.origin, auth);
    const targets: Target[] = [...cluster.processes.map((p) => ({ name: `process ${p.index + 1}`, origin: p.origin })), { name: 'nginx', origin: cluster.origin }];
    const run = Date.now().toString(36);

    const first = await watchChange(targets, `/${auth.sectionSlug}`, `नई खबर ${run}`, () => writer.publishNew(`नई खबर ${run}`));
    for (const [name, ms] of first.delays) assert.ok(ms !== null && ms <= 1000, `${name} showed the new story after ${ms} ms (null: not within 5 s)`);

    const story = first.result;
    const edited = await watchChange(targets, story.path, `बदला शीर्षक ${run}`, () => writer.editHeadline(story.id, `बदला शीर्षक ${run}`));
    for (const [name, ms] of edited.delays) assert.ok(ms !== null && ms <= 1000, `${name} showed the edit after ${ms} ms (null: not within 5 s)`);
  });

  test('no reader through nginx sees a failure while a process restarts, and the restarted one gets changes', async () => {
    assert.ok(cluster);
    const auth = await newsroomKey(cluster.databaseUrl, REDIS_URL);
    const story = await new Writer(cluster.processes[0]!.origin, auth).publishNew(`पुनरारंभ ${Date.now().toString(36)}`);
    const readers = readLoop(cluster.origin, ['/', `/${auth.sectionSlug}`, story.path], 4);
    let result;
    try {
      // Wait until readers are under way (a condition, not a sleep), then restart process 2.
      while (readers.requests() < 20) await new Promise((r) => setTimeout(r, 10));
      await cluster.restart(1);
    } finally {
      result = await readers.stop();
    }
    assert.ok(result.requests > 0, 'the readers made requests');
    assert.deepEqual(result.failures, [], `${result.failures.length} of ${result.requests} requests failed`);

    // The restarted process subscribed again: an edit made through another shows on it.
    const writer = new Writer(cluster.processes[2]!.origin, auth);
    const token = `फिर से ${Date.now().toString(36)}`;
    const { delays } = await watchChange([{ name: 'process 2', origin: cluster.processes[1]!.origin }], story.path, token, () => writer.editHeadline(story.id, token));
    const ms = delays.get('process 2');
    assert.ok(ms !== null && ms !== undefined && ms <= 1000, `the restarted process showed the edit after ${ms} ms`);
  });
});
