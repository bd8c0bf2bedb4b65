/**
 * `samachar media migrate --to s3 [--max-files N]`: copies the local photo library
 * (DATA_DIR/media) into the bucket the S3_* settings name, with a progress bar, skipping
 * what an earlier run copied (run it again after an interruption), verifying each file's
 * size, then prints what to set. The site keeps serving from the local folder meanwhile;
 * run it once more right before switching, for photos uploaded during the first run.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { copyMediaLibrary, MediaMigrationError } from '../domain/media/media-migration.ts';
import { LocalMediaFiles } from '../domain/media/media-files.ts';
import { S3MediaFiles } from '../domain/media/s3-media-files.ts';
import { DomainError } from '../errors.ts';
import { progressBar } from './progress-bar.ts';

export const MEDIA_USAGE = `Usage: samachar media migrate --to s3 [--max-files N]
  copies every photo file from DATA_DIR/media to the bucket named by S3_BUCKET (with
  S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE,
  S3_PREFIX); files already there at the same size are skipped, so an interrupted run
  continues when run again. --max-files N copies at most N files this run.`;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function mediaCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { to: { type: 'string' }, 'max-files': { type: 'string' } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${MEDIA_USAGE}`);
    return 2;
  }
  if (sub !== 'migrate' || values.to !== 's3') {
    console.error(MEDIA_USAGE);
    return 2;
  }
  const maxText = values['max-files'];
  if (maxText !== undefined && !/^[0-9]{1,9}$/.test(maxText)) {
    console.error(`--max-files must be a whole number\n${MEDIA_USAGE}`);
    return 2;
  }
  if (!config.s3Bucket) {
    console.error('Set S3_BUCKET (and S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY as your store needs) to say where to copy the photos.');
    return 2;
  }
  if (config.mediaStorage.kind === 's3') {
    console.error('MEDIA_STORAGE is s3 already: this command copies the local folder (DATA_DIR/media) into the bucket; run it with MEDIA_STORAGE=local (or unset).');
    return 2;
  }
  const source = new LocalMediaFiles(config.mediaDir);
  const target = new S3MediaFiles(config.s3Bucket, config.mediaDir);
  const bar = progressBar('Copying photo files');
  try {
    const report = await copyMediaLibrary(source, target, { onProgress: bar.update, ...(maxText !== undefined ? { maxFiles: Number(maxText) } : {}) });
    bar.done();
    console.log(`${report.total} files: ${report.copied} copied (${megabytes(report.bytesCopied)}), ${report.skipped} already in the bucket${report.remaining ? `, ${report.remaining} left for the next run` : ''}.`);
    if (report.remaining > 0) {
      console.log('Run the same command again to copy the rest.');
      return 0;
    }
    const s = config.s3Bucket;
    console.log(
      [
        'Every file is in the bucket, sizes checked. To serve photos from it, set on every Samachar process and restart:',
        '  MEDIA_STORAGE=s3',
        `  S3_BUCKET=${s.bucket}`,
        `  S3_REGION=${s.region}`,
        ...(s.endpoint ? [`  S3_ENDPOINT=${s.endpoint}`] : []),
        ...(s.forcePathStyle ? ['  S3_FORCE_PATH_STYLE=1'] : []),
        ...(s.prefix ? [`  S3_PREFIX=${s.prefix}`] : []),
        ...(s.accessKeyId ? ['  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY as now'] : []),
        'Run this command once more just before the switch: it copies only photos uploaded meanwhile.',
      ].join('\n'),
    );
    return 0;
  } catch (err) {
    bar.done();
    if (err instanceof DomainError && err.code === 'MEDIA_STORAGE_UNAVAILABLE') {
      console.error(`The bucket cannot be used: ${err.message}. Nothing is lost; run the command again once it answers.`);
      return 1;
    }
    if (err instanceof MediaMigrationError) {
      console.error(`Copy not verified: ${err.message}. Run the command again.`);
      return 1;
    }
    throw err;
  } finally {
    target.close();
  }
}
