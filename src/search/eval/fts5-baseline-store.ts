/**
 * Baseline: SQLite FTS5 with its default tokenizer, `unicode61` as shipped (token characters
 * are letters, numbers and private-use only, so Devanagari vowel signs, virama and nukta
 * split words: मुलाकात is indexed as म | ल | क | त). Each query word is given to FTS5 as
 * a quoted string (so FTS5 tokenizes it as it tokenized the text, into a phrase), the words
 * are joined by OR, and rows are ranked by FTS5's bm25() with the headline weighted 2.
 * An in-memory database, for the evaluation only.
 */
import Database from 'better-sqlite3';
import { keptStatements } from '../../storage/connect.ts';

export interface BaselineDoc {
  readonly key: string;
  readonly headline: string;
  readonly rest: string;
}

export class Fts5Baseline {
  private readonly db: Database.Database;
  private readonly prepare: (source: string) => Database.Statement;

  constructor(docs: readonly BaselineDoc[]) {
    this.db = new Database(':memory:');
    // Statements kept for the process's life, as storage/connect.ts explains (Node 24).
    this.prepare = keptStatements(this.db);
    this.db.exec('create virtual table t using fts5(key unindexed, headline, rest)');
    const insert = this.prepare('insert into t (key, headline, rest) values (?, ?, ?)');
    for (const d of docs) insert.run(d.key, d.headline, d.rest);
  }

  search(query: string, limit = 10): string[] {
    const words = query.split(/\s+/).filter((w) => /[\p{L}\p{N}\p{Co}]/u.test(w));
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
    try {
      const rows = this.prepare('select key from t where t match ? order by bm25(t, 0, 2.0, 1.0), key limit ?').all(match, limit) as { key: string }[];
      return rows.map((r) => r.key);
    } catch {
      return [];
    }
  }

  close(): void {
    this.db.close();
  }
}
