/**
 * A built app on a test database with the demo site loaded: what the HTTP tests run against.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadDemo } from '../../src/demo/demo-service.ts';
import type { Dialect } from '../../src/storage/connect.ts';
import { openTestServices, type TestServices } from './databases.ts';

export interface TestApp extends TestServices {
  readonly app: FastifyInstance;
}

export async function openDemoApp(dialect: Dialect): Promise<TestApp> {
  const t = await openTestServices(dialect);
  try {
    await loadDemo(t.services);
    const app = await buildApp(t.services);
    return {
      ...t,
      app,
      async close() {
        await app.close();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}
