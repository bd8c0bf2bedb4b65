/**
 * Pieces the newsroom's form screens share: field errors in the user's language, move
 * directions, checkboxes, the saved notice, lists of ids.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import type { User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { fieldMessage, siteStringsFor } from '../../render/admin/site-admin-strings.ts';
import { textField } from './params.ts';

export type Params = { Params: { id: string } };

/**
 * The field errors of an INVALID_INPUT, keyed by form field name, with messages in the
 * user's language. Any other error is thrown on (404, 403 …).
 */
export function fieldErrors(err: unknown, user: User, formName: (field: string) => string = (f) => f): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  // A service names a reason ('taken', 'reserved' …) as the error's detail; without one the message is the default.
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  return { [formName(err.field)]: fieldMessage(siteStringsFor(user), err.field, reason) };
}

export function direction(body: unknown): 'up' | 'down' {
  const d = textField(body, 'direction', 4);
  if (d !== 'up' && d !== 'down') throw new DomainError('BAD_REQUEST', 'direction');
  return d;
}

export const checkbox = (body: unknown, name: string): boolean => textField(body, name, 8) !== '';

export function savedNotice(request: FastifyRequest, user: User): string | undefined {
  return (request.query as Record<string, unknown> | undefined)?.saved === '1' ? siteStringsFor(user).saved : undefined;
}

/** `12, 7 33` → [12, 7, 33]; anything but ids separated by commas or spaces is INVALID_INPUT on `field`. */
export function idList(text: string, field: string): number[] {
  const parts = text.split(/[\s,،]+/).filter(Boolean);
  return parts.map((part) => {
    const m = /^#?([1-9][0-9]{0,9})$/.exec(part);
    const n = m ? Number(m[1]) : NaN;
    if (!(n <= 2_147_483_647)) throw new DomainError('INVALID_INPUT', field);
    return n;
  });
}
