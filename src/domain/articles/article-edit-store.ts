/**
 * Newsroom-side article queries: the editable form of an article (its working copy
 * when there is one), saves that keep a revision in the same transaction, status
 * changes that only apply to the status they expect (so two editors, or two processes,
 * cannot both apply one), and the history. Every save and status change brings the
 * search index in step in the same transaction.
 *
 * Guarantees:
 * - Every write of content starts by bumping `articles.edit_version`; with a base version
 *   the bump is a compare-and-set in the UPDATE itself. The UPDATE also takes the row's
 *   lock, so concurrent writes to one story run one after another, each seeing the
 *   other's result: of two saves from the same base, exactly one applies.
 * - A working copy never changes what readers see; only `applyToStory` writes the
 *   story's own row, and it deletes the working copy in the same transaction.
 */
import { type Selectable, sql, type Kysely, type Transaction } from 'kysely';
import { parseRichText, parseRichTextJson } from '../../richtext/rich-text.ts';
import { readCount, readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { ArticleTable, Database } from '../../storage/schema.ts';
import { syncArticleIndex, syncArticlesIndex } from '../../search/search-index-store.ts';
import { type ArticleStatus, type EditableArticle, type EditableCorrection, parseCorrections } from './article.ts';
import type { ArticleEvent, ArticleSnapshot, FullSnapshot, RevisionInfo } from './article-history.ts';

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
  corrections: EditableCorrection[];
  lang: string;
  updatedAt: Date;
}

/** How a write is made: who, when, from which version, and what history it leaves. */
export interface WriteOptions {
  userId: number;
  now: Date;
  /** Apply only if the story is still at this edit version; otherwise nothing is written. */
  baseVersion?: number;
  /** Keep a revision of this kind (null: none). */
  revisionKind: string | null;
  /** Log a workflow event with this action ('' or absent: none). */
  event?: string;
  /** Before writing, keep the current working copy (someone else's unsaved work) as a revision of this kind. */
  keepWorkingCopyAs?: string;
  /** Working copies only: also keep a revision of kind 'checkpoint' when the newest revision is older than this. */
  checkpointIfOlderThan?: Date;
}

/** What a write made: the story's new edit version and the newest revision's number. */
export interface WriteResult {
  version: number;
  revision: number;
}

