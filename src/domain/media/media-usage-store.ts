/**
 * Finding where a photo is used, and deleting an unused one. Bodies and working copies
 * are JSON text the database does not interpret: a LIKE on the photo's id narrows them
 * down, and each candidate is parsed to confirm (`"mediaId":12` also matches 120). A scan
 * of every body costs some milliseconds on a large site; it runs only when someone asks
 * to delete a photo or where it is used.
 */
import type { Kysely, Transaction } from 'kysely';
import { parseRichTextJson, type RichText } from '../../richtext/rich-text.ts';
import type { Database } from '../../storage/schema.ts';
import { insertAuditEntry } from '../audit/audit-store.ts';
import type { Media } from './media.ts';
import type { MediaPlace, MediaStoryUse, MediaUsage } from './media-usage.ts';

type Db = Kysely<Database> | Transaction<Database>;

function bodyUses(body: unknown, mediaId: number): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const blocks = (body as Partial<RichText>).blocks;
  return Array.isArray(blocks) && blocks.some((b: unknown) => typeof b === 'object' && b !== null && (b as { type?: unknown; mediaId?: unknown }).type === 'image' && (b as { mediaId?: unknown }).mediaId === mediaId);
}

function parseBody(json: string): RichText | null {
  try {
    return parseRichTextJson(json);
  } catch {
    return null;
  }
}

async function findUsage(db: Db, mediaId: number): Promise<MediaUsage> {
  const inBody = `%"mediaId":${mediaId}%`;
  const [articles, copies, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'headline', 'status', 'trashed_at', 'hero_media_id', 'body'])
      .where((eb) => eb.or([eb('hero_media_id', '=', mediaId), eb('body', 'like', inBody)]))
      .execute(),
    db
      .selectFrom('article_working_copies as w')
      .innerJoin('articles as a', 'a.id', 'w.article_id')
      .select(['a.id', 'a.headline', 'a.status', 'a.trashed_at', 'w.snapshot'])
      .where((eb) => eb.or([eb('w.snapshot', 'like', `%"heroMediaId":${mediaId}%`), eb('w.snapshot', 'like', inBody)]))
      .execute(),
    db.selectFrom('authors').select(['id', 'name']).where('photo_media_id', '=', mediaId).orderBy('id').execute(),
  ]);
  const stories = new Map<number, { articleId: number; headline: string; status: MediaStoryUse['status']; trashed: boolean; places: MediaPlace[]; pendingPlaces: MediaPlace[] }>();
  const entry = (r: { id: number; headline: string; status: MediaStoryUse['status']; trashed_at: unknown }) => {
    let e = stories.get(r.id);
    if (!e) stories.set(r.id, (e = { articleId: r.id, headline: r.headline, status: r.status, trashed: r.trashed_at !== null, places: [], pendingPlaces: [] }));
    return e;
  };
  for (const r of articles) {
    const places: MediaPlace[] = [];
    if (r.hero_media_id === mediaId) places.push('hero');
    const body = parseBody(r.body);
    if (body && bodyUses(body, mediaId)) places.push('body');
    if (places.length > 0) entry(r).places.push(...places);
  }
  for (const r of copies) {
    let snapshot: { heroMediaId?: unknown; body?: unknown };
    try {
      snapshot = JSON.parse(r.snapshot) as typeof snapshot;
    } catch {
      continue;
    }
    const places: MediaPlace[] = [];
    if (snapshot.heroMediaId === mediaId) places.push('hero');
    if (bodyUses(snapshot.body, mediaId)) places.push('body');
    if (places.length > 0) entry(r).pendingPlaces.push(...places);
  }
  return {
    stories: [...stories.values()].sort((a, b) => b.articleId - a.articleId),
    authors: authors.map((a) => ({ authorId: a.id, name: a.name })),
  };
}

export class MediaUsageStore {
  constructor(private readonly db: Kysely<Database>) {}

  usage(mediaId: number): Promise<MediaUsage> {
    return findUsage(this.db, mediaId);
  }

  /**
   * Deletes the photo's record if nothing uses it, checked in the same transaction, and
   * records who did it. Returns the usage found: empty when it was deleted.
   */
  async deleteIfUnused(media: Media, userId: number, now: Date): Promise<MediaUsage> {
    return this.db.transaction().execute(async (trx) => {
      const usage = await findUsage(trx, media.id);
      if (usage.stories.length > 0 || usage.authors.length > 0) return usage;
      await trx.deleteFrom('media').where('id', '=', media.id).execute();
      await insertAuditEntry(trx, { at: now, userId, action: 'media.delete', subjectType: 'media', subjectId: media.id, detail: { caption: media.caption, fileKey: media.fileKey } });
      return usage;
    });
  }

  /** Whether any photo record still names these files (the same image uploaded twice shares them). */
  async fileKeyInUse(fileKey: string): Promise<boolean> {
    return (await this.db.selectFrom('media').select('id').where('file_key', '=', fileKey).limit(1).executeTakeFirst()) !== undefined;
  }
}
