/**
 * tables.ts covers every table of a freshly migrated database, on both databases: a new
 * table (another issue's migration) fails here, by name, until it is placed in EXPORTED or
 * NOT_EXPORTED. EXPORTED is in dependency order, and every table's key columns exist.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { EXPORTED, NOT_EXPORTED } from './tables.ts';
import { TransferStore } from './transfer-store.ts';

for (const dialect of DIALECTS) {
  describe(`export tables (${dialect})`, () => {
    let t: TestServices;
    let store: TransferStore;
    let tables: string[];

    before(async () => {
      t = await openTestServices(dialect);
      store = new TransferStore(t.services.storage.db, t.services.storage.dialect);
      tables = await store.tables();
    });
    after(() => t.close());

    test('every table of the database is exported or named as not exported', () => {
      assert.ok(tables.includes('articles') && tables.includes('users'), `tables listed: ${tables.join(', ')}`);
      const placed = new Set([...EXPORTED.map((e) => e.name), ...Object.keys(NOT_EXPORTED)]);
      const unplaced = tables.filter((name) => !placed.has(name));
      assert.deepEqual(unplaced, [], `tables in neither list of src/transfer/samachar/tables.ts: ${unplaced.join(', ')}`);
    });

    test('no table is in both lists', () => {
      const both = EXPORTED.filter((e) => e.name in NOT_EXPORTED).map((e) => e.name);
      assert.deepEqual(both, []);
    });

    test('every exported table comes after the tables its foreign keys point at, and only at exported ones', async () => {
      const order = new Map(EXPORTED.map((e, i) => [e.name, i]));
      const problems: string[] = [];
      for (const table of EXPORTED) {
        if (!tables.includes(table.name)) continue;
        for (const fk of await store.foreignKeys(table.name)) {
          if (fk.references === table.name) continue; // set after the row it names is in
          const at = order.get(fk.references);
          if (at === undefined) problems.push(`${table.name}.${fk.column} → ${fk.references} (not exported)`);
          else if (at > order.get(table.name)!) problems.push(`${table.name}.${fk.column} → ${fk.references} (comes later)`);
        }
      }
      assert.deepEqual(problems, []);
    });

    test("every exported table's key, secret and derived columns exist", async () => {
      const problems: string[] = [];
      for (const table of EXPORTED) {
        if (!tables.includes(table.name)) continue;
        const columns = new Set(await store.columns(table.name));
        for (const c of [...table.key, ...Object.keys(table.secretColumns ?? {}), ...Object.keys(table.derivedColumns ?? {})]) {
          if (!columns.has(c)) problems.push(`${table.name}.${c}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  });
}