export class ArticleEditStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findEditable(id: number): Promise<EditableArticle | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [links, rev, wc] = await Promise.all([
      this.linksOf(id),
      this.db.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirst(),
      this.db
        .selectFrom('article_working_copies as w')
        .leftJoin('users as u', 'u.id', 'w.user_id')
        .leftJoin('users as s', 's.id', 'w.submitted_by')
        .select(['w.snapshot', 'w.updated_at', 'u.name as updated_by', 'w.submitted_at', 's.name as submitted_by'])
        .where('w.article_id', '=', id)
        .executeTakeFirst(),
    ]);
    const saved = { ...snapshotOfRow(row, links), body: parseRichTextJson(row.body) };
    // The working copy was validated when written; what the editor edits is it, when there is one.
    const working = wc ? (JSON.parse(wc.snapshot) as ArticleSnapshot) : null;
    // Working copies written before migration 014 carry no corrections or language: the story's own.
    const content = working
      ? { ...working, tagNames: [...working.tagNames], authorIds: [...working.authorIds], body: parseRichText(working.body), corrections: parseCorrections(working.corrections ?? saved.corrections), lang: working.lang ?? saved.lang }
      : saved;
    return {
      id: row.id,
      status: row.status,
      ...content,
      publishedAt: readOptionalTime(row.published_at)?.toISOString() ?? null,
      updatedAt: readTime(row.updated_at).toISOString(),
      createdBy: row.created_by,
      revision: readCount(rev?.n ?? 0),
      version: row.edit_version,
      live: row.status === 'published' || row.status === 'scheduled',
      pending: wc
        ? {
            updatedAt: readTime(wc.updated_at).toISOString(),
            updatedBy: wc.updated_by,
            submittedAt: readOptionalTime(wc.submitted_at)?.toISOString() ?? null,
            submittedBy: wc.submitted_by,
          }
        : null,
      trashedAt: readOptionalTime(row.trashed_at)?.toISOString() ?? null,
      translationId: row.translation_id,
    };
  }

  /** A story's language, status and link, for checking a translation link; null when missing or in the trash. */
  async findLinkable(id: number): Promise<{ id: number; lang: string; status: ArticleStatus; translationId: number | null } | null> {
    const row = await this.db.selectFrom('articles').select(['id', 'lang', 'status', 'translation_id']).where('id', '=', id).where('trashed_at', 'is', null).executeTakeFirst();
    return row ? { id: row.id, lang: row.lang, status: row.status, translationId: row.translation_id } : null;
  }

  /**
   * Links two stories as translations of each other, or unlinks `id` (other = null). The link
   * is symmetric: whatever either story was linked to before loses its link, in one transaction.
   * Returns the ids whose link changed (for purging their pages).
   */
  async setTranslation(id: number, other: number | null, userId: number, now: Date): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const ids = other === null ? [id] : [id, other];
      const before = await trx.selectFrom('articles').select(['id', 'translation_id']).where('id', 'in', ids).execute();
      const touched = new Set<number>(ids);
      for (const r of before) if (r.translation_id !== null) touched.add(r.translation_id);
      await trx
        .updateTable('articles')
        .set({ translation_id: null })
        .where((eb) => eb.or([eb('id', 'in', [...touched]), eb('translation_id', 'in', ids)]))
        .execute();
      if (other !== null) {
        await trx.updateTable('articles').set({ translation_id: other }).where('id', '=', id).execute();
        await trx.updateTable('articles').set({ translation_id: id }).where('id', '=', other).execute();
      }
      const note = other === null ? 'translation unlinked' : `translation ${other}`;
      await insertEvent(trx, id, userId, 'translation-linked', null, null, now, note);
      if (other !== null) await insertEvent(trx, other, userId, 'translation-linked', null, null, now, `translation ${id}`);
      return [...touched];
    });
  }

  /** The story as saved (for live stories: as readers see it), ignoring any working copy. */
  async findSavedSnapshot(id: number): Promise<ArticleSnapshot | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? snapshotOfRow(row, await this.linksOf(id)) : null;
  }

  /** A story's tag names and author ids, in their order. */
  private async linksOf(id: number): Promise<{ tagNames: string[]; authorIds: number[] }> {
    const [tags, authors] = await Promise.all([
      this.db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.name').where('at.article_id', '=', id).orderBy('at.position').execute(),
      this.db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute(),
    ]);
    return { tagNames: tags.map((t) => t.name), authorIds: authors.map((a) => a.author_id) };
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
      await insertRevision(trx, id, createdBy, now, snapshot, 'created');
      await insertEvent(trx, id, createdBy, 'created', null, 'draft', now, '');
      return id;
    });
  }

  /**
   * Applies content to the story itself (what readers see once it is public), with its
   * links, a revision and the search index, and drops the working copy: one transaction.
   * Returns null, writing nothing, when `baseVersion` is no longer current.
   */
  async applyToStory(id: number, fields: SaveFields, snapshot: ArticleSnapshot, options: WriteOptions): Promise<WriteResult | null> {
    return this.db.transaction().execute(async (trx) => {
      const version = await bumpVersion(trx, id, options.baseVersion);
      if (version === null) return null;
      if (options.keepWorkingCopyAs) await keepWorkingCopy(trx, id, options.keepWorkingCopyAs);
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
          corrections: JSON.stringify(fields.corrections),
          lang: fields.lang,
          updated_at: writeTime(fields.updatedAt),
        })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
      await replaceLinks(trx, id, fields.tagIds, fields.authorIds);
      await trx.deleteFrom('article_working_copies').where('article_id', '=', id).execute();
      const revision = await keepRevision(trx, id, snapshot, options);
      await syncArticleIndex(trx, id);
      return { version, revision };
    });
  }

  /**
   * Writes the working copy (readers never see it). Returns null, writing nothing, when
   * `baseVersion` is no longer current. A new write clears an earlier submission for review.
   */
  async writeWorkingCopy(id: number, snapshot: ArticleSnapshot, options: WriteOptions): Promise<WriteResult | null> {
    return this.db.transaction().execute(async (trx) => {
      const version = await bumpVersion(trx, id, options.baseVersion);
      if (version === null) return null;
      if (options.keepWorkingCopyAs) await keepWorkingCopy(trx, id, options.keepWorkingCopyAs);
      const json = JSON.stringify(snapshot);
      const at = writeTime(options.now);
      await trx
        .insertInto('article_working_copies')
        .values({ article_id: id, snapshot: json, user_id: options.userId, updated_at: at, submitted_at: null, submitted_by: null })
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ snapshot: json, user_id: options.userId, updated_at: at, submitted_at: null, submitted_by: null }))
        .execute();
      const revision = await keepRevision(trx, id, snapshot, options);
      return { version, revision };
    });
  }

  /** Drops the working copy. Returns the new version, or null when `baseVersion` is stale or there was none. */
  async discardWorkingCopy(id: number, userId: number, now: Date, baseVersion?: number): Promise<number | null> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('article_working_copies').select('article_id').where('article_id', '=', id).executeTakeFirst();
      if (!exists) return null;
      const version = await bumpVersion(trx, id, baseVersion);
      if (version === null) return null;
      await trx.deleteFrom('article_working_copies').where('article_id', '=', id).execute();
      await insertEvent(trx, id, userId, 'changes-discarded', null, null, now, '');
      return version;
    });
  }

  /** Marks the working copy as submitted for review; false when there is none. */
  async submitWorkingCopy(id: number, userId: number, now: Date, note: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('article_working_copies')
        .set({ submitted_at: writeTime(now), submitted_by: userId })
        .where('article_id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, id, userId, 'update-submitted', null, null, now, note);
      return true;
    });
  }

  /** The story's current edit version (0 if it does not exist). */
  async currentVersion(id: number): Promise<{ version: number; revision: number; updatedBy: string | null; updatedAt: Date | null }> {
    const [row, rev] = await Promise.all([
      this.db
        .selectFrom('articles as a')
        .leftJoin('article_working_copies as w', 'w.article_id', 'a.id')
        .leftJoin('users as u', 'u.id', 'w.user_id')
        .select(['a.edit_version', 'u.name', 'w.updated_at'])
        .where('a.id', '=', id)
        .executeTakeFirst(),
      this.db
        .selectFrom('article_revisions as r')
        .leftJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.number', 'r.created_at', 'u.name'])
        .where('r.article_id', '=', id)
        .orderBy('r.number', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    // Whoever wrote last: the working copy if it is newer than the newest revision.
    const wcAt = row?.updated_at ? readTime(row.updated_at) : null;
    const revAt = rev ? readTime(rev.created_at) : null;
    const byWorkingCopy = wcAt && (!revAt || wcAt >= revAt);
    return {
      version: row?.edit_version ?? 0,
      revision: rev?.number ?? 0,
      updatedBy: (byWorkingCopy ? row?.name : rev?.name) ?? null,
      updatedAt: byWorkingCopy ? wcAt : revAt,
    };
  }

  /** Deletes autosave checkpoints kept before `before`; returns how many. */
  async pruneCheckpoints(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('article_revisions').where('kind', '=', 'checkpoint').where('created_at', '<', writeTime(before)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Moves an article from `from` to `to`. Applies only if the status is still `from`
   * (checked in the UPDATE itself); returns false when someone else changed it first.
   */
  async setStatus(id: number, from: ArticleStatus, to: ArticleStatus, publishedAt: Date | null, userId: number | null, now: Date, event: string, note: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set({ status: to, published_at: publishedAt ? writeTime(publishedAt) : null, edit_version: sql<number>`edit_version + 1` })
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
      .select(['r.number', 'r.created_at', 'r.user_id', 'u.name', 'r.kind'])
      .where('r.article_id', '=', id)
      .orderBy('r.number', 'desc')
      .execute();
    return rows.map((r) => ({ number: r.number, createdAt: readTime(r.created_at), userId: r.user_id, userName: r.name, kind: r.kind }));
  }

  async getRevision(id: number, n: number): Promise<(RevisionInfo & { snapshot: ArticleSnapshot }) | null> {
    const r = await this.db
      .selectFrom('article_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.number', 'r.created_at', 'r.user_id', 'u.name', 'r.snapshot', 'r.kind'])
      .where('r.article_id', '=', id)
      .where('r.number', '=', n)
      .executeTakeFirst();
    if (!r) return null;
    return { number: r.number, createdAt: readTime(r.created_at), userId: r.user_id, userName: r.name, kind: r.kind, snapshot: JSON.parse(r.snapshot) as ArticleSnapshot };
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

}

async function replaceLinks(trx: Transaction<Database>, articleId: number, tagIds: number[], authorIds: number[]) {
  if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position }))).execute();
  if (authorIds.length) await trx.insertInto('article_authors').values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position }))).execute();
}

