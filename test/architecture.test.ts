/**
 * The import boundaries of DESIGN.md are lint rules; these tests show each rule fires
 * where it should (with its reason) and stays quiet where the import is allowed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: { file: string; code: string; expect: RegExp | null }[] = [
  { file: 'src/http/site/x.ts', code: "import { Kysely } from 'kysely';\nexport const k = Kysely;\n", expect: /Only \*-store\.ts files/ },
  { file: 'src/http/site/x.ts', code: "import { ArticleStore } from '../../domain/articles/article-store.ts';\nexport const s = ArticleStore;\n", expect: /http\/ never touches storage/ },
  { file: 'src/http/site/x.ts', code: "import { migrateToLatest } from '../../storage/migrate.ts';\nexport const m = migrateToLatest;\n", expect: /http\/ never touches storage/ },
  { file: 'src/render/pages/x.tsx', code: "import fs from 'node:fs';\nexport const f = fs;\n", expect: /render\/ is pure/ },
  { file: 'src/render/pages/x.tsx', code: "import { ArticleService } from '../../domain/articles/article-service.ts';\nexport const s = ArticleService;\n", expect: /render\/ is pure/ },
  { file: 'src/render/pages/x.tsx', code: "import { loadConfig } from '../../config.ts';\nexport const c = loadConfig;\n", expect: /render\/ is pure/ },
  { file: 'src/domain/articles/article-service.ts', code: "import { sql } from 'kysely';\nexport const q = sql;\n", expect: /Only \*-store\.ts files/ },
  { file: 'src/lib/x.ts', code: "import fs from 'node:fs';\nexport const f = fs;\n", expect: /pure \(no I\/O\)/ },
  { file: 'src/lib/x.ts', code: "import type { Article } from '../domain/articles/article.ts';\nexport type A = Article;\n", expect: /sit below everything else/ },
  { file: 'src/domain/articles/x.ts', code: 'export const port = process.env.PORT;\n', expect: /only in src\/config\.ts/ },
  // Allowed: stores use Kysely, render uses domain types, http uses services.
  { file: 'src/domain/articles/article-store.ts', code: "import { sql } from 'kysely';\nexport const q = sql;\n", expect: null },
  { file: 'src/render/pages/x.tsx', code: "import type { Article } from '../../domain/articles/article.ts';\nexport type A = Article;\n", expect: null },
  { file: 'src/http/site/x.ts', code: "import type { Services } from '../../services.ts';\nexport type S = Services;\n", expect: null },
  { file: 'src/config.ts', code: 'export const port = process.env.PORT;\n', expect: null },
];

for (const c of cases) {
  test(`${c.file}: ${c.code.split('\n')[0]} → ${c.expect ? 'refused' : 'allowed'}`, async () => {
    const messages = await messagesFor(c.file, c.code);
    if (c.expect) assert.ok(messages.some((m) => c.expect!.test(m)), messages.join('\n') || 'no lint message');
    else assert.deepEqual(messages, []);
  });
}
