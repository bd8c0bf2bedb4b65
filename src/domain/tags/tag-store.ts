import { type Kysely, type Selectable, sql } from 'kysely';
import { readCount } from '../../storage/columns.ts';
import type { Database, TagTable } from '../../storage/schema.ts';
import { syncArticlesIndex } from '../../search/search-index-store.ts';
import type { Tag, TagWithCount } from './tag.ts';

export const toTag = (row: Selectable<TagTable>): Tag => ({ id: row.id, slug: row.slug, name: row.name });

export class TagStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findBySlug(slug: string): Promise<Tag | null> {
    const row = await this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toTag(row) : null;
  }

  async findByName(name: string): Promise<Tag | null> {
    const row = await this.db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toTag(row) : null;
  }

  async slugExists(slug: string): Promise<boolean> {
    const row = await this.db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
    return row !== undefined;
  }

  async insert(slug: string, name: string): Promise<Tag> {
    const row = await this.db.insertInto('tags').values({ slug, name }).returningAll().executeTakeFirstOrThrow();
    return toTag(row);
  }

  async findById(id: number): Promise<Tag | null> {
    const row = await this.db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTag(row) : null;
  }

  async listWithCounts(query: string, limit: number, offset: number): Promise<{ items: TagWithCount[]; total: number }> {
    let q = this.db.selectFrom('tags as t');
    const needle = query.toLowerCase();
    if (needle) {
      // LIKE wildcards in what a person typed are matched literally.
      const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(t.name)`, 'like', sql`${pattern} escape '\\'`), eb(sql`t.slug`, 'like', sql`${pattern} escape '\\'`)]));
    }
    const [rows, count] = await Promise.all([
      q
        .select(['t.id', 't.slug', 't.name'])
        .select((eb) => eb.selectFrom('article_tags as at').select((e) => e.fn.countAll<string | number>().as('n')).whereRef('at.tag_id', '=', 't.id').as('n'))
        .orderBy('t.name')
        .orderBy('t.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: readCount(r.n ?? 0) })),
      total: readCount(count?.n),
    };
  }

  /** Renames the tag, and re-indexes its stories in the same transaction (search finds them by the new name at once). */
  async rename(id: number, name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('tags').set({ name }).where('id', '=', id).execute();
      const rows = await trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute();
      await syncArticlesIndex(trx, rows.map((r) => r.article_id));
    });
  }
}
