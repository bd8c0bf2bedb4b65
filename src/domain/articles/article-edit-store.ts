/**
 * Newsroom-side article queries: the editable form of an article, saves that keep a
 * revision in the same transaction, status changes that only apply to the status they
 * expect (so two editors, or two processes, cannot both apply one), and the history.
 * Every save and status change brings the search index in step in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { parseRichTextJson } from '../../richtext/rich-text.ts';
import { readCount, readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import { syncArticleIndex, syncArticlesIndex } from '../../search/search-index-store.ts';
import type { ArticleStatus, EditableArticle } from './article.ts';
import type { ArticleEvent, ArticleSnapshot, DeskRow, RevisionInfo } from './article-history.ts';

export interface SaveFields {
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  tagIds: number[];
  authorIds: number[];
  heroMediaId: number | null;
  bodyJson: string;
  seoTitle: string;
  seoDescription: string;
  correctionNote: string;
  updatedAt: Date;
}

export class ArticleEditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findEditable(id: number): Promise<EditableArticle | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [tags, authors, rev] = await Promise.all([
      this.db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.name').where('at.article_id', '=', id).orderBy('at.position').execute(),
      this.db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute(),
      this.db.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirst(),
    ]);
    return {
      id: row.id,
      status: row.status,
      headline: row.headline,
      dek: row.dek,
      slug: row.slug,
      sectionId: row.section_id,
      tagNames: tags.map((t) => t.name),
      authorIds: authors.map((a) => a.author_id),
      heroMediaId: row.hero_media_id,
      body: parseRichTextJson(row.body),
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      correctionNote: row.correction_note,
      publishedAt: readOptionalTime(row.published_at)?.toISOString() ?? null,
      updatedAt: readTime(row.updated_at).toISOString(),
      createdBy: row.created_by,
      revision: readCount(rev?.n ?? 0),
    };
  }

  /** Inserts a new draft with its first revision; returns its id. */
  async insertDraft(fields: SaveFields, createdBy: number, now: Date, snapshot: ArticleSnapshot): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('articles')
        .values({
          section_id: fields.sectionId,
          slug: fields.slug,
          headline: fields.headline,
          dek: fields.dek,
          body: fields.bodyJson,
          hero_media_id: fields.heroMediaId,
          status: 'draft',
          comments_open: 1,
          published_at: null,
          updated_at: writeTime(now),
          created_at: writeTime(now),
          created_by: createdBy,
          home_position: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceLinks(trx, id, fields.tagIds, fields.authorIds);
      await insertRevision(trx, id, createdBy, now, snapshot);
      await insertEvent(trx, id, createdBy, 'created', null, 'draft', now, '');
      return id;
    });
  }

  /** Saves fields, links and a new revision in one transaction; returns the revision number. */
  async save(id: number, fields: SaveFields, userId: number, now: Date, snapshot: ArticleSnapshot, event: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('articles')
        .set({
          headline: fields.headline,
          dek: fields.dek,
          slug: fields.slug,
          section_id: fields.sectionId,
          hero_media_id: fields.heroMediaId,
          body: fields.bodyJson,
          seo_title: fields.seoTitle,
          seo_description: fields.seoDescription,
          correction_note: fields.correctionNote,
          updated_at: writeTime(fields.updatedAt),
        })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
      await replaceLinks(trx, id, fields.tagIds, fields.authorIds);
      const n = await insertRevision(trx, id, userId, now, snapshot);
      if (event) await insertEvent(trx, id, userId, event, null, null, now, `revision ${n}`);
      await syncArticleIndex(trx, id);
      return n;
    });
  }

  /**
   * Moves an article from `from` to `to`. Applies only if the status is still `from`
   * (checked in the UPDATE itself); returns false when someone else changed it first.
   */
  async setStatus(id: number, from: ArticleStatus, to: ArticleStatus, publishedAt: Date | null, userId: number | null, now: Date, event: string, note: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set({ status: to, published_at: publishedAt ? writeTime(publishedAt) : null })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, id, userId, event, from, to, now, note);
      await syncArticleIndex(trx, id);
      return true;
    });
  }

  /**
   * Publishes every scheduled article whose time has come, and logs each. The single
   * conditional UPDATE … RETURNING makes this safe to run in several processes at once:
   * each article is returned (and logged) by exactly one of them.
   */
  async publishDue(now: Date): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('articles')
        .set({ status: 'published' })
        .where('status', '=', 'scheduled')
        .where('published_at', '<=', writeTime(now))
        .returning('id')
        .execute();
      for (const { id } of rows) await insertEvent(trx, id, null, 'published-on-schedule', 'scheduled', 'published', now, '');
      await syncArticlesIndex(trx, rows.map((r) => r.id));
      return rows.map((r) => r.id);
    });
  }

  async listRevisions(id: number): Promise<RevisionInfo[]> {
    const rows = await this.db
      .selectFrom('article_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.number', 'r.created_at', 'r.user_id', 'u.name'])
      .where('r.article_id', '=', id)
      .orderBy('r.number', 'desc')
      .execute();
    return rows.map((r) => ({ number: r.number, createdAt: readTime(r.created_at), userId: r.user_id, userName: r.name }));
  }

  async getRevision(id: number, n: number): Promise<(RevisionInfo & { snapshot: ArticleSnapshot }) | null> {
    const r = await this.db
      .selectFrom('article_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.number', 'r.created_at', 'r.user_id', 'u.name', 'r.snapshot'])
      .where('r.article_id', '=', id)
      .where('r.number', '=', n)
      .executeTakeFirst();
    if (!r) return null;
    return { number: r.number, createdAt: readTime(r.created_at), userId: r.user_id, userName: r.name, snapshot: JSON.parse(r.snapshot) as ArticleSnapshot };
  }

  async listEvents(id: number): Promise<ArticleEvent[]> {
    const rows = await this.db
      .selectFrom('article_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.action', 'e.from_status', 'e.to_status', 'e.at', 'e.user_id', 'u.name', 'e.note'])
      .where('e.article_id', '=', id)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .execute();
    return rows.map((r) => ({ action: r.action, fromStatus: r.from_status, toStatus: r.to_status, at: readTime(r.at), userId: r.user_id, userName: r.name, note: r.note }));
  }

  /** The newsroom's article list, newest change first. */
  async listDesk(filter: { status?: ArticleStatus; createdBy?: number }, limit: number, offset: number): Promise<{ items: DeskRow[]; total: number }> {
    let q = this.db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id');
    if (filter.status) q = q.where('a.status', '=', filter.status);
    if (filter.createdBy !== undefined) q = q.where('a.created_by', '=', filter.createdBy);
    const [rows, count] = await Promise.all([
      q
        .select(['a.id', 'a.headline', 'a.status', 's.name as section_name', 'a.updated_at', 'a.published_at', 'a.created_by'])
        .orderBy('a.updated_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, headline: r.headline, status: r.status, sectionName: r.section_name, updatedAt: readTime(r.updated_at), publishedAt: readOptionalTime(r.published_at), createdBy: r.created_by })),
      total: readCount(count?.n),
    };
  }
}

async function replaceLinks(trx: Transaction<Database>, articleId: number, tagIds: number[], authorIds: number[]) {
  if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position }))).execute();
  if (authorIds.length) await trx.insertInto('article_authors').values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position }))).execute();
}

async function insertRevision(trx: Transaction<Database>, articleId: number, userId: number | null, now: Date, snapshot: ArticleSnapshot): Promise<number> {
  const last = await trx.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', articleId).executeTakeFirst();
  const number = readCount(last?.n ?? 0) + 1;
  await trx.insertInto('article_revisions').values({ article_id: articleId, number, user_id: userId, created_at: writeTime(now), snapshot: JSON.stringify(snapshot) }).execute();
  return number;
}

async function insertEvent(trx: Transaction<Database>, articleId: number, userId: number | null, action: string, from: ArticleStatus | null, to: ArticleStatus | null, at: Date, note: string) {
  await trx.insertInto('article_events').values({ article_id: articleId, user_id: userId, action, from_status: from, to_status: to, at: writeTime(at), note }).execute();
}
