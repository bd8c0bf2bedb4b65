/**
 * The `samachar` command. Each command calls the same services the server uses.
 *
 *   samachar serve             start the site (as `npm start`)
 *   samachar migrate           apply pending database migrations
 *   samachar demo [--reset]    load the demo site into an empty database; --reset replaces all content
 *   samachar user create …     create a newsroom account
 *   samachar user reset-password --email E   print a one-time password reset link
 *   samachar reindex [--fresh] rebuild the search index
 *   samachar generate --articles N [--seed S] [--comments-per-article C]
 *                              add N generated stories with comments (benchmarks, scale tests)
 *   samachar export --out DIR, import samachar DIR, backup --out FILE, restore FILE   (export-commands.ts)
 *   samachar media migrate --to s3 [--max-files N]   (media-commands.ts)
 */
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.ts';
import { loadDemo } from '../demo/demo-service.ts';
import { StartupError, startServer, stopOnSignals } from '../server.ts';
import { createServices as createServicesFor, type Services } from '../services.ts';
import { connectStorage } from '../storage/connect.ts';
import { dataFolderServer, type LockOwner } from '../storage/data-lock.ts';
import { describeStorageError } from '../storage/storage-errors.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { generateSite, MAX_ARTICLES, MAX_COMMENTS_PER_ARTICLE, MAX_SEED } from '../generate/generate-service.ts';
import { type ProgressBar, progressBar } from './progress-bar.ts';
import { IMPORT_WORDPRESS_USAGE, importWordpressCommand } from './import-wordpress-command.ts';
import { backupCommand, exportCommand, IMPORT_SAMACHAR_USAGE, importSamacharCommand, restoreCommand } from './export-commands.ts';
import { ROLES, type Role } from '../domain/users/user.ts';
import { DomainError } from '../errors.ts';
import { doctor } from '../ops/doctor.ts';
import { mediaCommand } from './media-commands.ts';

/**
 * Commands may run beside a running server (on SQLite, through SQLite's own locking: a
 * writer waits for the other's transaction). Such a server's -wal file is its own, not a
 * sign of a crash, so the integrity check it would trigger is skipped (the server checked
 * the file when it started). Commands run without the statement timeout of request
 * traffic: a rebuild or a bulk load may rightly run long statements.
 */
function commandConfig(config: Config): Config {
  return config.database.dialect === 'postgres' ? { ...config, database: { ...config.database, queryTimeoutMs: 0 } } : config;
}

/** The server holding this SQLite data folder now, if any (always null on PostgreSQL). */
function runningServer(config: Config): LockOwner | null {
  return config.database.dialect === 'sqlite' ? dataFolderServer(config.database.sqlitePath) : null;
}

function createServices(config: Config): Promise<Services> {
  return createServicesFor(commandConfig(config), {
    ...(runningServer(config) ? { integrityCheck: 'never' as const } : {}),
    progress: (line) => console.error(line),
  });
}