/** The editable fields of a story row (body as stored JSON, parsed but not validated again). */
function snapshotOfRow(row: Selectable<ArticleTable>, links: { tagNames: string[]; authorIds: number[] }): FullSnapshot {
  return {
    headline: row.headline,
    dek: row.dek,
    slug: row.slug,
    sectionId: row.section_id,
    ...links,
    heroMediaId: row.hero_media_id,
    body: JSON.parse(row.body) as unknown,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    correctionNote: row.correction_note,
    corrections: parseCorrections(row.corrections),
    lang: row.lang,
  };
}

/**
 * Bumps the story's edit version and returns the new one; with `base`, only if the
 * version is still `base` (null otherwise, or when the story is gone). Being an UPDATE,
 * it also takes the row's lock for the rest of the transaction.
 */
async function bumpVersion(trx: Transaction<Database>, id: number, base: number | undefined): Promise<number | null> {
  let q = trx.updateTable('articles').set({ edit_version: sql<number>`edit_version + 1` }).where('id', '=', id);
  if (base !== undefined) q = q.where('edit_version', '=', base);
  const row = await q.returning('edit_version').executeTakeFirst();
  return row ? row.edit_version : null;
}

/** Keeps the working copy, if any, as a revision of `kind` (by whoever wrote it), so a forced save loses nobody's work. */
async function keepWorkingCopy(trx: Transaction<Database>, id: number, kind: string): Promise<void> {
  const wc = await trx.selectFrom('article_working_copies').select(['snapshot', 'user_id', 'updated_at']).where('article_id', '=', id).executeTakeFirst();
  if (wc) await insertRevision(trx, id, wc.user_id, readTime(wc.updated_at), JSON.parse(wc.snapshot) as ArticleSnapshot, kind);
}

