/**
 * MEDIA_STORAGE and the S3_* settings: read once in config.ts, each mistake a one-line error
 * naming its variable; the storage kind services are wired with follows them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';
import { createMediaFiles } from './media-storage.ts';

const s3 = { MEDIA_STORAGE: 's3', S3_BUCKET: 'news-photos' };

describe('media storage settings', () => {
  test('local by default; s3 with a bucket, its options and a CDN address', () => {
    const local = loadConfig({});
    assert.deepEqual(local.mediaStorage, { kind: 'local' });
    assert.equal(local.mediaPublicUrl, null);
    assert.equal(createMediaFiles(local).kind, 'local');
    const c = loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: '1', S3_PREFIX: 'media/', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', MEDIA_PUBLIC_URL: 'https://cdn.example.net/photos' });
    assert.deepEqual(c.mediaStorage, { kind: 's3', bucket: 'news-photos', region: 'us-east-1', endpoint: 'http://minio:9000', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true, prefix: 'media/' });
    assert.equal(c.mediaPublicUrl, 'https://cdn.example.net/photos');
    const files = createMediaFiles(c);
    assert.equal(files.kind, 's3');
    files.close?.();
    assert.equal(loadConfig({ S3_BUCKET: 'news-photos' }).s3Bucket?.bucket, 'news-photos', 'read for media migrate before the switch');
  });

  test('each mistake is one line naming its variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ MEDIA_STORAGE: 'ftp' }, /MEDIA_STORAGE: MEDIA_STORAGE must be local or s3/],
      [{ MEDIA_STORAGE: 's3' }, /S3_BUCKET: required when MEDIA_STORAGE=s3/],
      [{ ...s3, S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET: S3_BUCKET must be a bucket name/],
      [{ ...s3, S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT:/],
      [{ ...s3, S3_ENDPOINT: 'ftp://minio' }, /S3_ENDPOINT: S3_ENDPOINT must be an http\(s\) URL/],
      [{ ...s3, S3_ACCESS_KEY_ID: 'k' }, /S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/],
      [{ ...s3, S3_PREFIX: '../x' }, /S3_PREFIX: S3_PREFIX must be folder names/],
      [{ ...s3, S3_FORCE_PATH_STYLE: 'maybe' }, /S3_FORCE_PATH_STYLE:/],
      [{ ...s3, MEDIA_PUBLIC_URL: 'https://cdn.example.net/' }, /MEDIA_PUBLIC_URL: MEDIA_PUBLIC_URL must be an http\(s\) URL without a trailing slash/],
      [{ MEDIA_PUBLIC_URL: 'https://cdn.example.net' }, /MEDIA_PUBLIC_URL: only with MEDIA_STORAGE=s3/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && message.test(e.message) && !/\n\s+at /.test(e.message),
        JSON.stringify(env),
      );
    }
  });
});
