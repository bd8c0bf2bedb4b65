/**
 * The photo library in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2,
 * DigitalOcean Spaces…) through the AWS SDK v3 client, so a photo uploaded through one
 * machine is served by every other (MEDIA_STORAGE=s3; docs/decisions/032).
 *
 * Guarantees: a file is stored with one PUT of its whole bytes, so a reader never sees half
 * of one. Checksums are only sent where the API requires them (`WHEN_REQUIRED`): newer SDKs
 * otherwise send CRC trailers in aws-chunked bodies, which many S3-compatible servers refuse.
 * A store that does not answer in time, a missing bucket, refused credentials: all become
 * DomainError MEDIA_STORAGE_UNAVAILABLE (503 with Retry-After), never a crash; the detail
 * (for the log) says which. A missing object is null, not an error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { DomainError } from '../../errors.ts';
import { checkMediaName, type MediaFileBody, type MediaFileInfo, type MediaFiles, workPath } from './media-files.ts';

export interface S3Options {
  readonly bucket: string;
  readonly region: string;
  /** For a store other than AWS (http(s)://host:port); unset: AWS's own for the region. */
  readonly endpoint?: string;
  /** Unset: the SDK's usual chain (environment, shared files, instance role). */
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (MinIO, s3rver). */
  readonly forcePathStyle: boolean;
  /** Put before every key (e.g. `media/`), to share a bucket. */
  readonly prefix: string;
}

/** How long a request may take before the store counts as down (uploads of a few MB included). */
const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 20_000;
/** What a reader or editor is told to wait when the store does not answer. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

type Sdk = typeof S3Sdk;
let sdkModule: Promise<Sdk> | null = null;
/** The SDK is loaded on first use (about a second of start-up otherwise, for every site on local disk too). */
function loadSdk(): Promise<Sdk> {
  sdkModule ??= import('@aws-sdk/client-s3');
  return sdkModule;
}

function createS3Client(sdk: Sdk, o: S3Options): S3Sdk.S3Client {
  return new sdk.S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle,
    ...(o.accessKeyId && o.secretAccessKey ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    // Without throwOnRequestTimeout the SDK only warns and the request waits on.
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || (statusOf(err) === 404 && name !== 'NoSuchBucket');
}

/** The store is down or misconfigured: 503 with Retry-After, the cause in the log. */
export function storageUnavailable(err: unknown, what: string): DomainError {
  const e = err as { name?: string; code?: string; message?: string } | null;
  const cause = e?.name === 'NoSuchBucket' ? 'the bucket does not exist' : `${e?.name ?? 'error'}${e?.code ? ` ${e.code}` : ''}: ${e?.message ?? String(err)}`;
  return new DomainError('MEDIA_STORAGE_UNAVAILABLE', undefined, `media storage (S3) ${what}: ${cause}`, { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS });
}

export class S3MediaFiles implements MediaFiles {
  readonly kind = 's3' as const;
  private connection: Promise<{ sdk: Sdk; client: S3Sdk.S3Client }> | null = null;

  constructor(
    private readonly options: S3Options,
    /** This machine's folder for encodes before upload (a cache; may be emptied at any time). */
    readonly workDir: string,
  ) {}

  private s3(): Promise<{ sdk: Sdk; client: S3Sdk.S3Client }> {
    this.connection ??= loadSdk().then((sdk) => ({ sdk, client: createS3Client(sdk, this.options) }));
    return this.connection;
  }

  close(): void {
    void this.connection?.then((c) => c.client.destroy());
  }

  private key(name: string): string {
    return this.options.prefix + checkMediaName(name);
  }

  async head(name: string): Promise<MediaFileInfo | null> {
    const { sdk, client } = await this.s3();
    try {
      const out = await client.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(name) }));
      return { name, bytes: out.ContentLength ?? 0 };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // A HEAD answer has no body to say whether the object or the bucket is missing: ask.
      if (isMissing(err)) return (await this.bucketExists()) ? null : Promise.reject(storageUnavailable({ name: 'NoSuchBucket' }, `reading ${name}`));
      throw storageUnavailable(err, `reading ${name}`);
    }
  }

  private async bucketExists(): Promise<boolean> {
    const { sdk, client } = await this.s3();
    try {
      await client.send(new sdk.HeadBucketCommand({ Bucket: this.options.bucket }));
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw storageUnavailable(err, 'checking the bucket');
    }
  }

  async open(name: string): Promise<MediaFileBody | null> {
    const { sdk, client } = await this.s3();
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(name) }));
      if (!(out.Body instanceof Readable)) throw new Error('GetObject gave no stream');
      return { stream: out.Body, bytes: out.ContentLength ?? 0 };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if (isMissing(err)) return null;
      throw storageUnavailable(err, `reading ${name}`);
    }
  }

  /** Stores a local file under `name` (publish, and `samachar media migrate`). */
  async put(name: string, file: string, contentType: string): Promise<void> {
    const key = this.key(name);
    const body = await fs.readFile(file);
    const { sdk, client } = await this.s3();
    try {
      await client.send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: body, ContentLength: body.length, ContentType: contentType }));
    } catch (err) {
      throw storageUnavailable(err, `writing ${name}`);
    }
  }

  publish(name: string, contentType: string): Promise<void> {
    return this.put(name, workPath(this, name), contentType);
  }

  async fetch(name: string): Promise<boolean> {
    const target = workPath(this, name);
    if (await fs.stat(target).catch(() => null)) return true;
    const body = await this.open(name);
    if (!body) return false;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}-${Date.now()}.tmp`;
    try {
      await fs.writeFile(tmp, body.stream);
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err instanceof DomainError ? err : storageUnavailable(err, `reading ${name}`);
    }
    return true;
  }

  async remove(names: readonly string[]): Promise<void> {
    // One DELETE each: DeleteObjects needs a checksum header some S3-compatible servers refuse.
    const { sdk, client } = await this.s3();
    names.forEach((n) => this.key(n));
    for (const name of names) {
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(name) }));
      } catch (err) {
        if (!isMissing(err)) throw storageUnavailable(err, `deleting ${name}`);
      }
      await fs.rm(workPath(this, name), { force: true });
    }
  }

  async *list(options: { prefix?: string } = {}): AsyncIterable<MediaFileInfo> {
    const { sdk, client } = await this.s3();
    let token: string | undefined;
    do {
      let out;
      try {
        out = await client.send(new sdk.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.options.prefix + (options.prefix ?? ''), ...(token ? { ContinuationToken: token } : {}) }));
      } catch (err) {
        throw storageUnavailable(err, 'listing');
      }
      for (const o of out.Contents ?? []) {
        if (o.Key) yield { name: o.Key.slice(this.options.prefix.length), bytes: o.Size ?? 0 };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
