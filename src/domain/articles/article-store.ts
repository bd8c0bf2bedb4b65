/**
 * Article queries. Returns domain objects (Article, ArticleSummary), never rows.
 * Public lists only ever include published stories whose time has come; the `now`
 * they compare against is passed in, so the store never reads the clock.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { RichText } from '../../richtext/rich-text.ts';
import { parseRichTextJson } from '../../richtext/rich-text.ts';
import { readBool, readCount, readOptionalTime, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { Author } from '../authors/author.ts';
import { FOCAL_SCALE, type Media } from '../media/media.ts';
import type { MediaStore } from '../media/media-store.ts';
import { toTag } from '../tags/tag-store.ts';
import { type Article, type ArticleSummary, articlePath, type ListFilter, type NewArticle, parseCorrections, type TranslationLink } from './article.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

type ArticlesAsA = Database & { a: Database['articles'] };

/**
 * Public at `now` and within `filter`: the condition every reader list shares. A tag or
 * author is tested per story for a list (newest first, it stops after a page) and read from
 * the tag's or author's index for a count (3× faster than testing every public story).
 */
function isListed(eb: ExpressionBuilder<ArticlesAsA, 'a'>, now: Date, filter: ListFilter, use: 'list' | 'count' = 'list'): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('a.status', '=', 'published'), eb('a.published_at', '<=', writeTime(now))];
  if (filter.sectionId !== undefined) conditions.push(eb('a.section_id', '=', filter.sectionId));
  if (filter.tagId !== undefined) {
    const tagged = eb.selectFrom('article_tags as t').select('t.article_id').where('t.tag_id', '=', filter.tagId);
    conditions.push(use === 'count' ? eb('a.id', 'in', tagged) : eb.exists(tagged.whereRef('t.article_id', '=', 'a.id')));
  }
  if (filter.authorId !== undefined) {
    const bylined = eb.selectFrom('article_authors as aa').select('aa.article_id').where('aa.author_id', '=', filter.authorId);
    conditions.push(use === 'count' ? eb('a.id', 'in', bylined) : eb.exists(bylined.whereRef('aa.article_id', '=', 'a.id')));
  }
  if (filter.excludeIds && filter.excludeIds.length > 0) conditions.push(eb('a.id', 'not in', filter.excludeIds));
  return eb.and(conditions);
}

/** Stories of each tag looked at for related stories: the newest, by id. */
const RELATED_PER_TAG = 60;