/** The revision (and event) a write keeps, per its options; returns the newest revision's number. */
async function keepRevision(trx: Transaction<Database>, id: number, snapshot: ArticleSnapshot, options: WriteOptions): Promise<number> {
  let kind = options.revisionKind;
  if (!kind && options.checkpointIfOlderThan) {
    const last = await trx.selectFrom('article_revisions').select('created_at').where('article_id', '=', id).orderBy('number', 'desc').limit(1).executeTakeFirst();
    if (!last || readTime(last.created_at) < options.checkpointIfOlderThan) kind = 'checkpoint';
  }
  const revision = kind ? await insertRevision(trx, id, options.userId, options.now, snapshot, kind) : await latestRevision(trx, id);
  if (options.event) await insertEvent(trx, id, options.userId, options.event, null, null, options.now, `revision ${revision}`);
  return revision;
}

async function latestRevision(trx: Transaction<Database>, articleId: number): Promise<number> {
  const last = await trx.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', articleId).executeTakeFirst();
  return readCount(last?.n ?? 0);
}

async function insertRevision(trx: Transaction<Database>, articleId: number, userId: number | null, now: Date, snapshot: ArticleSnapshot, kind: string): Promise<number> {
  const number = (await latestRevision(trx, articleId)) + 1;
  await trx.insertInto('article_revisions').values({ article_id: articleId, number, user_id: userId, created_at: writeTime(now), snapshot: JSON.stringify(snapshot), kind }).execute();
  return number;
}

async function insertEvent(trx: Transaction<Database>, articleId: number, userId: number | null, action: string, from: ArticleStatus | null, to: ArticleStatus | null, at: Date, note: string) {
  await trx.insertInto('article_events').values({ article_id: articleId, user_id: userId, action, from_status: from, to_status: to, at: writeTime(at), note }).execute();
}
