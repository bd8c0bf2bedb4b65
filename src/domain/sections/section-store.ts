import type { Kysely, Selectable } from 'kysely';
import type { Database, SectionTable } from '../../storage/schema.ts';
import type { NewSection, Section } from './section.ts';

export function toSection(row: Selectable<SectionTable>): Section {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameLatin: row.name_latin,
    description: row.description,
    position: row.position,
  };
}

export class SectionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<Section[]> {
    const rows = await this.db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
    return rows.map(toSection);
  }

  async findBySlug(slug: string): Promise<Section | null> {
    const row = await this.db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toSection(row) : null;
  }

  async insert(input: NewSection): Promise<Section> {
    const row = await this.db
      .insertInto('sections')
      .values({
        slug: input.slug,
        name: input.name,
        name_latin: input.nameLatin,
        description: input.description ?? '',
        position: input.position ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSection(row);
  }
}
