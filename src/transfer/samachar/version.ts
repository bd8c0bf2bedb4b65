import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../http/assets/package-root.ts';

/** Samachar's version (package.json), written into every export's manifest. */
export function samacharVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
