/**
 * Sends the webhook deliveries that are due (admin → Webhooks), in the background of every
 * server process: each attempt is claimed by one process, failures are retried with
 * back-off, and a delivery left by a stopped process is taken up by the next run anywhere.
 * Safe to run at any moment and in several processes at once; no request waits for it.
 */
import type { WebhookPost } from '../domain/webhooks/webhook-service.ts';
import type { Services } from '../services.ts';

export function webhookJobs(services: Services, post?: WebhookPost): Promise<{ delivered: number; retrying: number; failed: number }> {
  return services.webhooks.deliverDue(post);
}
