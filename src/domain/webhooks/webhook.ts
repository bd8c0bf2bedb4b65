/**
 * Webhooks (issue 13): what an endpoint is, the events it may hear, and how a delivery is
 * signed. Pure.
 *
 * Signing: every attempt carries `x-samachar-timestamp` (Unix seconds when it was sent) and
 * `x-samachar-signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's
 * secret>`. A receiver recomputes it over the raw body, compares in constant time, and
 * refuses a timestamp more than a few minutes from its clock (a replayed request keeps its
 * old timestamp, and changing it breaks the signature). The body's `id` is the event's
 * own id, the same in every retry, so a receiver can also drop a repeat it has seen.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.unpublished', 'story.deleted', 'comment.posted', 'comment.approved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

export interface WebhookEndpoint {
  readonly id: number;
  readonly url: string;
  readonly secret: string;
  readonly events: readonly WebhookEvent[];
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  readonly id: number;
  readonly endpointId: number;
  readonly endpointUrl: string;
  readonly eventId: string;
  readonly event: string;
  readonly payload: string;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly deliveredAt: Date | null;
  readonly failedAt: Date | null;
  /** The HTTP status of the last attempt, or null when it got no answer (refused, timed out). */
  readonly lastStatus: number | null;
  readonly lastError: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function deliveryState(d: Pick<WebhookDelivery, 'deliveredAt' | 'failedAt'>): DeliveryState {
  return d.deliveredAt ? 'delivered' : d.failedAt ? 'failed' : 'pending';
}

/** The longest endpoint address accepted. */
export const WEBHOOK_URL_MAX = 2000;

/**
 * Waits before each retry (after the 1st, 2nd … failed attempt); after the last the
 * delivery is given up ('failed'). About seven hours in all, so a receiver that is down for
 * a deploy or a night's outage still gets everything.
 */
export const WEBHOOK_BACKOFF_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000] as const;

/** Why an endpoint address is refused, as the admin screen explains it. */
export type UrlProblem = 'url' | 'scheme' | 'too-long' | 'credentials' | 'private';

/** The address cleaned, or what is wrong with its form (the network check is apart: webhook-target.ts). */
export function checkEndpointUrl(raw: string): { ok: true; url: string } | { ok: false; problem: UrlProblem } {
  const text = raw.trim();
  if (text.length > WEBHOOK_URL_MAX) return { ok: false, problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  // A password in the address would be shown in the delivery log and sent in the clear.
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  url.hash = '';
  const clean = url.toString();
  return clean.length > WEBHOOK_URL_MAX ? { ok: false, problem: 'too-long' } : { ok: true, url: clean };
}

/** A new signing secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `v1=<hex>`: the signature of one attempt (see the top of this file). */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (documented in the README; tests use it): the signature matches and
 * the timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhook(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp) || !headers.signature) return false;
  const ts = Number(headers.timestamp);
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const got = Buffer.from(headers.signature);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
