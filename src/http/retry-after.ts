/**
 * A refusal that says when to come back: a DomainError whose data carries
 * `retryAfterSeconds` (BUSY from a full worker queue) sets the Retry-After header on the
 * reply before it goes on to the error handler, which keeps headers already set.
 */
import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors.ts';

export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const seconds = err instanceof DomainError ? err.data?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw err;
  }
}
