/**
 * Publishes scheduled articles whose time has come. Safe to run at any moment and in
 * several processes at once: the store's conditional UPDATE hands each article to
 * exactly one run.
 */
import type { Services } from '../services.ts';

export async function publishScheduled(services: Services): Promise<number[]> {
  return services.desk.publishDue();
}
