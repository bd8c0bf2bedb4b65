/**
 * 013: a photo's focal point (issue 14, point 8), set once by an editor in the media
 * library and used by every crop (card thumbnails, share images, structured-data crops).
 * Stored as whole ten-thousandths of the width and height (0..10000, the centre is 5000):
 * integers compare and round the same on SQLite and PostgreSQL, where a float column would
 * not, and a crop's file name is made from the stored value exactly.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table media add column focal_x integer not null default 5000 check (focal_x between 0 and 10000)`.execute(db);
  await sql`alter table media add column focal_y integer not null default 5000 check (focal_y between 0 and 10000)`.execute(db);
}
