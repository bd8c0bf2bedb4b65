/**
 * The search pipeline's boundary (eslint.config.js): src/search/hindi/ is pure. These show
 * the rule fires, with its reason, and stays quiet for what the pipeline may import.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: { code: string; expect: RegExp | null }[] = [
  { code: "import fs from 'node:fs';\nexport const f = fs;\n", expect: /pure text pipeline \(no I\/O\)/ },
  { code: "import { sql } from 'kysely';\nexport const q = sql;\n", expect: /Only \*-store\.ts files/ },
  { code: "import { SearchIndexStore } from '../search-index-store.ts';\nexport const s = SearchIndexStore;\n", expect: /may import lib\// },
  { code: "import { SearchService } from '../search-service.ts';\nexport const s = SearchService;\n", expect: /may import lib\// },
  { code: "import { loadConfig } from '../../config.ts';\nexport const c = loadConfig;\n", expect: /may import lib\// },
  { code: "import { transliterateWord } from '../../lib/slug.ts';\nexport const t = transliterateWord;\n", expect: null },
  { code: "import { foldWord } from './normalize.ts';\nexport const f = foldWord;\n", expect: null },
];

for (const c of cases) {
  test(`src/search/hindi/x.ts: ${c.code.split('\n')[0]} → ${c.expect ? 'refused' : 'allowed'}`, async () => {
    const messages = await messagesFor('src/search/hindi/x.ts', c.code);
    if (c.expect) assert.ok(messages.some((m) => c.expect!.test(m)), messages.join('\n') || 'no lint message');
    else assert.deepEqual(messages, []);
  });
}
