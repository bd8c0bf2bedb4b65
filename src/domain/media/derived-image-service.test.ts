/**
 * Derived images on the request side: a missing file is made once however many ask for it
 * at the same moment, then read from disk; a full worker queue is refused at once (BUSY:
 * 503 with Retry-After), leaving nothing behind, and the next request tries again.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DomainError } from '../../errors.ts';
import { DerivedImageService, type ImageDeriver } from './derived-image-service.ts';
import type { DeriveJob } from './derived-images.ts';
import { LocalMediaFiles } from './media-files.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samachar-derived-service-'));
after(() => fs.rm(dir, { recursive: true, force: true }));

/** Writes a few bytes where the job says, after a pause; or refuses like a full pool. */
class FakeDeriver implements ImageDeriver {
  jobs: DeriveJob[] = [];
  busy = false;
  async derive(job: DeriveJob): Promise<{ bytes: number }> {
    if (this.busy) throw new DomainError('BUSY', undefined, 'full', { retryAfterSeconds: 10 });
    this.jobs.push(job);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await fs.mkdir(path.dirname(job.out), { recursive: true });
    await fs.writeFile(job.out, 'PNG!');
    return { bytes: 4 };
  }
}

async function read(file: { stream: NodeJS.ReadableStream }): Promise<string> {
  let out = '';
  for await (const chunk of file.stream) out += String(chunk);
  return out;
}

describe('DerivedImageService', () => {
  it('makes a missing file once for many simultaneous requests, then serves it from disk', async () => {
    const deriver = new FakeDeriver();
    const service = new DerivedImageService({ files: new LocalMediaFiles(dir), deriver });
    const card = { headline: 'पुतिन', siteName: 'समाचार' };
    const files = await Promise.all(Array.from({ length: 8 }, () => service.shareCard(card)));
    assert.equal(deriver.jobs.length, 1);
    assert.equal(deriver.jobs[0]!.kind, 'share-card');
    for (const f of files) assert.equal(await read(f), 'PNG!');
    await service.shareCard(card);
    assert.equal(deriver.jobs.length, 1, 'the second time comes from disk');
  });

  it('a full queue refuses with BUSY and its Retry-After; the next request makes the file', async () => {
    const deriver = new FakeDeriver();
    const service = new DerivedImageService({ files: new LocalMediaFiles(dir), deriver });
    deriver.busy = true;
    await assert.rejects(service.logo('नया नाम'), (err: unknown) => err instanceof DomainError && err.code === 'BUSY' && err.data?.retryAfterSeconds === 10);
    await assert.rejects(fs.readdir(path.join(dir, 'logo')).then((n) => (n.length ? Promise.resolve() : Promise.reject(new Error('empty')))));
    deriver.busy = false;
    assert.equal(await read(await service.logo('नया नाम')), 'PNG!');
    assert.equal(deriver.jobs.length, 1);
  });
});
