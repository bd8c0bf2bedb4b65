/**
 * One line of the audit log: who did what to which story or photo, and when. What an
 * entry says about its subject (`detail`) is copied at the time, because the subject
 * itself may be gone for good afterwards.
 */

/** What is recorded. 'article.purge' is the trash job deleting a story whose 30 days ran out. */
export const AUDIT_ACTIONS = ['article.trash', 'article.restore', 'article.delete', 'article.purge', 'media.delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditSubjectType = 'article' | 'media';

/** Facts about the subject at the time: a story's headline and status, a photo's caption and file. */
export interface AuditDetail {
  readonly headline?: string;
  /** The story's status before the action. */
  readonly status?: string;
  readonly caption?: string;
  readonly fileKey?: string;
}

export interface NewAuditEntry {
  readonly at: Date;
  /** Null for the system (the trash job). */
  readonly userId: number | null;
  readonly action: AuditAction;
  readonly subjectType: AuditSubjectType;
  readonly subjectId: number | null;
  readonly detail: AuditDetail;
}

export interface AuditEntry extends NewAuditEntry {
  readonly id: number;
  /** The account's name now; null for the system or an account deleted since. */
  readonly userName: string | null;
}

/** The stored detail (JSON text) back as an object; anything unreadable is an empty detail, never an error. */
export function parseAuditDetail(text: string): AuditDetail {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const out: Record<string, string> = {};
    for (const key of ['headline', 'status', 'caption', 'fileKey'] as const) {
      const x = (v as Record<string, unknown>)[key];
      if (typeof x === 'string') out[key] = x;
    }
    return out;
  } catch {
    return {};
  }
}

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}
