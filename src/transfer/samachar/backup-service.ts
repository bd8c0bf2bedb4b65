/**
 * `samachar backup --out FILE` and `samachar restore FILE`: the Samachar export (with
 * secrets) of a running site, as one gzip-compressed tar file, and back.
 *
 * Consistency: on SQLite the database file is first copied with SQLite's online backup API
 * (a copy of one moment while the server keeps writing), and the export reads that copy; on
 * PostgreSQL the export reads in one repeatable-read transaction (one snapshot). The archive
 * holds the export's files with the manifest last, is written under a temporary name and
 * renamed when complete, and is readable by its owner only (it holds password hashes).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { MEDIA_FILE_NAME } from '../../domain/media/media.ts';
import type { Services } from '../../services.ts';
import { connectStorage } from '../../storage/connect.ts';
import { type ExportReport, exportSite } from './export-service.ts';
import { MANIFEST_FILE, MEDIA_DIR, TABLES_DIR, TransferError } from './format.ts';
import { type ImportOptions, type ImportReport, importSite } from './import-service.ts';
import { snapshotSqlite } from './transfer-store.ts';

export interface BackupOptions {
  onProgress?: (done: number, total: number) => void;
  onMediaProgress?: (done: number, total: number) => void;
}

export interface BackupReport extends ExportReport {
  readonly file: string;
  readonly bytes: number;
}

/** A working folder beside `near` (on the same disk as the result), removed afterwards. */
async function withWorkDir<T>(near: string, fn: (dir: string) => Promise<T>): Promise<T> {
  fs.mkdirSync(near, { recursive: true });
  const dir = path.join(near, `.samachar-work-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function backupSite(services: Services, file: string, options: BackupOptions = {}): Promise<BackupReport> {
  if (fs.existsSync(file)) throw new TransferError(`${file} exists already: give a new file name (a backup never overwrites another).`);
  const { config } = services;
  return withWorkDir(path.dirname(path.resolve(file)), async (work) => {
    const exportDir = path.join(work, 'export');
    const exportOptions = { outDir: exportDir, mediaDir: config.mediaDir, files: services.mediaFiles, withSecrets: true, ...options };
    let report: ExportReport;
    if (config.database.dialect === 'sqlite') {
      const snapshot = path.join(work, 'snapshot.db');
      await snapshotSqlite(config.database.sqlitePath, snapshot);
      const storage = await connectStorage({ dialect: 'sqlite', sqlitePath: snapshot }, { integrityCheck: 'never' });
      try {
        report = await exportSite(storage, exportOptions);
      } finally {
        await storage.close();
      }
    } else {
      report = await exportSite(services.storage, exportOptions);
    }
    const partial = `${file}.partial`;
    try {
      await writeArchive(exportDir, partial);
      fs.renameSync(partial, file);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw err;
    }
    return { ...report, file, bytes: fs.statSync(file).size };
  });
}

/** The export's files into a .tar.gz: tables, then photos, then the manifest (a cut-short archive has none). */
async function writeArchive(exportDir: string, file: string): Promise<void> {
  const names = [
    ...fs.readdirSync(path.join(exportDir, TABLES_DIR)).sort().map((n) => `${TABLES_DIR}/${n}`),
    ...fs.readdirSync(path.join(exportDir, MEDIA_DIR)).sort().map((n) => `${MEDIA_DIR}/${n}`),
    MANIFEST_FILE,
  ];
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(file, { mode: 0o600 }));
  try {
    for (const name of names) {
      const source = path.join(exportDir, name);
      const stat = fs.statSync(source);
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name, size: stat.size, mode: 0o600, mtime: stat.mtime }, (err) => (err ? reject(err) : resolve()));
        pipeline(fs.createReadStream(source), entry).catch(reject);
      });
    }
    pack.finalize();
  } catch (err) {
    pack.destroy(err as Error);
  }
  await written;
}

/** Names an archive may hold: nothing else is written, and nothing outside the working folder. */
function allowedEntry(name: string): boolean {
  if (name === MANIFEST_FILE) return true;
  const [folder, base, ...rest] = name.split('/');
  if (rest.length > 0 || !base) return false;
  if (folder === TABLES_DIR) return /^[a-z_][a-z0-9_]{0,62}\.jsonl$/.test(base);
  return folder === MEDIA_DIR && MEDIA_FILE_NAME.test(base);
}

/** Restores a backup into an empty site: the archive is unpacked to a working folder, then imported (every check of an import applies). */
export async function restoreSite(services: Services, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  if (!fs.existsSync(file)) throw new TransferError(`${file} does not exist.`);
  return withWorkDir(path.dirname(path.resolve(services.config.mediaDir)), async (work) => {
    await unpack(file, work);
    return importSite(services, work, options);
  });
}

async function unpack(file: string, dir: string): Promise<void> {
  fs.mkdirSync(path.join(dir, TABLES_DIR));
  fs.mkdirSync(path.join(dir, MEDIA_DIR));
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  reading.catch(() => {}); // its failure is seen by the loop below (the extract stream fails with it)
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type === 'directory' && (name === `${TABLES_DIR}/` || name === `${MEDIA_DIR}/`)) {
        entry.resume();
        continue;
      }
      if (type !== 'file' || !allowedEntry(name)) throw new TransferError(`${file} is not a Samachar backup: it holds ${JSON.stringify(name)}, which a backup never has. Nothing was restored.`);
      await pipeline(entry, fs.createWriteStream(path.join(dir, name), { mode: 0o600 }));
    }
    await reading;
  } catch (err) {
    extract.destroy();
    if (err instanceof TransferError) throw err;
    throw new TransferError(`${file} cannot be read as a Samachar backup (${(err as Error).message}): it is damaged or cut short. Nothing was restored.`, { cause: err });
  }
}
