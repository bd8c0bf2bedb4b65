/**
 * Sitemap queries: narrow (only the columns an entry needs) and by index. A month's
 * stories, and each month's count for the list of months, are ranges of the covering index
 * `articles_sitemap` (migration 016). Returns domain objects.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { readCount, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { SitemapMonth, SitemapPage, SitemapStory } from './sitemap.ts';

type Db = Kysely<Database>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export class SitemapStore {
  constructor(private readonly db: Db) {}

  /**
   * Months with public stories at `now`, oldest first, with how many and their newest change.
   * One range query per month from the first public story's month, each an index-only range
   * of articles_sitemap: cheaper than grouping every public story by a month computed per row
   * (PostgreSQL 65 ms at 100,000 stories), and it reads the same entries once.
   */
  async months(now: Date): Promise<SitemapMonth[]> {
    const until = writeTime(new Date(now.getTime() + 1));
    const first = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.min('published_at').as('p'))
      .where('status', '=', 'published')
      .where('published_at', '<', until)
      .executeTakeFirst();
    if (!first || first.p === null || first.p === undefined) return [];
    const start = readTime(first.p as Date | string);
    const ranges: { from: Date; to: Date }[] = [];
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= now.getTime(); m === 11 ? ((y += 1), (m = 0)) : (m += 1)) {
      ranges.push({ from: new Date(Date.UTC(y, m, 1)), to: new Date(Math.min(Date.UTC(y, m + 1, 1), now.getTime() + 1)) });
    }
    const out: SitemapMonth[] = [];
    const add = (from: Date, n: number, updatedAt: Date | string | null | undefined, publishedAt: Date | string | null | undefined) => {
      if (n === 0 || !updatedAt || !publishedAt) return;
      out.push({ month: from.toISOString().slice(0, 7), stories: n, lastModified: new Date(Math.max(readTime(updatedAt).getTime(), readTime(publishedAt).getTime())) });
    };
    if (isPostgres(this.db)) {
      // One round trip: each month's range of the index, side by side (LATERAL; SQLite has none,
      // and its queries cost no round trip, so it asks month by month below).
      const values = sql.join(ranges.map((r) => sql`(${writeTime(r.from)}::timestamptz, ${writeTime(r.to)}::timestamptz)`));
      const { rows } = await sql<{ m_from: Date; n: string | number; updated: Date | null; published: Date | null }>`
        select m.m_from, c.n, c.updated, c.published
        from (values ${values}) as m (m_from, m_to)
        cross join lateral (
          select count(*) as n, max(updated_at) as updated, max(published_at) as published
          from articles where status = 'published' and published_at >= m.m_from and published_at < m.m_to
        ) as c
        order by m.m_from`.execute(this.db);
      for (const r of rows) add(readTime(r.m_from), readCount(r.n), r.updated, r.published);
      return out;
    }
    for (const { from, to } of ranges) {
      const row = await this.db
        .selectFrom('articles')
        .select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.max('updated_at').as('updated'), (eb) => eb.fn.max('published_at').as('published')])
        .where('status', '=', 'published')
        .where('published_at', '>=', writeTime(from))
        .where('published_at', '<', writeTime(to))
        .executeTakeFirst();
      add(from, readCount(row?.n), row?.updated as Date | string | null, row?.published as Date | string | null);
    }
    return out;
  }

  /**
   * Public stories published in [start, end) and by `now`, oldest first (a month's page keeps
   * its order as stories are added) or newest first, `limit` from `offset`. Headlines only
   * with `withHeadline` (the news sitemap); without them, the story's columns all come from
   * the covering index articles_sitemap (migration 016), never from its row.
   */
  async stories(now: Date, start: Date, end: Date, limit: number, offset = 0, order: 'asc' | 'desc' = 'asc', withHeadline = false): Promise<SitemapStory[]> {
    const until = end.getTime() > now.getTime() ? new Date(now.getTime() + 1) : end;
    const rows = await this.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('media as m', 'm.id', 'a.hero_media_id')
      .select(withHeadline ? sql<string>`a.headline`.as('headline') : sql<string>`''`.as('headline'))
      .select(['a.id', 'a.slug', 'a.published_at', 'a.updated_at', 's.id as section_id', 's.slug as section_slug', 's.name as section_name', 'm.file_key', 'm.width', 'm.height', 'm.variant_widths'])
      .where('a.status', '=', 'published')
      .where('a.published_at', '>=', writeTime(start))
      .where('a.published_at', '<', writeTime(until))
      .orderBy('a.published_at', order)
      .orderBy('a.id', order)
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => {
      const publishedAt = readTime(r.published_at as Date | string);
      const updatedAt = readTime(r.updated_at);
      return {
        id: r.id,
        slug: r.slug,
        section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
        headline: r.headline,
        publishedAt,
        updatedAt: updatedAt.getTime() < publishedAt.getTime() ? publishedAt : updatedAt,
        hero:
          r.file_key === null || r.width === null || r.height === null
            ? null
            : { fileKey: r.file_key, width: r.width, height: r.height, variantWidths: (r.variant_widths ?? '').split(',').filter(Boolean).map(Number) },
      };
    });
  }

  /** Sections, each dated by its newest public story (one index seek each); those with none are left out. */
  async sections(now: Date): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('sections as s')
      .select((eb) => [
        's.slug',
        eb
          .selectFrom('articles as a')
          .select((e) => e.fn.max('a.published_at').as('p'))
          .whereRef('a.section_id', '=', 's.id')
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', writeTime(now))
          .as('newest'),
      ])
      .orderBy('s.position')
      .orderBy('s.id')
      .execute();
    return rows.flatMap((r) => (r.newest === null || r.newest === undefined ? [] : [{ path: `/${r.slug}`, lastModified: readTime(r.newest as Date | string) }]));
  }

  /** Tags with at least one public story, by slug (at most `limit`). */
  async tags(now: Date, limit: number): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('tags as t')
      .select('t.slug')
      // "Its first public story is not null" rather than EXISTS: PostgreSQL turns EXISTS into a
      // hash semi-join over every tagged story (370 ms at 100,000 stories); a scalar subquery
      // with LIMIT 1 stays a probe of the tag's index per tag, stopping at the first public one.
      .where(
        (eb) =>
          eb
            .selectFrom('article_tags as at')
            .innerJoin('articles as a', 'a.id', 'at.article_id')
            .select('a.id')
            .whereRef('at.tag_id', '=', 't.id')
            .where('a.status', '=', 'published')
            .where('a.published_at', '<=', writeTime(now))
            .limit(1),
        'is not',
        null,
      )
      .orderBy('t.slug')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ path: `/tag/${r.slug}`, lastModified: null }));
  }

  /** Authors with at least one public story, by slug (at most `limit`). */
  async authors(now: Date, limit: number): Promise<SitemapPage[]> {
    const rows = await this.db
      .selectFrom('authors as au')
      .select('au.slug')
      // As tags(): a probe per author, not a semi-join over every bylined story.
      .where(
        (eb) =>
          eb
            .selectFrom('article_authors as aa')
            .innerJoin('articles as a', 'a.id', 'aa.article_id')
            .select('a.id')
            .whereRef('aa.author_id', '=', 'au.id')
            .where('a.status', '=', 'published')
            .where('a.published_at', '<=', writeTime(now))
            .limit(1),
        'is not',
        null,
      )
      .orderBy('au.slug')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ path: `/author/${r.slug}`, lastModified: null }));
  }

  /** Ids of every section (the sitemaps' cache tags: a change to any public story emits its section's). */
  async sectionIds(): Promise<number[]> {
    return (await this.db.selectFrom('sections').select('id').orderBy('id').execute()).map((r) => r.id);
  }
}
