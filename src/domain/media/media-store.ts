import { type Kysely, type Selectable, sql } from 'kysely';
import { writeTime } from '../../storage/columns.ts';
import type { Database, MediaTable } from '../../storage/schema.ts';
import { FOCAL_SCALE, type FocalPoint, focalUnits, type Media, type MediaMeta } from './media.ts';

export function toMedia(row: Selectable<MediaTable>): Media {
  return {
    id: row.id,
    fileKey: row.file_key,
    mime: row.mime,
    width: row.width,
    height: row.height,
    variantWidths: row.variant_widths.split(',').filter(Boolean).map(Number),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    focal: { x: row.focal_x / FOCAL_SCALE, y: row.focal_y / FOCAL_SCALE },
  };
}

export interface NewMediaRow extends MediaMeta {
  fileKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  variantWidths: number[];
  createdAt: Date;
}

export class MediaStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number): Promise<Media | null> {
    const row = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMedia(row) : null;
  }

  async findByIds(ids: readonly number[]): Promise<Map<number, Media>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('media').selectAll().where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, toMedia(r)]));
  }

  /** Library items whose alt text, caption or credit contains `query`, newest first. */
  async search(query: string, limit: number, offset: number): Promise<{ items: Media[]; total: number }> {
    let q = this.db.selectFrom('media');
    const needle = query.trim().toLowerCase();
    if (needle) {
      // LIKE wildcards in what a person typed are matched literally.
      const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or(
          (['alt', 'caption', 'credit'] as const).map((col) => eb(sql`lower(${sql.ref(col)})`, 'like', sql`${pattern} escape '\\'`)),
        ),
      );
    }
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(toMedia), total: Number(count?.n ?? 0) };
  }

  async updateMeta(id: number, meta: MediaMeta): Promise<void> {
    await this.db.updateTable('media').set({ alt: meta.alt, caption: meta.caption, credit: meta.credit }).where('id', '=', id).execute();
  }

  /** Returns false when there is no such photo. */
  async setFocalPoint(id: number, focal: FocalPoint): Promise<boolean> {
    const units = focalUnits(focal);
    const result = await this.db.updateTable('media').set({ focal_x: units.x, focal_y: units.y }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Whether any record uses these files (they are content-addressed, so two uploads of one image share them). */
  async fileKeyInUse(fileKey: string): Promise<boolean> {
    return (await this.db.selectFrom('media').select('id').where('file_key', '=', fileKey).limit(1).executeTakeFirst()) !== undefined;
  }

  async insert(input: NewMediaRow): Promise<Media> {
    const row = await this.db
      .insertInto('media')
      .values({
        file_key: input.fileKey,
        mime: input.mime,
        width: input.width,
        height: input.height,
        bytes: input.bytes,
        variant_widths: input.variantWidths.join(','),
        alt: input.alt,
        caption: input.caption,
        credit: input.credit,
        created_at: writeTime(input.createdAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMedia(row);
  }
}
