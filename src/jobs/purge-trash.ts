/**
 * Deletes for good every story that has been in the trash longer than 30 days (each
 * leaves a tombstone, so its address keeps answering 410). Safe to run at any moment and
 * in several processes at once: each story is claimed by one conditional UPDATE, so it is
 * deleted, and recorded in the audit log, exactly once.
 */
import type { Services } from '../services.ts';

export async function purgeTrash(services: Services): Promise<number[]> {
  return services.trash.purgeExpired();
}
