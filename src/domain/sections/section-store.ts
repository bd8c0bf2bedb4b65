import type { Kysely, Selectable } from 'kysely';
import type { Database, SectionTable } from '../../storage/schema.ts';
import type { NewSection, Section, SectionInput } from './section.ts';

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

  async findById(id: number): Promise<Section | null> {
    const row = await this.db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSection(row) : null;
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

  async maxPosition(): Promise<number> {
    const row = await this.db.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    return row?.p ?? 0;
  }

  async update(id: number, input: SectionInput): Promise<void> {
    await this.db
      .updateTable('sections')
      .set({ name: input.name, name_latin: input.nameLatin, slug: input.slug, description: input.description })
      .where('id', '=', id)
      .execute();
  }

  /** Gives the sections positions 1, 2, 3 … in the order of `ids`, in one transaction. */
  async reorder(ids: readonly number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [i, id] of ids.entries()) await trx.updateTable('sections').set({ position: i + 1 }).where('id', '=', id).execute();
    });
  }
}