export class ArticleStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly media: MediaStore,
  ) {}

  private summaries(db: Kysely<Database> = this.db) {
    return db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('media as m', 'm.id', 'a.hero_media_id')
      .select([
        'a.id',
        'a.slug',
        'a.headline',
        'a.dek',
        'a.status',
        'a.published_at',
        'a.updated_at',
        's.id as section_id',
        's.slug as section_slug',
        's.name as section_name',
        'm.id as m_id',
        'm.file_key as m_file_key',
        'm.mime as m_mime',
        'm.width as m_width',
        'm.height as m_height',
        'm.variant_widths as m_variant_widths',
        'm.alt as m_alt',
        'm.caption as m_caption',
        'm.credit as m_credit',
        'm.focal_x as m_focal_x',
        'm.focal_y as m_focal_y',
      ]);
  }

  private publicSummaries(now: Date, filter: ListFilter) {
    return this.summaries().where((eb) => isListed(eb, now, filter));
  }

  /** The newest public stories, without counting them all (a count reads every match). */
  async latestPublic(now: Date, filter: ListFilter, limit: number): Promise<ArticleSummary[]> {
    const rows = await this.publicSummaries(now, filter).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    return rows.map(toSummary);
  }

  /**
   * When the next published story becomes public by time alone (a scheduled or future-dated
   * one), or null if none is waiting: until then, a list read at `now` stays right.
   */
  async nextPublicationAfter(now: Date): Promise<Date | null> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.min('published_at').as('next'))
      .where('status', '=', 'published')
      .where('published_at', '>', writeTime(now))
      .executeTakeFirst();
    return row?.next ? readTime(row.next) : null;
  }

  /**
   * Public stories after `after` in the newest-first order (published_at, then id): one page
   * of a cursor list (the content API). Stories published meanwhile sort before the cursor,
   * so the next page neither repeats nor skips one.
   */
  async listPublicAfter(now: Date, filter: ListFilter, after: { publishedAt: Date; id: number } | null, limit: number): Promise<ArticleSummary[]> {
    let q = this.publicSummaries(now, filter);
    if (after) {
      const t = writeTime(after.publishedAt);
      q = q.where((eb) => eb.or([eb('a.published_at', '<', t), eb.and([eb('a.published_at', '=', t), eb('a.id', '<', after.id)])]));
    }
    const rows = await q.orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    return rows.map(toSummary);
  }

  async listPublic(now: Date, filter: ListFilter, limit: number, offset: number): Promise<Page<ArticleSummary>> {
    const [rows, count] = await Promise.all([
      this.publicSummaries(now, filter).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute(),
      // Counted on the articles alone: the list's joins would cost a lookup per story (36 ms
      // for a section of 12,000 stories), and cannot change the count.
      this.db
        .selectFrom('articles as a')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where((eb) => isListed(eb, now, filter, 'count'))
        .executeTakeFirst(),
    ]);
    return { items: rows.map(toSummary), total: readCount(count?.n) };
  }

  /**
   * Published stories sharing the most tags with `articleId`, newest first among equals,
   * chosen among the newest RELATED_PER_TAG stories of each of its tags (by id, through the
   * tag index). Counting shared tags over every story of a tag costs 40 ms on a site of
   * 100,000 stories; readers want what is recent anyway.
   */
  async listRelated(now: Date, articleId: number, limit: number, knownTagIds?: readonly number[]): Promise<ArticleSummary[]> {
    const tagIds = knownTagIds ?? (await this.db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute()).map((r) => r.tag_id);
    if (tagIds.length === 0) return [];
    // One query for all the tags: each tag's newest stories through the tag index, joined
    // with UNION ALL (each part keeps its own ORDER BY and LIMIT inside a subquery).
    const perTag = (tagId: number) =>
      this.db
        .selectFrom((db) =>
          db
            .selectFrom('article_tags')
            .select('article_id')
            .where('tag_id', '=', tagId)
            .where('article_id', '<>', articleId)
            .orderBy('article_id', 'desc')
            .limit(RELATED_PER_TAG)
            .as(`t${tagId}`),
        )
        .select('article_id');
    let query = perTag(tagIds[0]!);
    for (const tagId of tagIds.slice(1)) query = query.unionAll(perTag(tagId));
    const shared = new Map<number, number>();
    for (const { article_id } of await query.execute()) shared.set(article_id, (shared.get(article_id) ?? 0) + 1);
    if (shared.size === 0) return [];
    // The likeliest first; some may not be public, so take a few more than asked.
    const candidates = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit * 8).map(([id]) => id);
    const rows = await this.publicSummaries(now, {}).where('a.id', 'in', candidates).execute();
    return rows
      .map(toSummary)
      .sort((a, b) => (shared.get(b.id) ?? 0) - (shared.get(a.id) ?? 0) || (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.id - a.id)
      .slice(0, limit);
  }

  /**
   * The story as readers (and previews) would see it; null when missing or in the trash.
   * Trashing makes a story a draft, which keeps it out of every list; this keeps its own
   * page, its previews and pins away too, whatever its status.
   */
  async findById(id: number): Promise<Article | null> {
    const row = await this.summaries()
      .select(['a.body', 'a.comments_open', 'a.created_at', 'a.correction_note', 'a.seo_title', 'a.seo_description', 'a.corrections', 'a.lang', 'a.translation_id'])
      .where('a.id', '=', id)
      .where('a.trashed_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const body = parseRichTextJson(row.body);
    const [tags, authors, bodyMedia, translation] = await Promise.all([
      this.db
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .select(['t.id', 't.slug', 't.name'])
        .where('at.article_id', '=', id)
        .orderBy('at.position')
        .execute(),
      this.authorsOf(id),
      this.media.findByIds(bodyMediaIds(body)),
      row.translation_id === null ? null : this.publishedTranslation(row.translation_id),
    ]);
    return {
      ...toSummary(row),
      body,
      bodyMedia,
      tags: tags.map(toTag),
      authors,
      commentsOpen: readBool(row.comments_open),
      createdAt: readTime(row.created_at),
      correctionNote: row.correction_note,
      corrections: parseCorrections(row.corrections).map((c) => ({ date: new Date(c.date), text: c.text })),
      lang: row.lang,
      translation,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
    };
  }

  /** The linked translation when it is published and not in the trash (its time is the service's to check). */
  private async publishedTranslation(id: number): Promise<TranslationLink | null> {
    const row = await this.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.id', 'a.slug', 'a.lang', 'a.published_at', 's.slug as section_slug'])
      .where('a.id', '=', id)
      .where('a.status', '=', 'published')
      .where('a.trashed_at', 'is', null)
      .executeTakeFirst();
    const publishedAt = readOptionalTime(row?.published_at ?? null);
    if (!row || !publishedAt) return null;
    return { id: row.id, lang: row.lang, path: articlePath({ id: row.id, slug: row.slug, section: { id: 0, slug: row.section_slug, name: '' } }), publishedAt };
  }

  private async authorsOf(articleId: number): Promise<Author[]> {
    const rows = await this.db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['au.id', 'au.slug', 'au.name', 'au.name_latin', 'au.bio', 'au.photo_media_id'])
      .where('aa.article_id', '=', articleId)
      .orderBy('aa.position')
      .execute();
    const photos = await this.media.findByIds(rows.flatMap((r) => (r.photo_media_id === null ? [] : [r.photo_media_id])));
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      nameLatin: r.name_latin,
      bio: r.bio,
      photo: r.photo_media_id === null ? null : (photos.get(r.photo_media_id) ?? null),
    }));
  }

  /** Inserts the article with its tags and authors in one transaction. */
  async insert(input: NewArticle & { slug: string }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('articles')
        .values({
          section_id: input.sectionId,
          slug: input.slug,
          headline: input.headline,
          dek: input.dek,
          body: JSON.stringify(input.body),
          hero_media_id: input.heroMediaId,
          status: input.status,
          comments_open: writeBool(input.commentsOpen),
          published_at: input.publishedAt ? writeTime(input.publishedAt) : null,
          updated_at: writeTime(input.updatedAt),
          created_at: writeTime(input.createdAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await linkTaxonomy(trx, id, input.tagIds, input.authorIds);
      return id;
    });
  }

  async updateSlug(id: number, slug: string): Promise<void> {
    await this.db.updateTable('articles').set({ slug }).where('id', '=', id).execute();
  }

  /**
   * Stories pinned on the home page, in pin order (1 = lead). With `now`, only those
   * public at that time; without, every pinned story, whatever its status (for the newsroom).
   */
  async listPinned(now: Date | null): Promise<ArticleSummary[]> {
    const q = now ? this.publicSummaries(now, {}) : this.summaries();
    const rows = await q.where('a.home_position', 'is not', null).orderBy('a.home_position').orderBy('a.id').execute();
    return rows.map(toSummary);
  }

  /** Makes `ids` the pinned stories, in this order (positions 1, 2, 3 …); every other story is unpinned. */
  async replacePins(ids: readonly number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('articles').set({ home_position: null }).where('home_position', 'is not', null).execute();
      for (const [i, id] of ids.entries()) await trx.updateTable('articles').set({ home_position: i + 1 }).where('id', '=', id).execute();
    });
  }

  /** The stories among `ids` that are public at `now`, in the order of `ids`. */
  async listPublicByIds(now: Date, ids: readonly number[]): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.publicSummaries(now, {}).where('a.id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async exists(id: number): Promise<boolean> {
    return (await this.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async countAll(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    return readCount(row?.n);
  }
}

async function linkTaxonomy(trx: Transaction<Database>, articleId: number, tagIds: number[], authorIds: number[]) {
  if (tagIds.length > 0) {
    await trx
      .insertInto('article_tags')
      .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position })))
      .execute();
  }
  if (authorIds.length > 0) {
    await trx
      .insertInto('article_authors')
      .values(authorIds.map((authorId, position) => ({ article_id: articleId, author_id: authorId, position })))
      .execute();
  }
}

