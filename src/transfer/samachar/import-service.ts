/**
 * `samachar import samachar DIR`: a folder in the Samachar export format into an empty
 * site, on either database. Everything is checked before anything is written (the format
 * and its version, the migrations, every file's size and SHA-256, that the site is empty);
 * the rows then go in, in tables.ts's order, in one transaction, keeping their ids; the
 * photo files are copied first and removed again if the transaction fails. Afterwards the
 * search index and the desk's headline keys are rebuilt from the imported stories.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { contentTypeOf, MEDIA_FILE_NAME } from '../../domain/media/media.ts';
import type { Services } from '../../services.ts';
import { fileDigest } from './export-service.ts';
import { FORMAT, FORMAT_VERSION, type Manifest, MANIFEST_FILE, ManifestSchema, MEDIA_DIR, TABLES_DIR, TransferError } from './format.ts';
import { EXPORTED, exportedTable, type ExportedTable } from './tables.ts';
import { type Row, TransferStore } from './transfer-store.ts';

/** Most bound values in one INSERT (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_VALUES = 10_000;
const MAX_ROWS = 500;

export interface ImportOptions {
  /** Rows inserted so far of all rows. */
  onProgress?: (done: number, total: number) => void;
  /** Articles indexed for search so far. */
  onIndexProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  readonly manifest: Manifest;
  readonly rows: number;
  readonly mediaFiles: number;
  readonly indexed: number;
}

export async function importSite(services: Services, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const manifest = readManifest(dir);
  const store = new TransferStore(services.storage.db, services.storage.dialect);
  await checkCompatible(store, manifest);
  await verifyFiles(dir, manifest);
  await checkEmpty(store);

  const createdFiles = await copyMedia(dir, manifest, services.config.mediaDir);
  let rows: number;
  try {
    // With S3 the files go into the bucket before any row names them (local: nothing to do).
    for (const entry of manifest.media) await services.mediaFiles.publish(entry.file, contentTypeOf(entry.file));
    rows = await store.transaction((trx) => insertTables(trx, dir, manifest, options.onProgress));
  } catch (err) {
    for (const file of createdFiles) fs.rmSync(file, { force: true });
    throw err;
  }
  const report = await services.search.reindex({ fresh: true, ...(options.onIndexProgress ? { onProgress: options.onIndexProgress } : {}) });
  await services.deskList.refreshKeys();
  return { manifest, rows, mediaFiles: manifest.media.length, indexed: report.indexed };
}

/** The manifest, checked: a Samachar export of a format version this Samachar reads. */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TransferError(
      code === 'ENOENT'
        ? `${dir} is not a finished Samachar export: it has no ${MANIFEST_FILE} (an export writes it last; was it interrupted?).`
        : `${file} cannot be read (${code ?? String(err)}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TransferError(`${file} is not valid JSON: the export was damaged or cut short; make it again.`);
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (head?.format !== FORMAT) throw new TransferError(`${file} is not a Samachar export manifest (format "${String(head?.format)}", expected "${FORMAT}").`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > FORMAT_VERSION) {
    throw new TransferError(
      `${dir} was made by a newer Samachar (export format version ${head.formatVersion}; this Samachar reads up to ${FORMAT_VERSION}): upgrade Samachar, then import it.`,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TransferError(`${file} is not a valid manifest (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'}).`);
  }
  return parsed.data;
}

async function checkCompatible(store: TransferStore, manifest: Manifest): Promise<void> {
  const known = new Set(await store.migrations());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new TransferError(`The export comes from a newer Samachar: its database had migrations this one does not know (${unknown.join(', ')}). Upgrade Samachar, then import it.`);
  }
  const present = new Set(await store.tables());
  const seen = new Set<string>();
  for (const entry of manifest.tables) {
    const table = exportedTable(entry.name);
    if (!table || !present.has(entry.name)) throw new TransferError(`The export has a table this Samachar does not import: ${entry.name}.`);
    if (entry.file !== `${entry.name}.jsonl`) throw new TransferError(`The manifest names ${entry.file} for the table ${entry.name}; expected ${entry.name}.jsonl.`);
    if (seen.has(entry.name)) throw new TransferError(`The manifest lists the table ${entry.name} twice.`);
    seen.add(entry.name);
  }
  for (const entry of manifest.media) {
    if (!MEDIA_FILE_NAME.test(entry.file)) throw new TransferError(`The manifest names a media file that is not a photo variant: ${entry.file}.`);
  }
}

