/**
 * Audit log queries. Writes go through `insertAuditEntry` in the caller's transaction (the
 * store that deletes a story or photo records it in the same transaction); reads list the
 * log newest first.
 */
import type { Kysely, Transaction } from 'kysely';
import { readCount, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import { type AuditEntry, type NewAuditEntry, parseAuditDetail } from './audit.ts';

export async function insertAuditEntry(db: Kysely<Database> | Transaction<Database>, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: writeTime(entry.at),
      user_id: entry.userId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

export class AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Entries newest first (by time, then by id for entries of the same moment). */
  async list(limit: number, offset: number): Promise<{ items: AuditEntry[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('audit_log as l')
        .leftJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.id', 'l.at', 'l.user_id', 'u.name', 'l.action', 'l.subject_type', 'l.subject_id', 'l.detail'])
        .orderBy('l.at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: readTime(r.at),
        userId: r.user_id,
        userName: r.name,
        // Written only by this code from AuditAction values; an unknown one is shown as it is.
        action: r.action as AuditEntry['action'],
        subjectType: r.subject_type === 'media' ? 'media' : 'article',
        subjectId: r.subject_id,
        detail: parseAuditDetail(r.detail),
      })),
      total: readCount(count?.n),
    };
  }
}