function bodyMediaIds(body: RichText): number[] {
  return [...new Set(body.blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
}

interface SummaryRow {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  status: ArticleSummary['status'];
  published_at: Date | string | null;
  updated_at: Date | string;
  section_id: number;
  section_slug: string;
  section_name: string;
  m_id: number | null;
  m_file_key: string | null;
  m_mime: string | null;
  m_width: number | null;
  m_height: number | null;
  m_variant_widths: string | null;
  m_alt: string | null;
  m_caption: string | null;
  m_credit: string | null;
  m_focal_x: number | null;
  m_focal_y: number | null;
}

function toSummary(row: SummaryRow): ArticleSummary {
  const hero: Media | null =
    row.m_id === null
      ? null
      : {
          id: row.m_id,
          fileKey: row.m_file_key ?? '',
          mime: row.m_mime ?? '',
          width: row.m_width ?? 0,
          height: row.m_height ?? 0,
          variantWidths: (row.m_variant_widths ?? '').split(',').filter(Boolean).map(Number),
          alt: row.m_alt ?? '',
          caption: row.m_caption ?? '',
          credit: row.m_credit ?? '',
          focal: { x: (row.m_focal_x ?? FOCAL_SCALE / 2) / FOCAL_SCALE, y: (row.m_focal_y ?? FOCAL_SCALE / 2) / FOCAL_SCALE },
        };
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
    hero,
    status: row.status,
    publishedAt: readOptionalTime(row.published_at),
    updatedAt: readTime(row.updated_at),
  };
}