/** Says what a bulk change means for a server running beside this command (SQLite has no purge bus). */
function noteRunningServer(config: Config): void {
  const server = runningServer(config);
  if (!server) return;
  console.error(
    `Note: a server${server.pid ? ` (pid ${server.pid})` : ''} is running on this folder; its cached pages show this change within PAGE_CACHE_TTL_S (${config.pageCacheTtlMs / 1000} s), or at once after a restart.`,
  );
}

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
  generate --articles N [--seed S] [--comments-per-article C]
                     add N generated published stories (1 to 1,000,000) with bylines, tags,
                     photos and up to C comments each (default 6), then rebuild the search
                     index; loads the demo site first into an empty database. The same seed
                     (default 42) gives the same stories
  user create --email E --name N --role R [--password-stdin]
                     create a newsroom account (R: admin, editor, reporter, contributor);
                     prints a generated password, or reads one line from stdin
  user reset-password --email E
                     print a one-time password reset link for the account (valid 1 hour,
                     made from SITE_URL); the account's earlier links stop working
  import wordpress FILE.xml [--uploads DIR] [--dry-run] [--accounts]
                     bring in a WordPress export (posts, pages, categories, tags, authors,
                     photos from WordPress's wp-content/uploads, comments) with redirects
                     from the old addresses; running it again creates nothing new;
                     --accounts also makes a contributor account per author (no password
                     until one is set with a reset link)
  export --out DIR [--with-secrets]
                     write the whole site (stories with revisions, sections, tags, authors,
                     accounts, comments, widgets, settings, redirects, photo files) to a new
                     folder as JSON Lines with a manifest; password hashes and other secrets
                     only with --with-secrets
  import samachar DIR
                     bring such a folder into an empty site (either database), then rebuild
                     the search index
  backup --out FILE  a consistent .tar.gz of the running site, secrets included
  media migrate --to s3 [--max-files N]
                     copy the photo library from DATA_DIR/media into the S3_BUCKET bucket
                     (resumable: files already there are skipped; sizes are verified),
                     then print what to set to serve photos from it
  restore FILE       bring such a file back into an empty site
  doctor             print the effective configuration (secrets hidden) and check the
                     database, Redis and S3 when configured, and free disk space; exits 1
                     on a problem
  help               show this text
`;

/** A whole number from `min` to `max` written in digits (grouped as 1,000,000 or 1_000_000 if one likes), or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const written = text.trim();
  if (!/^(?:[0-9]{1,16}|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:_[0-9]{3})+)$/.test(written)) return null;
  const n = Number(written.replace(/[,_]/g, ''));
  return n >= min && n <= max ? n : null;
}

async function generate(config: Config, args: string[]): Promise<number> {
  let values: { articles?: string | undefined; seed?: string | undefined; 'comments-per-article'?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { articles: { type: 'string' }, seed: { type: 'string' }, 'comments-per-article': { type: 'string' } } }));
  } catch (err) {
    console.error(`generate: ${(err as Error).message}\nUsage: samachar generate --articles N [--seed S] [--comments-per-article C]`);
    return 2;
  }
  if (values.articles === undefined) {
    console.error('generate needs --articles N (how many stories, 1 to 1,000,000)');
    return 2;
  }
  const articles = wholeNumber(values.articles, 1, MAX_ARTICLES);
  if (articles === null) {
    console.error(`--articles must be a whole number from 1 to 1,000,000, not "${values.articles}"`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, 0, MAX_SEED);
  if (seed === null) {
    console.error(`--seed must be a whole number from 0 to ${MAX_SEED}, not "${values.seed}"`);
    return 2;
  }
  const perArticle = values['comments-per-article'];
  const commentsPerArticle = perArticle === undefined ? undefined : wholeNumber(perArticle, 0, MAX_COMMENTS_PER_ARTICLE);
  if (commentsPerArticle === null) {
    console.error(`--comments-per-article must be a whole number from 0 to ${MAX_COMMENTS_PER_ARTICLE}, not "${perArticle}"`);
    return 2;
  }

  const services = await createServices(config);
  try {
    if ((await services.articles.count()) === 0) {
      const bar = progressBar('demo articles');
      const demo = await loadDemo(services, { onProgress: bar.update });
      bar.done();
      console.log(`The database was empty: loaded the demo site first (${demo.articles} articles, ${demo.photos} photos).`);
    }
    const articlesBar = progressBar('generated articles');
    let indexBar: ProgressBar | null = null;
    const report = await generateSite(services, {
      articles,
      ...(seed === undefined ? {} : { seed }),
      ...(commentsPerArticle === undefined ? {} : { commentsPerArticle }),
      onProgress: articlesBar.update,
      onIndexProgress: (done, total) => {
        if (!indexBar) {
          articlesBar.done();
          indexBar = progressBar('search index');
        }
        indexBar.update(done, total);
      },
    });
    (indexBar as ProgressBar | null)?.done();
    console.log(
      `Generated ${report.articles} articles (ids ${report.firstId}–${report.lastId}) with ${report.comments} comments in ${report.generateSeconds.toFixed(1)} s; ` +
        `indexed ${report.indexed} published articles in ${report.indexSeconds.toFixed(1)} s.`,
    );
    noteRunningServer(config);
  } catch (err) {
    if (err instanceof DomainError && err.field === 'sections') {
      console.error('The site has no sections: add one in the newsroom, or start from an empty database to get the demo site.');
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
  return 0;
}

/** `user reset-password --email E`: the same service as the users screen's "Make a reset link". */
async function resetPassword(config: Config, args: string[]): Promise<number> {
  let values: { email?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { email: { type: 'string' } } }));
  } catch (err) {
    console.error(`user reset-password: ${(err as Error).message}\nUsage: samachar user reset-password --email E`);
    return 2;
  }
  if (!values.email) {
    console.error('user reset-password needs --email E');
    return 2;
  }
  const services = await createServices(config);
  try {
    const issued = await services.passwordResets.issueForEmail(values.email);
    console.log(`Password reset link for ${issued.user.email} (works once, until ${issued.expiresAt.toISOString()}):\n${issued.url}`);
    // The link is only as good as SITE_URL: on a server without it, it points at localhost.
    if (/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(config.siteUrl)) {
      console.error(`Note: the link uses ${config.siteUrl}; set SITE_URL to the site's public address so it works from another computer.`);
    }
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') {
      console.error(`No account has the email ${values.email}.`);
      return 1;
    }
    if (err instanceof DomainError && err.field === 'disabled') {
      console.error(`The account ${values.email} is disabled; enable it on the users screen first.`);
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
  return 0;
}

