/**
 * Another server process, for tests: runs the scheduled-publishing job once on the
 * database described by argv (config JSON, PostgreSQL schema or '', the time as ISO),
 * and prints the ids it published as JSON.
 */
import type { Config } from '../../src/config.ts';
import { createServices } from '../../src/services.ts';

const [configJson = '{}', schema = '', nowIso = ''] = process.argv.slice(2);
const config = JSON.parse(configJson) as Config;
const services = await createServices(config, { now: () => new Date(nowIso), migrate: false, ...(schema ? { schema } : {}) });
try {
  process.stdout.write(JSON.stringify(await services.desk.publishDue()));
} finally {
  await services.close();
}
