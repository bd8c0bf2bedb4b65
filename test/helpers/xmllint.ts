/**
 * Validates XML against a published schema with Debian's `xmllint --schema` (libxml2-utils),
 * offline (`--nonet`): the schemas are in test/fixtures/xsd/. .ci/run installs the package.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const XSD_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'xsd');

/** sitemap.xsd with the image and news extensions loaded (a urlset), or siteindex.xsd (an index). */
export type SitemapSchema = 'urlset' | 'siteindex';

const SCHEMA_FILE: Record<SitemapSchema, string> = { urlset: 'urlset-with-extensions.xsd', siteindex: 'siteindex.xsd' };

/** null when `xml` is valid against the schema; otherwise xmllint's complaint. */
export function schemaErrors(xml: string, schema: SitemapSchema): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samachar-xmllint-'));
  try {
    const file = path.join(dir, 'doc.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(XSD_DIR, SCHEMA_FILE[schema]), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return null;
  } catch (err) {
    const e = err as { stderr?: Buffer; code?: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is not installed: apt-get install libxml2-utils');
    return e.stderr?.toString() ?? String(err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