export async function runCli(argv: string[]): Promise<number> {
  const config = loadConfig();
  try {
    return await runCommand(config, argv);
  } catch (err) {
    // A database that cannot be opened or used, a port in use: one line that names the file
    // or the server (password hidden) and what to do, instead of a stack trace.
    if (err instanceof StartupError) throw err;
    const line = describeStorageError(err, config.database);
    if (line) throw new StartupError(line, { cause: err });
    throw err;
  }
}

async function runCommand(config: Config, argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      stopOnSignals(server);
      console.log(`Samachar is running at ${server.url}`);
      return -1;
    }
    case 'doctor':
      return doctor(config, (line) => console.log(line));
    case 'migrate': {
      const storage = await connectStorage(commandConfig(config).database, runningServer(config) ? { integrityCheck: 'never' } : {});
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
      const server = values.reset ? runningServer(config) : null;
      if (server) {
        // Replacing every story under a newsroom at work (and a page cache that cannot be told) is refused.
        console.error(`demo --reset replaces all content: stop the server${server.pid ? ` (pid ${server.pid})` : ''} running on this folder first.`);
        return 1;
      }
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
        if (report.loaded) noteRunningServer(config);
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
        // The desk's headline search keys every stale headline; after a bulk change, do it now.
        await services.deskList.refreshKeys();
        console.log(`Indexed ${report.indexed} published articles of ${report.articles} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await services.close();
      }
      return 0;
    }
    case 'export':
      return exportCommand(rest, () => createServices(config));
    case 'backup':
      return backupCommand(rest, () => createServices(config));
    case 'restore':
      return restoreCommand(rest, () => createServices(config), runningServer(config));
    case 'generate':
      return generate(config, rest);
    case 'media':
      return mediaCommand(config, rest);
    case 'import': {
      // `samachar import <kind> …`: each kind has its own file (WordPress: import-wordpress-command.ts).
      const [kind, ...args] = rest;
      if (kind === 'wordpress') return importWordpressCommand(args, () => createServices(config), () => noteRunningServer(config));
      if (kind === 'samachar') return importSamacharCommand(args, () => createServices(config), runningServer(config));
      console.error(`Unknown: import ${kind ?? ''}\n${IMPORT_WORDPRESS_USAGE}\n${IMPORT_SAMACHAR_USAGE}`);
      return 2;
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub === 'reset-password') return resetPassword(config, args);
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
