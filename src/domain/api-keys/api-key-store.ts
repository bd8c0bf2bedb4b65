/**
 * API keys and the accounts they act as. Returns domain objects, never rows.
 */
import type { Kysely } from 'kysely';
import { readOptionalTime, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { User } from '../users/user.ts';
import { toUser } from '../users/user-store.ts';
import type { ApiKey, ApiKeyRole } from './api-key.ts';

export interface NewApiKeyRow {
  name: string;
  keyHash: string;
  prefix: string;
  role: ApiKeyRole;
  /** The key's own account. */
  accountEmail: string;
  accountName: string;
  /** Something no password verifies against: nobody signs in as a key's account. */
  accountPasswordHash: string;
  createdBy: number;
  now: Date;
}

export class ApiKeyStore {
  constructor(private readonly db: Kysely<Database>) {}

  private listQuery() {
    return this.db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .leftJoin('users as c', 'c.id', 'k.created_by')
      .leftJoin('users as r', 'r.id', 'k.revoked_by')
      .select(['k.id', 'k.name', 'k.prefix', 'k.user_id', 'k.created_at', 'k.last_used_at', 'k.revoked_at', 'u.role', 'c.name as created_by_name', 'r.name as revoked_by_name']);
  }

  /** Makes the key's account and the key in one transaction: both or neither. */
  async insert(input: NewApiKeyRow): Promise<ApiKey> {
    const id = await this.db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          email: input.accountEmail,
          name: input.accountName,
          role: input.role,
          password_hash: input.accountPasswordHash,
          locale: 'en',
          author_id: null,
          disabled: writeBool(false),
          created_at: writeTime(input.now),
          password_changed_at: writeTime(input.now),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const key = await trx
        .insertInto('api_keys')
        .values({ name: input.name, key_hash: input.keyHash, prefix: input.prefix, user_id: user.id, created_by: input.createdBy, created_at: writeTime(input.now), last_used_at: null, revoked_at: null, revoked_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return key.id;
    });
    return (await this.findById(id))!;
  }

  async findById(id: number): Promise<ApiKey | null> {
    const row = await this.listQuery().where('k.id', '=', id).executeTakeFirst();
    return row ? toApiKey(row) : null;
  }

  /** Newest first, revoked ones too. */
  async list(): Promise<ApiKey[]> {
    return (await this.listQuery().orderBy('k.id', 'desc').execute()).map(toApiKey);
  }

  /** A key that has not been revoked, and its account, by the key's hash. */
  async findActiveByHash(keyHash: string): Promise<{ key: ApiKey; user: User } | null> {
    const row = await this.db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .selectAll('u')
      .select(['k.id as k_id', 'k.name as k_name', 'k.prefix as k_prefix', 'k.created_at as k_created_at', 'k.last_used_at as k_last_used_at'])
      .where('k.key_hash', '=', keyHash)
      .where('k.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const user = toUser(row);
    return {
      user,
      key: {
        id: row.k_id,
        name: row.k_name,
        prefix: row.k_prefix,
        role: user.role,
        userId: user.id,
        createdBy: null,
        createdAt: readTime(row.k_created_at),
        lastUsedAt: readOptionalTime(row.k_last_used_at),
        revokedAt: null,
        revokedBy: null,
      },
    };
  }

  async touch(id: number, now: Date): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: writeTime(now) }).where('id', '=', id).execute();
  }

  /**
   * Revokes the key and disables its account, in one transaction. Returns false when
   * there is no such key or it was revoked already.
   */
  async revoke(id: number, by: number, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('api_keys').set({ revoked_at: writeTime(now), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).returning('user_id').executeTakeFirst();
      if (!row) return false;
      await trx.updateTable('users').set({ disabled: writeBool(true) }).where('id', '=', row.user_id).execute();
      return true;
    });
  }
}

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  user_id: number;
  role: ApiKey['role'];
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
  created_by_name: string | null;
  revoked_by_name: string | null;
}

function toApiKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    userId: row.user_id,
    createdBy: row.created_by_name,
    createdAt: readTime(row.created_at),
    lastUsedAt: readOptionalTime(row.last_used_at),
    revokedAt: readOptionalTime(row.revoked_at),
    revokedBy: row.revoked_by_name,
  };
}
