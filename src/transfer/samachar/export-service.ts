/**
 * `samachar export`: the whole site into a folder in the Samachar export format
 * (format.ts), read in one transaction so the rows are the site at one moment, a page of
 * rows at a time (a site of any size streams through in constant memory).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { MEDIA_FILE_NAME, VARIANT_FORMATS, variantFileName } from '../../domain/media/media.ts';
import type { Storage } from '../../storage/connect.ts';
import { FORMAT, FORMAT_VERSION, type Manifest, MANIFEST_FILE, MEDIA_DIR, TABLES_DIR, TransferError } from './format.ts';
import { EXPORTED, type ExportedTable } from './tables.ts';
import { type Row, TransferStore } from './transfer-store.ts';
import { samacharVersion } from './version.ts';

import type { MediaFiles } from '../../domain/media/media-files.ts';

const PAGE = 1000;

export interface ExportOptions {
  /** The folder to write; it must not exist, or be empty. */
  outDir: string;
  /** Where the site's photo files are (Config.mediaDir). */
  mediaDir: string;
  /** The media store (Services.mediaFiles): with S3, each file is fetched into mediaDir before it is copied. */
  files?: MediaFiles;
  /** Password hashes, preview and reset link hashes, the comment secret (a backup needs them). */
  withSecrets?: boolean;
  /** Rows written so far of all rows (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Photo files copied so far. */
  onMediaProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  readonly manifest: Manifest;
  readonly rows: number;
}

export async function exportSite(storage: Storage, options: ExportOptions): Promise<ExportReport> {
  const created = prepareOutDir(options.outDir);
  try {
    return await writeExport(storage, options);
  } catch (err) {
    // Nothing half-written is left to be mistaken for an export.
    if (created) fs.rmSync(options.outDir, { recursive: true, force: true });
    else for (const name of [MANIFEST_FILE, TABLES_DIR, MEDIA_DIR]) fs.rmSync(path.join(options.outDir, name), { recursive: true, force: true });
    throw err;
  }
}

/** Refuses a folder with anything in it (an export never mixes with other files); true when it was created here. */
function prepareOutDir(outDir: string): boolean {
  let entries: string[];
  try {
    entries = fs.readdirSync(outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new TransferError(`${outDir} cannot be used for the export (${code ?? String(err)}).`);
    fs.mkdirSync(outDir, { recursive: true });
    return true;
  }
  if (entries.length > 0) throw new TransferError(`${outDir} is not empty: give a new or empty folder for the export.`);
  return false;
}

async function writeExport(storage: Storage, options: ExportOptions): Promise<ExportReport> {
  const withSecrets = options.withSecrets ?? false;
  fs.mkdirSync(path.join(options.outDir, TABLES_DIR));
  fs.mkdirSync(path.join(options.outDir, MEDIA_DIR));
  const store = new TransferStore(storage.db, storage.dialect);
  const mediaFiles = new Set<string>();

  const { tables, migrations, rows } = await store.transaction(
    async (trx) => {
      const present = new Set(await trx.tables());
      const migrations = await trx.migrations();
      const chosen = EXPORTED.filter((t) => present.has(t.name) && (withSecrets || !t.secret));
      const counts = new Map<string, number>();
      for (const table of chosen) counts.set(table.name, await trx.count(table.name));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      let done = 0;
      const tables: Manifest['tables'] = [];
      for (const table of chosen) {
        const written = await writeTable(trx, table, path.join(options.outDir, TABLES_DIR, `${table.name}.jsonl`), withSecrets, (row) => {
          if (table.name === 'media') for (const file of mediaFileNames(row)) mediaFiles.add(file);
          options.onProgress?.(++done, total);
        });
        tables.push({ name: table.name, file: `${table.name}.jsonl`, ...written });
      }
      options.onProgress?.(total, total);
      return { tables, migrations, rows: total };
    },
    { snapshot: true },
  );

  // Photo files are named by their content and never rewritten, so copying them after the
  // transaction still gives the files of the rows read in it (unless a photo was deleted meanwhile: listed as missing).
  const media: Manifest['media'] = [];
  const missingMedia: string[] = [];
  let copied = 0;
  for (const file of [...mediaFiles].sort()) {
    const from = path.join(options.mediaDir, file);
    if (options.files?.kind === 's3' && !(await options.files.fetch(file))) {
      missingMedia.push(file);
      options.onMediaProgress?.(++copied, mediaFiles.size);
      continue;
    }
    const to = path.join(options.outDir, MEDIA_DIR, file);
    try {
      media.push({ file, ...(await copyWithHash(from, to)) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missingMedia.push(file);
    }
    options.onMediaProgress?.(++copied, mediaFiles.size);
  }

  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    samacharVersion: samacharVersion(),
    createdAt: new Date().toISOString(),
    dialect: storage.dialect,
    withSecrets,
    migrations,
    tables,
    media,
    missingMedia,
  };
  // Written last, through a temporary name: a folder with a manifest is a finished export.
  const manifestPath = path.join(options.outDir, MANIFEST_FILE);
  fs.writeFileSync(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${manifestPath}.partial`, manifestPath);
  return { manifest, rows };
}

/** The variant files of a media row (only names a photo file can have: nothing outside the folder). */
function mediaFileNames(row: Row): string[] {
  const key = String(row.file_key ?? '');
  const widths = String(row.variant_widths ?? '')
    .split(',')
    .map((w) => Number(w))
    .filter((w) => Number.isInteger(w) && w > 0);
  return widths.flatMap((w) => VARIANT_FORMATS.map((f) => variantFileName(key, w, f))).filter((name) => MEDIA_FILE_NAME.test(name));
}

/** What an exported row holds: secrets left out unless asked for. */
function exportedRow(table: ExportedTable, row: Row, withSecrets: boolean): Row | null {
  if (withSecrets) return row;
  if (table.secretRows && table.secretRows.includes(String(row[table.key[0]!]))) return null;
  if (!table.secretColumns) return row;
  const out = { ...row };
  for (const column of Object.keys(table.secretColumns)) delete out[column];
  return out;
}

async function writeTable(store: TransferStore, table: ExportedTable, file: string, withSecrets: boolean, onRow: (row: Row) => void): Promise<{ rows: number; bytes: number; sha256: string }> {
  const out = fs.createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  const finished = once(out, 'close');
  try {
    let after: unknown[] | null = null;
    for (;;) {
      const page = await store.page(table.name, table.key, after, PAGE);
      for (const row of page) {
        onRow(row);
        const kept = exportedRow(table, row, withSecrets);
        if (!kept) continue;
        const line = `${JSON.stringify(kept)}\n`;
        hash.update(line);
        bytes += Buffer.byteLength(line);
        rows++;
        if (!out.write(line)) await once(out, 'drain');
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = table.key.map((k) => last[k]);
    }
  } finally {
    out.end();
    await finished;
  }
  return { rows, bytes, sha256: hash.digest('hex') };
}

async function copyWithHash(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  await fs.promises.copyFile(from, to);
  return fileDigest(to);
}

/** Size and SHA-256 of a file, read as a stream. */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
