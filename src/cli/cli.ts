/**
 * The `samachar` command. Each command calls the same services the server uses.
 *
 *   samachar serve             start the site (as `npm start`)
 *   samachar migrate           apply pending database migrations
 *   samachar demo [--reset]    load the demo site into an empty database; --reset replaces all content
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo/demo-service.ts';
import { startServer, stopOnSignals } from '../server.ts';
import { createServices } from '../services.ts';
import { connectStorage } from '../storage/connect.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { progressBar } from './progress-bar.ts';

const USAGE = `Usage: samachar <command> [options]

Commands:
  serve              start the site (PORT, DATABASE_URL, DATA_DIR from the environment)
  migrate            apply pending database migrations
  demo [--reset]     load the demo site into an empty database;
                     --reset first removes all articles, sections, tags, authors, photos and widgets
  help               show this text
`;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      stopOnSignals(server);
      console.log(`Samachar is running at ${server.url}`);
      return -1;
    }
    case 'migrate': {
      const storage = await connectStorage(config.database);
      try {
        const { applied } = await migrateToLatest(storage);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { reset: { type: 'boolean', default: false } } });
      const services = await createServices(config);
      try {
        const bar = progressBar('demo articles');
        const report = await loadDemo(services, { reset: values.reset, onProgress: bar.update });
        bar.done();
        console.log(
          report.loaded
            ? `Loaded the demo site: ${report.articles} articles, ${report.photos} photos.`
            : 'The database already has articles; nothing was changed. Use --reset to replace them with the demo.',
        );
      } finally {
        await services.close();
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}
