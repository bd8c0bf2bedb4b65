/**
 * Where photo files live: the one interface every reader and writer of media files goes
 * through (uploads, derived images, deleting, serving, export, `samachar media migrate`).
 *
 * Two kinds: `LocalMediaFiles` (the embedded default: files in `DATA_DIR/media`, today's
 * behaviour) and `S3MediaFiles` (s3-media-files.ts: an S3-compatible bucket, so every
 * process on every machine sees the same library). Both make files in a local work folder
 * first (sharp and the image workers write files); `publish` then makes a file the stored
 * one. For the local kind the work folder is the library itself and `publish` does nothing;
 * for S3 it is a content-addressed cache of this machine's own encodes, never served from.
 *
 * Names are relative (`<key>-<width>.<ext>`, `crop/…`, `share/…`, `logo/…`) and checked by
 * `checkMediaName`, so no caller can name a path outside the library.
 * Errors: a store that does not answer throws DomainError MEDIA_STORAGE_UNAVAILABLE
 * (503 with Retry-After); a missing file is null/false, never an error.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../../errors.ts';

export interface MediaFileInfo {
  readonly name: string;
  readonly bytes: number;
}

export interface MediaFileBody {
  readonly stream: Readable;
  readonly bytes: number;
}

export interface MediaFiles {
  readonly kind: 'local' | 's3';
  /** The local folder files are made in before `publish` (local kind: the library itself). */
  readonly workDir: string;
  /** Size of a stored file, or null when it is not there. */
  head(name: string): Promise<MediaFileInfo | null>;
  /** The stored file's bytes as a stream, or null when it is not there. */
  open(name: string): Promise<MediaFileBody | null>;
  /** Makes the file made at `workPath(name)` the stored one, whole (a reader never sees half). */
  publish(name: string, contentType: string): Promise<void>;
  /** Ensures `workPath(name)` holds the stored file (a source for a crop); false when not stored. */
  fetch(name: string): Promise<boolean>;
  /** Deletes stored files (and this machine's work copies); absent ones are fine. */
  remove(names: readonly string[]): Promise<void>;
  /** Every stored file (whose name starts with `prefix`), for copying a library elsewhere. */
  list(options?: { prefix?: string }): AsyncIterable<MediaFileInfo>;
  /** Lets go of connections (S3); the local kind holds none. */
  close?(): void;
}

/** Names the library holds: a variant, or a derived image in its folder. Anything else is refused. */
const NAME = /^(?:(?:crop|share|logo|demo-cache)\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function checkMediaName(name: string): string {
  if (!NAME.test(name) || name.includes('..')) throw new DomainError('INVALID_INPUT', 'file', `bad media name ${JSON.stringify(name)}`);
  return name;
}

export function workPath(files: Pick<MediaFiles, 'workDir'>, name: string): string {
  return path.join(files.workDir, checkMediaName(name));
}

/** Files ending in `.tmp` are half-written work files (image-encode.ts renames them into place). */
const isWorkFile = (name: string) => name.endsWith('.tmp');

/** The library in a local folder (DATA_DIR/media): the default, and every test's unless told. */
export class LocalMediaFiles implements MediaFiles {
  readonly kind = 'local' as const;
  constructor(readonly workDir: string) {}

  async head(name: string): Promise<MediaFileInfo | null> {
    const stat = await fs.stat(workPath(this, name)).catch(() => null);
    return stat?.isFile() ? { name, bytes: stat.size } : null;
  }

  async open(name: string): Promise<MediaFileBody | null> {
    const info = await this.head(name);
    return info ? { stream: createReadStream(workPath(this, name)), bytes: info.bytes } : null;
  }

  async publish(): Promise<void> {
    // Made in place already.
  }

  async fetch(name: string): Promise<boolean> {
    return (await this.head(name)) !== null;
  }

  async remove(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((n) => fs.rm(workPath(this, n), { force: true })));
  }

  async *list(options: { prefix?: string } = {}): AsyncIterable<MediaFileInfo> {
    const prefix = options.prefix ?? '';
    for (const dir of ['', 'crop', 'share', 'logo']) {
      const entries = await fs.readdir(path.join(this.workDir, dir), { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (!e.isFile() || isWorkFile(e.name)) continue;
        const name = dir ? `${dir}/${e.name}` : e.name;
        if (!NAME.test(name) || !name.startsWith(prefix)) continue;
        const info = await this.head(name);
        if (info) yield info;
      }
    }
  }
}
