/**
 * Trash queries: moving a story into and out of the trash, deleting it for good (with a
 * tombstone), and the lists the Trash screen and the trash job read. Each change is one
 * transaction that also brings the search index in step and writes the audit entry, and
 * applies only to the state it expects (checked in the UPDATE or DELETE itself), so two
 * editors, or two processes running the trash job, cannot both apply one.
 */
import type { Kysely, Transaction } from 'kysely';
import { readCount, readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import { syncArticleIndex } from '../../search/search-index-store.ts';
import type { AuditAction } from '../audit/audit.ts';
import { insertAuditEntry } from '../audit/audit-store.ts';
import type { ArticleStatus } from './article.ts';
import { type GoneReason, TRASH_KEEP_MS, type TrashFacts, type TrashRow } from './article-trash.ts';

type Db = Kysely<Database> | Transaction<Database>;

async function loadFacts(db: Db, id: number): Promise<TrashFacts | null> {
  const row = await db.selectFrom('articles').select(['id', 'headline', 'status', 'created_by', 'section_id', 'trashed_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [tags, authors] = await Promise.all([
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).execute(),
  ]);
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    createdBy: row.created_by,
    sectionId: row.section_id,
    tagIds: tags.map((t) => t.tag_id),
    authorIds: authors.map((a) => a.author_id),
    trashedAt: readOptionalTime(row.trashed_at),
  };
}

async function insertEvent(trx: Transaction<Database>, articleId: number, userId: number | null, action: string, from: ArticleStatus | null, to: ArticleStatus | null, at: Date) {
  await trx.insertInto('article_events').values({ article_id: articleId, user_id: userId, action, from_status: from, to_status: to, at: writeTime(at), note: '' }).execute();
}

export class ArticleTrashStore {
  constructor(private readonly db: Kysely<Database>) {}

  facts(id: number): Promise<TrashFacts | null> {
    return loadFacts(this.db, id);
  }

  /**
   * Moves a story to the trash if it is still in `expected` status and not trashed: it
   * becomes a draft (so no list, feed, search, schedule or pin can show it), leaves the
   * home page's pins, and leaves the search index. Returns false when it changed meanwhile.
   */
  async trash(facts: TrashFacts, userId: number, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set({
          trashed_at: writeTime(now),
          trashed_by: userId,
          status: 'draft',
          // A scheduled time would otherwise come back with the restored draft.
          ...(facts.status === 'scheduled' ? { published_at: null } : {}),
          home_position: null,
        })
        .where('id', '=', facts.id)
        .where('status', '=', facts.status)
        .where('trashed_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, facts.id, userId, 'trashed', facts.status, 'draft', now);
      await syncArticleIndex(trx, facts.id);
      await insertAuditEntry(trx, { at: now, userId, action: 'article.trash', subjectType: 'article', subjectId: facts.id, detail: { headline: facts.headline, status: facts.status } });
      return true;
    });
  }

  /** Takes a story out of the trash as a draft. Returns false when it was not in the trash. */
  async restore(facts: TrashFacts, userId: number, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set({ trashed_at: null, trashed_by: null, status: 'draft' })
        .where('id', '=', facts.id)
        .where('trashed_at', 'is not', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, facts.id, userId, 'restored-from-trash', facts.status, 'draft', now);
      await insertAuditEntry(trx, { at: now, userId, action: 'article.restore', subjectType: 'article', subjectId: facts.id, detail: { headline: facts.headline, status: facts.status } });
      return true;
    });
  }

  /**
   * Deletes a story for good, leaving a tombstone (its address answers 410). Its tags,
   * bylines, comments, revisions, working copy and preview links go with it; its photos
   * stay in the library. With `trashedBefore`, only if it has been in the trash since
   * before then (the trash job). Returns false when there was nothing to delete.
   */
  async deleteForever(facts: TrashFacts, userId: number | null, now: Date, action: Extract<AuditAction, 'article.delete' | 'article.purge'>, trashedBefore?: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // Claim the row first: on PostgreSQL this UPDATE waits for a concurrent delete of the
      // same story and then finds nothing, so only one transaction goes on.
      let claim = trx.updateTable('articles').set({ status: 'draft' }).where('id', '=', facts.id);
      if (trashedBefore) claim = claim.where('trashed_at', '<', writeTime(trashedBefore));
      const claimed = await claim.executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      // Out of the search index before the row goes: the index's own rows would follow by
      // cascade, but not the SQLite full-text table or the lexicon's counts.
      await syncArticleIndex(trx, facts.id);
      await trx.deleteFrom('articles').where('id', '=', facts.id).execute();
      await trx
        .insertInto('article_tombstones')
        .values({ article_id: facts.id, headline: facts.headline, deleted_at: writeTime(now), deleted_by: userId })
        .onConflict((oc) => oc.column('article_id').doNothing())
        .execute();
      await insertAuditEntry(trx, { at: now, userId, action, subjectType: 'article', subjectId: facts.id, detail: { headline: facts.headline, status: facts.status } });
      return true;
    });
  }

  /** Why the story's address answers 410, or null when it does not (it exists and is not in the trash, or never existed). */
  async gone(id: number): Promise<GoneReason | null> {
    const row = await this.db.selectFrom('articles').select('trashed_at').where('id', '=', id).executeTakeFirst();
    if (row) return row.trashed_at === null ? null : 'trashed';
    const tomb = await this.db.selectFrom('article_tombstones').select('article_id').where('article_id', '=', id).executeTakeFirst();
    return tomb ? 'deleted' : null;
  }

  /** Stories in the trash, most recently trashed first; with `createdBy`, only that account's. */
  async list(filter: { createdBy?: number }, limit: number, offset: number): Promise<{ items: TrashRow[]; total: number }> {
    let q = this.db.selectFrom('articles as a').where('a.trashed_at', 'is not', null);
    if (filter.createdBy !== undefined) q = q.where('a.created_by', '=', filter.createdBy);
    const [rows, count] = await Promise.all([
      q
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .leftJoin('users as u', 'u.id', 'a.trashed_by')
        .select(['a.id', 'a.headline', 's.name as section_name', 'a.trashed_at', 'a.trashed_by', 'u.name as trashed_by_name', 'a.created_by'])
        .orderBy('a.trashed_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    // The status each had before: from its latest 'trashed' event.
    const previous = new Map<number, ArticleStatus | null>();
    if (rows.length > 0) {
      const events = await this.db
        .selectFrom('article_events')
        .select(['article_id', 'from_status'])
        .where('action', '=', 'trashed')
        .where('article_id', 'in', rows.map((r) => r.id))
        .orderBy('id', 'desc')
        .execute();
      for (const e of events) if (!previous.has(e.article_id)) previous.set(e.article_id, e.from_status);
    }
    return {
      items: rows.map((r) => {
        const trashedAt = readTime(r.trashed_at!);
        return {
          id: r.id,
          headline: r.headline,
          sectionName: r.section_name,
          previousStatus: previous.get(r.id) ?? null,
          trashedAt,
          trashedBy: r.trashed_by !== null && r.trashed_by_name !== null ? { id: r.trashed_by, name: r.trashed_by_name } : null,
          createdBy: r.created_by,
          purgeAt: new Date(trashedAt.getTime() + TRASH_KEEP_MS),
        };
      }),
      total: readCount(count?.n),
    };
  }

  /** Ids of stories trashed before `cutoff`, oldest first (the trash job's work). */
  async expired(cutoff: Date, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('trashed_at', 'is not', null)
      .where('trashed_at', '<', writeTime(cutoff))
      .orderBy('trashed_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
