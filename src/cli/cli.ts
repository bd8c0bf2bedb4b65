/**
 * The `samachar` command. Each command calls the same services the server uses.
 *
 *   samachar serve             start the site (as `npm start`)
 *   samachar migrate           apply pending database migrations
 *   samachar demo [--reset]    load the demo site into an empty database; --reset replaces all content
 *   samachar user create …     create a newsroom account
 *   samachar reindex [--fresh] rebuild the search index
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo/demo-service.ts';
import { startServer, stopOnSignals } from '../server.ts';
import { createServices } from '../services.ts';
import { connectStorage } from '../storage/connect.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { progressBar } from './progress-bar.ts';
import { ROLES, type Role } from '../domain/users/user.ts';
import { DomainError } from '../errors.ts';

/** The first line of a stream, without its line ending. */
async function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  let data = '';
  for await (const chunk of stream) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

const USAGE = `Usage: samachar <command> [options]

Commands:
  serve              start the site (PORT, DATABASE_URL, DATA_DIR from the environment)
  migrate            apply pending database migrations
  demo [--reset]     load the demo site into an empty database;
                     --reset first removes all articles, sections, tags, authors, photos and widgets
  reindex [--fresh]  rebuild the search index from the articles (the site stays up;
                     --fresh empties it first, faster, searches see a partial index meanwhile)
  user create --email E --name N --role R [--password-stdin]
                     create a newsroom account (R: admin, editor, reporter, contributor);
                     prints a generated password, or reads one line from stdin
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
    case 'reindex': {
      const { values } = parseArgs({ args: rest, options: { fresh: { type: 'boolean', default: false } } });
      const services = await createServices(config);
      try {
        const started = Date.now();
        const bar = progressBar('search index');
        const report = await services.search.reindex({ fresh: values.fresh, onProgress: bar.update });
        bar.done();
        console.log(`Indexed ${report.indexed} published articles of ${report.articles} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await services.close();
      }
      return 0;
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'create') {
        console.error(`Unknown: user ${sub ?? ''}\n\n${USAGE}`);
        return 2;
      }
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', default: 'admin' },
          'password-stdin': { type: 'boolean', default: false },
        },
      });
      if (!values.email || !values.name) {
        console.error('user create needs --email and --name');
        return 2;
      }
      if (!ROLES.includes(values.role as Role)) {
        console.error(`--role must be one of: ${ROLES.join(', ')}`);
        return 2;
      }
      const password = values['password-stdin'] ? await readLine(process.stdin) : undefined;
      const services = await createServices(config);
      try {
        const { user, password: used } = await services.users.create({
          email: values.email,
          name: values.name,
          role: values.role as Role,
          ...(password === undefined ? {} : { password }),
        });
        console.log(`Created ${user.role} ${user.email}.`);
        if (password === undefined) console.log(`Password: ${used}\n(shown only now; change it under "My account" after signing in)`);
      } catch (err) {
        if (err instanceof DomainError) {
          console.error(err.code === 'CONFLICT' ? `An account with ${values.email} exists already.` : `Invalid ${err.field ?? 'input'}.`);
          return 1;
        }
        throw err;
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
