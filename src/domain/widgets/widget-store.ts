import type { Kysely, Selectable } from 'kysely';
import { readTime, writeTime } from '../../storage/columns.ts';
import type { Database, WidgetTable } from '../../storage/schema.ts';
import { type Figures, FiguresSchema, type FiguresWidget } from './widget.ts';

export class WidgetStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findByKey(key: string): Promise<FiguresWidget | null> {
    const row = await this.db.selectFrom('widgets').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toWidget(row) : null;
  }

  async list(): Promise<FiguresWidget[]> {
    const rows = await this.db.selectFrom('widgets').selectAll().orderBy('key').execute();
    return rows.map(toWidget);
  }

  /** Inserts or replaces the widget with this key. */
  async upsert(key: string, title: string, figures: Figures, now: Date): Promise<void> {
    const data = JSON.stringify(figures);
    await this.db
      .insertInto('widgets')
      .values({ key, title, data, updated_at: writeTime(now) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ title, data, updated_at: writeTime(now) }))
      .execute();
  }
}

function toWidget(row: Selectable<WidgetTable>): FiguresWidget {
  const figures = FiguresSchema.parse(JSON.parse(row.data));
  return { key: row.key, title: row.title, figures, updatedAt: readTime(row.updated_at) };
}
