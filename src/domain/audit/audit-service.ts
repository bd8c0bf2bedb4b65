/**
 * The audit log as the newsroom reads it: admins only, newest first, a page at a time.
 * Entries are written by the services that make the changes (through their stores).
 */
import { DomainError } from '../../errors.ts';
import { can, type User } from '../users/user.ts';
import type { AuditEntry } from './audit.ts';
import type { AuditStore } from './audit-store.ts';

/** Deep offsets are costly and nobody reads that far back page by page. */
const MAX_PAGE = 1000;

export class AuditService {
  constructor(private readonly store: AuditStore) {}

  async list(user: User, page: number, pageSize: number): Promise<{ items: AuditEntry[]; total: number; page: number; pageCount: number }> {
    if (!can(user, 'audit.view')) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not audit.view`);
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw new DomainError('NOT_FOUND', 'page');
    const { items, total } = await this.store.list(pageSize, (page - 1) * pageSize);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    if (page > pageCount) throw new DomainError('NOT_FOUND', 'page');
    return { items, total, page, pageCount };
  }
}
