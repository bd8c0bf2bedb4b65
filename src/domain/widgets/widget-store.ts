import type { Kysely, Selectable } from 'kysely';
import { readTime, writeTime } from '../../storage/columns.ts';
import type { Database, WidgetHistoryTable, WidgetTable } from '../../storage/schema.ts';
import { type BoxData, BoxSchema, type Placement, PLACEMENTS, type Widget, type WidgetVersion } from './widget.ts';

export class WidgetStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findByKey(key: string): Promise<Widget | null> {
    const row = await this.db.selectFrom('widgets').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toWidget(row) : null;
  }

  async list(): Promise<Widget[]> {
    const rows = await this.db.selectFrom('widgets').selectAll().orderBy('key').execute();
    return rows.map(toWidget);
  }

  /** The boxes placed in the sidebar or on the home page, by key. */
  async listPlaced(placement: Exclude<Placement, ''>): Promise<Widget[]> {
    const rows = await this.db.selectFrom('widgets').selectAll().where('placement', '=', placement).orderBy('key').execute();
    return rows.map(toWidget);
  }

  /**
   * Inserts or replaces the widget with this key and adds the version to its history, in
   * one transaction: both or neither. `placement` undefined keeps the saved one ('' for a new box).
   * Returns the placement the box had before ('' when new), so a caller knows whether it moved.
   */
  async upsert(key: string, title: string, box: BoxData, placement: Placement | undefined, now: Date, savedBy: number | null): Promise<Placement> {
    const data = JSON.stringify(box);
    const at = writeTime(now);
    return this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('widgets').select('placement').where('key', '=', key).executeTakeFirst();
      const place = placement ?? ((before?.placement ?? '') as Placement);
      await trx
        .insertInto('widgets')
        .values({ key, title, data, placement: place, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ title, data, placement: place, updated_at: at }))
        .execute();
      await trx.insertInto('widget_history').values({ widget_key: key, title, data, saved_by: savedBy, saved_at: at }).execute();
      return (before?.placement ?? '') as Placement;
    });
  }

  /** The box's saved versions, newest first. */
  async history(key: string, limit: number): Promise<WidgetVersion[]> {
    const rows = await this.db.selectFrom('widget_history').selectAll().where('widget_key', '=', key).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toVersion);
  }
}

function toWidget(row: Selectable<WidgetTable>): Widget {
  const box = BoxSchema.parse(JSON.parse(row.data));
  const placement = (PLACEMENTS as readonly string[]).includes(row.placement) ? (row.placement as Placement) : '';
  return { key: row.key, title: row.title, box, placement, updatedAt: readTime(row.updated_at) };
}

function toVersion(row: Selectable<WidgetHistoryTable>): WidgetVersion {
  return { id: row.id, title: row.title, box: BoxSchema.parse(JSON.parse(row.data)), savedBy: row.saved_by, savedAt: readTime(row.saved_at) };
}
