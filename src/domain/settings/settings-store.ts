import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.ts';

const KEY = 'site';

export class SettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The stored settings document, unvalidated (the service validates and fills defaults). */
  async read(): Promise<unknown> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : {};
  }

  async write(value: object): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ key: KEY, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
