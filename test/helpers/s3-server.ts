/**
 * A local S3-compatible server for tests (s3rver, in this process, on a random port, over a
 * temporary folder), so the media suite runs against object storage with no network.
 *
 * TEST_MEDIA_STORAGE=s3 makes openTestServices (databases.ts) put every test's photo library
 * in it, each under a prefix of its own: `TEST_MEDIA_STORAGE=s3 npm run test:only src/domain/media …`
 * runs the whole media suite on S3, as TEST_DIALECTS does for databases.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { MediaStorageConfig } from '../../src/config.ts';

export const TEST_BUCKET = 'samachar-test';

export interface TestS3 {
  readonly endpoint: string;
  readonly dir: string;
  /** Storage settings for a library under a fresh prefix of its own. */
  storage(prefix?: string): Extract<MediaStorageConfig, { kind: 's3' }>;
  /** The same as environment variables, for a server process. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(options: { unref?: boolean } = {}): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: TEST_BUCKET, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  // A shared server must not keep a finished test process alive.
  if (options.unref) (server as unknown as { httpServer: { unref(): void } }).httpServer.unref();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const fresh = () => `t-${process.pid}-${randomBytes(4).toString('hex')}/`;
  return {
    endpoint,
    dir,
    storage: (prefix = fresh()) => ({ kind: 's3', bucket: TEST_BUCKET, region: 'us-east-1', endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, prefix }),
    env: (prefix = fresh()) => ({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: TEST_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: '1',
      S3_PREFIX: prefix,
    }),
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<TestS3> | null = null;

/** One server for the whole test process, removed when it exits. */
export function sharedS3(): Promise<TestS3> {
  shared ??= startS3({ unref: true }).then((s3) => {
    process.once('exit', () => fs.rmSync(s3.dir, { recursive: true, force: true }));
    return s3;
  });
  return shared;
}

/** The media storage the suite runs on: `local` (default) or `s3` (TEST_MEDIA_STORAGE). */
export const TEST_MEDIA_STORAGE: 'local' | 's3' = (() => {
  const v = process.env.TEST_MEDIA_STORAGE ?? 'local';
  if (v !== 'local' && v !== 's3') throw new Error(`TEST_MEDIA_STORAGE: unknown storage "${v}" (use local, s3)`);
  return v;
})();
