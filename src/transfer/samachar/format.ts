/**
 * The Samachar export format, version 1 (decision 020; documented in README.md):
 *
 *   DIR/manifest.json          what is in the folder (below), written last
 *   DIR/tables/<table>.jsonl   one JSON object per line per row, keyed by column name, in key order
 *   DIR/media/<file>           every variant file of every photo, as stored under DATA_DIR/media
 *
 * Values are JSON as the database gives them, with times as ISO 8601 UTC strings. The
 * manifest names the format and its version, the Samachar version and database it came
 * from, the migrations that database had, and for every file its size and SHA-256, so an
 * import can refuse a folder that was changed, cut short or made by a newer Samachar.
 */
import { z } from 'zod';

export const FORMAT = 'samachar-export';
export const FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const TABLES_DIR = 'tables';
export const MEDIA_DIR = 'media';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A file name inside the export: no folders, no dot files (nothing can point outside DIR). */
const FileName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/);

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  samacharVersion: z.string(),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  withSecrets: z.boolean(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
      file: FileName,
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: Sha256,
    }),
  ),
  media: z.array(z.object({ file: FileName, bytes: z.number().int().nonnegative(), sha256: Sha256 })),
  /** Photo files the database named but the media folder did not have when exporting. */
  missingMedia: z.array(z.string()),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** An export or import that cannot go on: one line for the operator, nothing half-done. */
export class TransferError extends Error {
  override name = 'TransferError';
}
