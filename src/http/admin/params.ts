import { DomainError } from '../../errors.ts';

/** A positive integer id from a path or form; anything else is a 404, never a query. */
export function idParam(value: unknown): number {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value)) throw new DomainError('NOT_FOUND');
  const n = Number(value);
  if (n > 2_147_483_647) throw new DomainError('NOT_FOUND');
  return n;
}

export function pageParam(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,3}$/.test(value)) throw new DomainError('BAD_REQUEST', 'page');
  return Number(value);
}

/** A string field of a form or JSON body, at most `max` characters; absent is ''. */
export function textField(body: unknown, name: string, max = 1024): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' || v.length > max) throw new DomainError('INVALID_INPUT', name);
  return v;
}
