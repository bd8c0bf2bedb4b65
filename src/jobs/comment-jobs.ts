/**
 * Comment work that runs in the background of every server process: sends the webhook
 * notifications that are due (each delivery is claimed by one process, retried with
 * back-off) and forgets used form-token nonces older than any token can be. Safe to run
 * at any moment and in several processes at once. A reader's post never waits for it.
 */
import type { FetchLike } from '../domain/comments/comment-service.ts';
import type { Services } from '../services.ts';

export async function commentJobs(services: Services, fetchImpl?: FetchLike): Promise<{ delivered: number; failed: number; retrying: number }> {
  const report = await services.comments.deliverWebhooks(fetchImpl);
  await services.comments.sweepFormTokens();
  return report;
}
