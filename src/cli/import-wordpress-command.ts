/**
 * `samachar import wordpress FILE.xml [--uploads DIR] [--dry-run]`: the WordPress import
 * (src/transfer/wordpress/) with a progress bar and a report. A file that cannot be
 * imported safely stops with one line saying why, before anything is written.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Services } from '../services.ts';
import { importWordpress, type WordpressImportReport, WxrError } from '../transfer/wordpress/wordpress-import.ts';
import { progressBar } from './progress-bar.ts';

export const IMPORT_WORDPRESS_USAGE = 'Usage: samachar import wordpress FILE.xml [--uploads DIR] [--dry-run] [--accounts]';

export async function importWordpressCommand(args: string[], openServices: () => Promise<Services>, afterChange: () => void = () => {}): Promise<number> {
  let parsed: { values: { uploads?: string | undefined; 'dry-run'?: boolean | undefined; accounts?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { uploads: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, accounts: { type: 'boolean', default: false } } });
  } catch (err) {
    console.error(`import wordpress: ${(err as Error).message}\n${IMPORT_WORDPRESS_USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(`import wordpress needs one export file (Tools → Export → All content in WordPress).\n${IMPORT_WORDPRESS_USAGE}`);
    return 2;
  }
  if (!isFile(file)) {
    console.error(`import wordpress: ${file} is not a file that can be read.`);
    return 2;
  }
  const uploads = parsed.values.uploads;
  if (uploads !== undefined && !isDirectory(uploads)) {
    console.error(`import wordpress: --uploads ${uploads} is not a folder (give WordPress's wp-content/uploads).`);
    return 2;
  }
  const dryRun = parsed.values['dry-run'] === true;
  const services = await openServices();
  try {
    // Two bars: the file is checked whole before anything is written, then imported.
    const size = fs.statSync(file).size;
    const check = progressBar('checking the file (MB)');
    const bar = progressBar(dryRun ? 'reading stories' : 'importing stories');
    let checking = true;
    const report = await importWordpress(services, {
      file,
      uploadsDir: uploads ?? null,
      dryRun,
      accounts: parsed.values.accounts === true,
      onCheckProgress: (bytes) => check.update(Math.ceil(bytes / 1e6), Math.max(1, Math.ceil(size / 1e6))),
      onProgress: (done, total) => {
        if (checking) {
          checking = false;
          check.done();
        }
        bar.update(done, total);
      },
    });
    if (checking) check.done();
    bar.done();
    console.log(describeReport(report));
    if (!dryRun) afterChange();
    return 0;
  } catch (err) {
    if (err instanceof WxrError) {
      console.error(`import wordpress: ${file} cannot be imported: ${err.message}. Nothing was changed.`);
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The report as the operator reads it: what was made, what was there, and everything not carried over as it was. */
export function describeReport(r: WordpressImportReport): string {
  const lines = [
    r.dryRun ? `Dry run of the import from ${r.site}: nothing was written. It would create:` : `Imported from ${r.site}:`,
    `  created: ${list(r.created)}`,
    `  already there (left as they were): ${list(r.existing)}`,
    `  stories by status: ${list(r.statuses)}`,
    `  skipped: ${list(r.skipped)}`,
    `  kept as plain paragraphs (no Samachar block for them): ${list(r.keptAsText)}`,
    `  removed (scripts, styles, frames, forms): ${list(r.removed)}`,
    `  unsafe links (text kept, link dropped): ${r.unsafeLinks}`,
    `  photos not found: ${r.missingPhotos}`,
    `  password-protected posts (imported unpublished): ${r.passwordProtected}`,
    `  sticky posts not pinned: ${r.unpinned}`,
  ];
  if (r.created.accounts > 0 && !r.dryRun) lines.push('New accounts have no password anyone knows: give each a link with `samachar user reset-password --email E`.');
  if (r.problems.length) lines.push('Problems:', ...r.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
}
