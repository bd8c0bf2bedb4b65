/** Preview links to share a story before it is public. Only a SHA-256 of each link's token is stored. */
import type { Kysely } from 'kysely';
import { readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';

export interface PreviewLink {
  id: number;
  articleId: number;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  createdBy: string | null;
}

export class PreviewLinkStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(articleId: number, tokenHash: string, createdBy: number, now: Date, expiresAt: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('article_preview_links')
      .values({ article_id: articleId, token_hash: tokenHash, created_by: createdBy, created_at: writeTime(now), expires_at: writeTime(expiresAt), revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Links of a story neither revoked nor expired at `now`, newest first. */
  async listActive(articleId: number, now: Date): Promise<PreviewLink[]> {
    const rows = await this.db
      .selectFrom('article_preview_links as l')
      .leftJoin('users as u', 'u.id', 'l.created_by')
      .select(['l.id', 'l.article_id', 'l.created_at', 'l.expires_at', 'l.revoked_at', 'u.name'])
      .where('l.article_id', '=', articleId)
      .where('l.revoked_at', 'is', null)
      .where('l.expires_at', '>', writeTime(now))
      .orderBy('l.id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, articleId: r.article_id, createdAt: readTime(r.created_at), expiresAt: readTime(r.expires_at), revokedAt: readOptionalTime(r.revoked_at), createdBy: r.name }));
  }

  /** Revokes one link of a story; false when there is no such active link. */
  async revoke(articleId: number, linkId: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('article_preview_links')
      .set({ revoked_at: writeTime(now) })
      .where('id', '=', linkId)
      .where('article_id', '=', articleId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The story a token opens at `now`: null for an unknown, revoked or expired token. */
  async articleFor(tokenHash: string, now: Date): Promise<number | null> {
    const row = await this.db
      .selectFrom('article_preview_links')
      .select('article_id')
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', writeTime(now))
      .executeTakeFirst();
    return row?.article_id ?? null;
  }

  /** Forgets links that ended before `before`. */
  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('article_preview_links').where('expires_at', '<', writeTime(before)).execute();
  }
}
