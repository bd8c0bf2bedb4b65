/**
 * Copies a photo library from one store to another (`samachar media migrate --to s3`):
 * every file, originals' variants and derived images alike, skipping those the target
 * already holds at the same size, so a run that was stopped (killed, a lost connection,
 * `--max-files`) continues where it ended when run again. Every copied file's size is
 * read back from the target and compared; a mismatch stops the run with its name.
 * The source is only read, so the site keeps running on it meanwhile.
 */
import { contentTypeOf } from './media.ts';
import { type MediaFileInfo, type MediaFiles, workPath } from './media-files.ts';
import type { S3MediaFiles } from './s3-media-files.ts';

export interface MigrationReport {
  /** Files in the source. */
  total: number;
  copied: number;
  /** Already in the target at the same size (an earlier run). */
  skipped: number;
  bytesCopied: number;
  /** Files left for a later run (`maxFiles` reached); 0 when the library is complete. */
  remaining: number;
}

export class MediaMigrationError extends Error {
  override name = 'MediaMigrationError';
}

export async function copyMediaLibrary(
  source: MediaFiles,
  target: S3MediaFiles,
  options: { onProgress?: (done: number, total: number) => void; maxFiles?: number } = {},
): Promise<MigrationReport> {
  const files: MediaFileInfo[] = [];
  for await (const f of source.list()) files.push(f);
  // One listing of the target instead of a request per file: what an earlier run copied.
  const present = new Map<string, number>();
  for await (const f of target.list()) present.set(f.name, f.bytes);
  const report: MigrationReport = { total: files.length, copied: 0, skipped: 0, bytesCopied: 0, remaining: 0 };
  let done = 0;
  options.onProgress?.(0, files.length);
  for (const f of files) {
    if (present.get(f.name) === f.bytes) {
      report.skipped++;
    } else if (options.maxFiles !== undefined && report.copied >= options.maxFiles) {
      report.remaining++;
    } else {
      await target.put(f.name, workPath(source, f.name), contentTypeOf(f.name));
      const stored = await target.head(f.name);
      if (stored?.bytes !== f.bytes) throw new MediaMigrationError(`${f.name}: ${f.bytes} bytes here but ${stored?.bytes ?? 'none'} in the bucket after copying`);
      report.copied++;
      report.bytesCopied += f.bytes;
    }
    options.onProgress?.(++done, files.length);
  }
  return report;
}
