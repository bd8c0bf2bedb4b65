import type { Kysely, Selectable } from 'kysely';
import { writeTime } from '../../storage/columns.ts';
import type { Database, MediaTable } from '../../storage/schema.ts';
import type { Media, MediaMeta } from './media.ts';

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
