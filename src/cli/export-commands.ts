/**
 * The Samachar export format on the command line (src/transfer/samachar/, decision 020):
 *
 *   samachar export --out DIR [--with-secrets]   the whole site into a folder
 *   samachar import samachar DIR                 such a folder into an empty site
 *   samachar backup --out FILE                   a consistent .tar.gz of a running site (with secrets)
 *   samachar restore FILE                        such a file into an empty site
 *
 * A folder or file that cannot be used stops with one line saying why, and nothing is changed.
 */
import { parseArgs } from 'node:util';
import type { Services } from '../services.ts';
import type { LockOwner } from '../storage/data-lock.ts';
import { backupSite, restoreSite } from '../transfer/samachar/backup-service.ts';
import { exportSite } from '../transfer/samachar/export-service.ts';
import { TransferError } from '../transfer/samachar/format.ts';
import { importSite, type ImportReport } from '../transfer/samachar/import-service.ts';
import { type ProgressBar, progressBar } from './progress-bar.ts';

export const EXPORT_USAGE = 'Usage: samachar export --out DIR [--with-secrets]';
export const IMPORT_SAMACHAR_USAGE = 'Usage: samachar import samachar DIR';
export const BACKUP_USAGE = 'Usage: samachar backup --out FILE';
export const RESTORE_USAGE = 'Usage: samachar restore FILE';

type OpenServices = () => Promise<Services>;

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(name: string, usage: string, args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (err) {
    console.error(`${name}: ${(err as Error).message}\n${usage}`);
    return null;
  }
}

/** Progress bars that follow one another: rows, then photos or the search index. */
function bars() {
  let current: ProgressBar | null = null;
  let label = '';
  const step = (next: string) => (done: number, total: number) => {
    if (label !== next) {
      current?.done();
      current = progressBar(next);
      label = next;
    }
    current!.update(done, total);
  };
  return { step, done: () => (current as ProgressBar | null)?.done() };
}

async function run(name: string, openServices: OpenServices, fn: (services: Services) => Promise<void>): Promise<number> {
  const services = await openServices();
  try {
    await fn(services);
    return 0;
  } catch (err) {
    if (err instanceof TransferError) {
      console.error(`${name}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
}

export async function exportCommand(args: string[], openServices: OpenServices): Promise<number> {
  const parsed = parse('export', EXPORT_USAGE, args, { out: { type: 'string' }, 'with-secrets': { type: 'boolean' } });
  if (!parsed) return 2;
  const out = parsed.values.out;
  if (typeof out !== 'string' || out === '' || parsed.positionals.length > 0) {
    console.error(`export needs --out DIR (a new or empty folder).\n${EXPORT_USAGE}`);
    return 2;
  }
  const withSecrets = parsed.values['with-secrets'] === true;
  return run('export', openServices, async (services) => {
    const progress = bars();
    const report = await exportSite(services.storage, { outDir: out, mediaDir: services.config.mediaDir, files: services.mediaFiles, withSecrets, onProgress: progress.step('rows'), onMediaProgress: progress.step('photo files') });
    progress.done();
    const m = report.manifest;
    console.log(`Exported ${report.rows} rows of ${m.tables.length} tables and ${m.media.length} photo files to ${out} (format version ${m.formatVersion}).`);
    if (!withSecrets) console.log('Without --with-secrets: no password hashes, preview, reset or API key hashes, nor the comment secret. After an import, give each account a link with `samachar user reset-password`.');
    else console.log(`This export holds password hashes and secrets: keep ${out} private.`);
    if (m.missingMedia.length > 0) console.error(`Note: ${m.missingMedia.length} photo files were missing from ${services.config.mediaDir} (e.g. ${m.missingMedia[0]}); the export lists them in missingMedia.`);
  });
}

/** Importing under a server on the same SQLite folder would leave its cached pages of the empty site: refused. */
function refuseBeside(name: string, server: LockOwner | null): boolean {
  if (!server) return false;
  console.error(`${name} fills an empty site: stop the server${server.pid ? ` (pid ${server.pid})` : ''} running on this folder first.`);
  return true;
}

function describeImport(report: ImportReport, from: string): string {
  const m = report.manifest;
  const lines = [
    `Imported ${report.rows} rows and ${report.mediaFiles} photo files from ${from} (a ${m.dialect} site exported by Samachar ${m.samacharVersion} at ${m.createdAt}); indexed ${report.indexed} published stories for search.`,
  ];
  if (!m.withSecrets) lines.push('The export had no password hashes: every account needs a new password (`samachar user reset-password --email E`).');
  if (m.missingMedia.length > 0) lines.push(`Note: ${m.missingMedia.length} photo files were missing when it was exported.`);
  return lines.join('\n');
}

export async function importSamacharCommand(args: string[], openServices: OpenServices, server: LockOwner | null): Promise<number> {
  const parsed = parse('import samachar', IMPORT_SAMACHAR_USAGE, args, {});
  if (!parsed) return 2;
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0) {
    console.error(`import samachar needs one folder made by \`samachar export\`.\n${IMPORT_SAMACHAR_USAGE}`);
    return 2;
  }
  if (refuseBeside('import samachar', server)) return 1;
  return run('import samachar', openServices, async (services) => {
    const progress = bars();
    const report = await importSite(services, dir, { onProgress: progress.step('rows'), onIndexProgress: progress.step('search index') });
    progress.done();
    console.log(describeImport(report, dir));
  });
}

export async function backupCommand(args: string[], openServices: OpenServices): Promise<number> {
  const parsed = parse('backup', BACKUP_USAGE, args, { out: { type: 'string' } });
  if (!parsed) return 2;
  const out = parsed.values.out;
  if (typeof out !== 'string' || out === '' || parsed.positionals.length > 0) {
    console.error(`backup needs --out FILE (a new file, e.g. samachar-$(date +%F).tar.gz).\n${BACKUP_USAGE}`);
    return 2;
  }
  return run('backup', openServices, async (services) => {
    const progress = bars();
    const report = await backupSite(services, out, { onProgress: progress.step('rows'), onMediaProgress: progress.step('photo files') });
    progress.done();
    console.log(`Backed up ${report.rows} rows and ${report.manifest.media.length} photo files to ${out} (${(report.bytes / 1024 / 1024).toFixed(1)} MB). It holds password hashes: keep it private.`);
  });
}

export async function restoreCommand(args: string[], openServices: OpenServices, server: LockOwner | null): Promise<number> {
  const parsed = parse('restore', RESTORE_USAGE, args, {});
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(`restore needs one file made by \`samachar backup\`.\n${RESTORE_USAGE}`);
    return 2;
  }
  if (refuseBeside('restore', server)) return 1;
  return run('restore', openServices, async (services) => {
    const progress = bars();
    const report = await restoreSite(services, file, { onProgress: progress.step('rows'), onIndexProgress: progress.step('search index') });
    progress.done();
    console.log(describeImport(report, file));
  });
}
