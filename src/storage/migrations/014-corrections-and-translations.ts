/**
 * 014: corrections as data, a story's language, and a link to its translation.
 * - `corrections`: JSON list of `{ "date": ISO 8601, "text": … }`, oldest first. A column on
 *   the story, not a table, because corrections are content: they travel whole with the
 *   story's snapshot through the working copy, revisions and Update (decision 015), and the
 *   story's page reads them with its row (decision 025).
 * - `lang`: the story's language (BCP 47, e.g. `hi`, `en`); every story so far is Hindi.
 * - `translation_id`: the same story in another language; kept symmetric by the store
 *   (both rows point at each other). Deleting a story for good clears its partner's link.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table articles add column corrections text not null default '[]'`.execute(db);
  await sql`alter table articles add column lang text not null default 'hi'`.execute(db);
  await sql`alter table articles add column translation_id integer references articles(id) on delete set null`.execute(db);
  await sql`create index articles_translation on articles (translation_id)`.execute(db);
}