/** Every file the manifest names has its size and SHA-256: nothing was changed, cut short or left out. */
async function verifyFiles(dir: string, manifest: Manifest): Promise<void> {
  const files = [
    ...manifest.tables.map((t) => ({ file: path.join(TABLES_DIR, t.file), bytes: t.bytes, sha256: t.sha256 })),
    ...manifest.media.map((m) => ({ file: path.join(MEDIA_DIR, m.file), bytes: m.bytes, sha256: m.sha256 })),
  ];
  for (const expected of files) {
    let actual: { bytes: number; sha256: string };
    try {
      actual = await fileDigest(path.join(dir, expected.file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new TransferError(`${expected.file} is missing from the export (${code ?? String(err)}): copy the whole folder, or make the export again.`);
    }
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new TransferError(
        `${expected.file} does not match the manifest (${actual.bytes} bytes, expected ${expected.bytes}${actual.bytes === expected.bytes ? '; its SHA-256 differs' : ''}): it was changed or cut short. Nothing was imported; make the export again.`,
      );
    }
  }
}

/** Only an empty site is imported into: an import never mixes with or replaces a site's content. */
async function checkEmpty(store: TransferStore): Promise<void> {
  const present = new Set(await store.tables());
  const filled: string[] = [];
  // Settings may exist on a new site (the comment secret is made on first use); the import writes its own over them.
  for (const table of EXPORTED) {
    if (table.name === 'settings' || !present.has(table.name)) continue;
    const n = await store.count(table.name);
    if (n > 0) filled.push(`${table.name}: ${n}`);
  }
  if (filled.length > 0) {
    throw new TransferError(
      `The site is not empty (rows in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}): import into a new site (an empty DATA_DIR, or an empty PostgreSQL database) with SAMACHAR_DEMO=0.`,
    );
  }
}

/** Copies the photo files that are not there yet; returns those it created (removed again on failure). */
async function copyMedia(dir: string, manifest: Manifest, mediaDir: string): Promise<string[]> {
  const created: string[] = [];
  try {
    fs.mkdirSync(mediaDir, { recursive: true });
    for (const entry of manifest.media) {
      const target = path.join(mediaDir, entry.file);
      if (fs.existsSync(target)) {
        // Files are named by their content: one of that name is that photo, unless it was damaged.
        const existing = await fileDigest(target);
        if (existing.sha256 === entry.sha256) continue;
      }
      const partial = `${target}.${process.pid}.partial`;
      await fs.promises.copyFile(path.join(dir, MEDIA_DIR, entry.file), partial);
      fs.renameSync(partial, target);
      created.push(target);
    }
  } catch (err) {
    for (const file of created) fs.rmSync(file, { force: true });
    throw err;
  }
  return created;
}

async function insertTables(store: TransferStore, dir: string, manifest: Manifest, onProgress?: (done: number, total: number) => void): Promise<number> {
  const total = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  const entries = new Map(manifest.tables.map((t) => [t.name, t]));
  for (const table of EXPORTED) {
    const entry = entries.get(table.name);
    if (!entry) continue;
    const columns = new Set(await store.columns(table.name));
    // A new site may have made settings of its own (its comment secret): the site's settings replace them.
    if (table.name === 'settings') await store.clear(table.name);
    // A reference to a row of the same table that comes later (a reply to a later comment,
    // the two halves of a translation pair) is set once that row is in.
    const selfRefs = (await store.foreignKeys(table.name)).filter((fk) => fk.references === table.name && fk.column !== 'id').map((fk) => fk.column);
    const later: { id: number; column: string; value: number }[] = [];
    let batch: Row[] = [];
    let batchShape = '';
    let rows = 0;
    const flush = async () => {
      await store.insert(table.name, batch);
      batch = [];
    };
    const lines = readline.createInterface({ input: fs.createReadStream(path.join(dir, TABLES_DIR, entry.file), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      rows++;
      if (rows > entry.rows) throw new TransferError(`${TABLES_DIR}/${entry.file} has more rows than the manifest says (${entry.rows}).`);
      const row = importedRow(table, line, rows, entry.file, columns, manifest.withSecrets);
      for (const column of selfRefs) {
        const value = row[column];
        if (typeof value === 'number' && typeof row.id === 'number' && value >= row.id) {
          later.push({ id: row.id, column, value });
          row[column] = null;
        }
      }
      const shape = Object.keys(row).join(',');
      const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_VALUES / Math.max(1, Object.keys(row).length)));
      if (batch.length > 0 && (shape !== batchShape || batch.length >= perStatement)) await flush();
      batchShape = shape;
      batch.push(row);
      done++;
      onProgress?.(done, total);
    }
    await flush();
    if (rows !== entry.rows) throw new TransferError(`${TABLES_DIR}/${entry.file} has ${rows} rows, but the manifest says ${entry.rows}.`);
    for (const ref of later) await store.setColumn(table.name, ref.id, ref.column, ref.value);
    if (columns.has('id')) await store.resetSequence(table.name);
  }
  return done;
}

/** One line of a table's file as a row to insert: a JSON object of known columns and plain values. */
function importedRow(table: ExportedTable, line: string, n: number, file: string, columns: ReadonlySet<string>, withSecrets: boolean): Row {
  const where = `${TABLES_DIR}/${file}, row ${n}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new TransferError(`${where} is not valid JSON.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TransferError(`${where} is not a JSON object.`);
  const row: Row = {};
  for (const [column, v] of Object.entries(value)) {
    if (!columns.has(column)) throw new TransferError(`${where} has a column the table ${table.name} does not have: ${column}.`);
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new TransferError(`${where}: ${column} is not a plain value.`);
    row[column] = v as string | number | null;
  }
  if (!withSecrets) for (const [column, placeholder] of Object.entries(table.secretColumns ?? {})) row[column] ??= placeholder;
  for (const [column, reset] of Object.entries(table.derivedColumns ?? {})) if (columns.has(column)) row[column] = reset;
  return row;
}
