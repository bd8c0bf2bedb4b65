/**
 * Deleting photos from the library. A photo used anywhere (a story in any status, the
 * trash included, a story's unpublished working copy, an author profile) is refused with
 * MEDIA_IN_USE, naming where, so nobody's draft silently loses a block and a restored
 * story still has its photos. An unused photo's record goes, then its files, unless the
 * same image was uploaded again as another record (files are content-addressed).
 */
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { can, type User } from '../users/user.ts';
import { removeCropFiles } from './derived-image-service.ts';
import { VARIANT_FORMATS, variantFileName } from './media.ts';
import type { MediaFiles } from './media-files.ts';
import type { MediaService } from './media-service.ts';
import { isUnused, type MediaUsage } from './media-usage.ts';
import type { MediaUsageStore } from './media-usage-store.ts';

export interface MediaUsageDeps {
  store: MediaUsageStore;
  media: MediaService;
  changes: ChangeFeed;
  /** The library's files (local folder or S3). */
  files: MediaFiles;
  now: () => Date;
}

function ignoreStoreDown(err: unknown): void {
  if (!(err instanceof DomainError && err.code === 'MEDIA_STORAGE_UNAVAILABLE')) throw err;
}

export class MediaUsageService {
  constructor(private readonly deps: MediaUsageDeps) {}

  /** Where the photo is used. Errors: NOT_FOUND. */
  async usage(id: number): Promise<MediaUsage> {
    if (!(await this.deps.media.findById(id))) throw new DomainError('NOT_FOUND');
    return this.deps.store.usage(id);
  }

  /**
   * Deletes an unused photo and its files. Errors: FORBIDDEN (editors and admins only),
   * NOT_FOUND, MEDIA_IN_USE with `usedIn` (the usage) in the error's data.
   */
  async delete(user: User, id: number): Promise<void> {
    if (!can(user, 'media.delete')) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not media.delete`);
    const media = await this.deps.media.findById(id);
    if (!media) throw new DomainError('NOT_FOUND');
    const usage = await this.deps.store.deleteIfUnused(media, user.id, this.deps.now());
    if (!isUnused(usage)) throw new DomainError('MEDIA_IN_USE', 'id', `photo ${id} is in use`, { usedIn: usage });
    this.deps.changes.emit([contentTags.media(id)]);
    if (await this.deps.store.fileKeyInUse(media.fileKey)) return;
    // The record is gone already, so the delete has happened: a store that fails now (S3 down)
    // leaves files no record names, never served, rewritten if the same image comes again.
    await this.deps.files.remove(media.variantWidths.flatMap((w) => VARIANT_FORMATS.map((f) => variantFileName(media.fileKey, w, f)))).catch(ignoreStoreDown);
    // Its crops around the focal point go too (made on request from those variants).
    await removeCropFiles(this.deps.files, media.fileKey).catch(ignoreStoreDown);
  }
}
