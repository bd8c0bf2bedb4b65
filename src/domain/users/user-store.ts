import type { Kysely, Selectable } from 'kysely';
import { readBool, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database, UserTable } from '../../storage/schema.ts';
import type { Locale, Role, User } from './user.ts';

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    authorId: row.author_id,
    disabled: readBool(row.disabled),
    createdAt: readTime(row.created_at),
    passwordChangedAt: readTime(row.password_changed_at),
  };
}

export interface NewUserRow {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  locale: Locale;
  authorId: number | null;
  now: Date;
}

export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** The user and their password hash, for sign-in only. */
  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async passwordHash(id: number): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async insert(input: NewUserRow): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash,
        locale: input.locale,
        author_id: input.authorId,
        disabled: writeBool(false),
        created_at: writeTime(input.now),
        password_changed_at: writeTime(input.now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async setPassword(id: number, passwordHash: string, now: Date): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: writeTime(now) }).where('id', '=', id).execute();
  }

  /**
   * Links an account to a byline (null unlinks). A byline belongs to one account at most:
   * the check and the write are one statement, so it holds without a second look.
   */
  async linkAuthor(userId: number, authorId: number | null): Promise<'ok' | 'no-author' | 'taken'> {
    if (authorId === null) {
      await this.db.updateTable('users').set({ author_id: null }).where('id', '=', userId).execute();
      return 'ok';
    }
    const author = await this.db.selectFrom('authors').select('id').where('id', '=', authorId).executeTakeFirst();
    if (!author) return 'no-author';
    try {
      const result = await this.db
        .updateTable('users')
        .set({ author_id: authorId })
        .where('id', '=', userId)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('users as other').select('other.id').where('other.author_id', '=', authorId).where('other.id', '!=', userId))),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? 'ok' : 'taken';
    } catch (err) {
      // Two links of one byline at the same instant: the unique index (migration 008) refuses the second.
      if (isUniqueViolation(err)) return 'taken';
      throw err;
    }
  }

  async update(id: number, patch: { name?: string; role?: Role; locale?: Locale; disabled?: boolean; authorId?: number | null }): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.disabled !== undefined ? { disabled: writeBool(patch.disabled) } : {}),
        ...(patch.authorId !== undefined ? { author_id: patch.authorId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}

/** A unique index refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
