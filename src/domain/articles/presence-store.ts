/**
 * Who has a story open in the editor. Each open editor reports every few seconds; a
 * report older than the window the service asks about means the editor was closed.
 */
import { sql, type Kysely } from 'kysely';
import { readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';

export interface PresenceRow {
  userId: number;
  name: string;
  since: Date;
  seenAt: Date;
}

export class PresenceStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records that `userId` has the story open at `now`. `since` (when they opened it) is
   * kept while reports keep coming, and starts again after a gap longer than `gapStart`.
   */
  async touch(articleId: number, userId: number, now: Date, gapStart: Date): Promise<void> {
    const at = writeTime(now);
    await this.db
      .insertInto('article_presence')
      .values({ article_id: articleId, user_id: userId, since: at, seen_at: at })
      .onConflict((oc) =>
        oc.columns(['article_id', 'user_id']).doUpdateSet({
          since: sql`case when article_presence.seen_at < ${writeTime(gapStart)} then ${at} else article_presence.since end`,
          seen_at: at,
        }),
      )
      .execute();
  }

  /** Everyone who reported on this story after `after`, except `exceptUserId`, longest there first. */
  async list(articleId: number, after: Date, exceptUserId: number): Promise<PresenceRow[]> {
    const rows = await this.db
      .selectFrom('article_presence as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.user_id', 'u.name', 'p.since', 'p.seen_at'])
      .where('p.article_id', '=', articleId)
      .where('p.seen_at', '>', writeTime(after))
      .where('p.user_id', '!=', exceptUserId)
      .orderBy('p.since')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, name: r.name, since: readTime(r.since), seenAt: readTime(r.seen_at) }));
  }

  /** Forgets reports older than `before` (the table stays as small as the number of open editors). */
  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('article_presence').where('seen_at', '<', writeTime(before)).execute();
  }
}
