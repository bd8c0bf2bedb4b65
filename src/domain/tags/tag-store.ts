import type { Kysely, Selectable } from 'kysely';
import type { Database, TagTable } from '../../storage/schema.ts';
import type { Tag } from './tag.ts';

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
}
