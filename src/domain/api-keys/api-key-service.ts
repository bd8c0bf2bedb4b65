/**
 * Making, listing and revoking integration API keys (admins only), and recognising a key
 * on a request. A key acts as an account of its own, made with it, whose role is the key's
 * role: the article services' permission checks, "own story" rules, revisions and events
 * then treat the key like a person, and name it. Revoking a key disables that account too.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../errors.ts';
import { API_KEY_ACCOUNT_DOMAIN, can, type User } from '../users/user.ts';
import { API_KEY_NAME_MAX, API_KEY_RATE, API_KEY_ROLES, type ApiKey, type ApiKeyRole, bearerToken, generateKey, hashKey, looksLikeKey, RateWindow, SHOWN_PREFIX_LENGTH, TOUCH_INTERVAL_MS } from './api-key.ts';
import type { ApiKeyStore } from './api-key-store.ts';

export interface ApiKeyServiceOptions {
  store: ApiKeyStore;
  now: () => Date;
  /** Requests per key per window (tests lower it). */
  rate?: { requests: number; windowMs: number };
}

export class ApiKeyService {
  private readonly rate: RateWindow;
  constructor(private readonly options: ApiKeyServiceOptions) {
    this.rate = new RateWindow(options.rate ?? API_KEY_RATE);
  }

  private requireAdmin(actor: User): void {
    if (!can(actor, 'users.manage')) throw new DomainError('FORBIDDEN', undefined, `${actor.role} may not manage API keys`);
  }

  /**
   * Makes a key. Returns the key's record and its secret, which is never stored and
   * cannot be shown again. Errors: INVALID_INPUT on name or role; FORBIDDEN unless admin.
   */
  async create(actor: User, input: { name: unknown; role: unknown }): Promise<{ key: ApiKey; secret: string }> {
    this.requireAdmin(actor);
    const name = typeof input.name === 'string' ? input.name.normalize('NFC').trim() : '';
    if (!name || [...name].length > API_KEY_NAME_MAX || /[\u0000-\u001f\u007f]/.test(name)) throw new DomainError('INVALID_INPUT', 'name');
    if (typeof input.role !== 'string' || !API_KEY_ROLES.includes(input.role as ApiKeyRole)) throw new DomainError('INVALID_INPUT', 'role');
    const secret = generateKey();
    const key = await this.options.store.insert({
      name,
      keyHash: hashKey(secret),
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      role: input.role as ApiKeyRole,
      // A reserved domain (RFC 2606): no mail, and no person's address can collide with it.
      accountEmail: `api-key-${randomBytes(8).toString('hex')}@${API_KEY_ACCOUNT_DOMAIN}`,
      accountName: `API: ${name}`.slice(0, 100),
      accountPasswordHash: 'api-key$no-password',
      createdBy: actor.id,
      now: this.options.now(),
    });
    return { key, secret };
  }

  async list(actor: User): Promise<ApiKey[]> {
    this.requireAdmin(actor);
    return this.options.store.list();
  }

  /** Revokes a key at once (its account is disabled too). NOT_FOUND for an unknown or already revoked key. */
  async revoke(actor: User, id: number): Promise<void> {
    this.requireAdmin(actor);
    if (!(await this.options.store.revoke(id, actor.id, this.options.now()))) throw new DomainError('NOT_FOUND');
  }

  /**
   * The key and account behind an `Authorization` header. API_KEY_REQUIRED when there is
   * no bearer key, API_KEY_INVALID when it is malformed, unknown, revoked, or its account
   * is disabled. The comparison is by the SHA-256 of a 256-bit secret, so a lookup by
   * hash leaks nothing useful through timing.
   */
  async authenticate(header: string | undefined): Promise<{ key: ApiKey; user: User }> {
    const token = bearerToken(header);
    if (token === null) throw new DomainError('API_KEY_REQUIRED');
    if (!looksLikeKey(token)) throw new DomainError('API_KEY_INVALID');
    const found = await this.options.store.findActiveByHash(hashKey(token));
    if (!found || found.user.disabled) throw new DomainError('API_KEY_INVALID');
    const now = this.options.now();
    if (!found.key.lastUsedAt || now.getTime() - found.key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await this.options.store.touch(found.key.id, now);
    return found;
  }

  /** Counts a request of the key: null when it may go ahead, else seconds to wait (429 with Retry-After). */
  take(keyId: number): number | null {
    return this.rate.take(keyId, this.options.now().getTime());
  }
}
