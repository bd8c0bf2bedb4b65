/**
 * Picks the photo library's storage from Config (MEDIA_STORAGE): the local folder, or an
 * S3-compatible bucket with Config.mediaDir as this machine's work folder. Wired once in
 * src/services.ts; the CLI's `samachar media migrate` builds the S3 kind itself.
 */
import type { Config } from '../../config.ts';
import { LocalMediaFiles, type MediaFiles } from './media-files.ts';
import { S3MediaFiles } from './s3-media-files.ts';

export type { MediaFiles } from './media-files.ts';

export function createMediaFiles(config: Pick<Config, 'mediaStorage' | 'mediaDir'>): MediaFiles {
  const s = config.mediaStorage;
  if (s.kind === 'local') return new LocalMediaFiles(config.mediaDir);
  return new S3MediaFiles(s, config.mediaDir);
}
