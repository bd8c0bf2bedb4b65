/**
 * Newsroom events for the log: who signed in, published, took down, deleted, changed
 * settings or accounts. Each event carries ids only (the acting user, the story, the
 * account changed) and names of fields changed, never values: no password, token, email
 * or text can reach the log through here.
 *
 * The services stay unaware of logging: `watchNewsroom` wraps the few service methods that
 * make such changes, once per Services, and records an event after the method succeeded
 * (a refused or failed change is the request's own business). Changes whose service call
 * does not know the acting user (settings, creating accounts) are recorded from the request
 * that made them (`requestEvent`, called by src/http/ops/ops-routes.ts).
 */
import type { Services } from '../services.ts';

export interface NewsroomEvent {
  readonly action: string;
  /** The acting account; null for the scheduler. */
  readonly userId: number | null;
  readonly storyId?: number;
  /** The account changed, for account changes. */
  readonly targetUserId?: number;
  /** Names (never values) of what changed. */
  readonly fields?: readonly string[];
  /** Why a sign-in was refused (invalid, throttled). */
  readonly reason?: string;
}

export type NewsroomRecorder = (event: NewsroomEvent) => void;

/** Keyed by the users service: copies of a Services object (tests spread them) share it. */
const watched = new WeakSet<object>();

/** Records the newsroom's changes made through `services` (the first call per Services wins). */
export function watchNewsroom(services: Services, record: NewsroomRecorder): void {
  if (watched.has(services.users)) return;
  watched.add(services.users);
  const safe: NewsroomRecorder = (event) => {
    try {
      record(event);
    } catch {
      // Logging never fails the change it reports.
    }
  };
  const { users, desk, trash, apiKeys } = services;
  after(users, 'signIn', (_args, result: { ok: boolean; user?: { id: number }; reason?: string }) =>
    safe(result.ok && result.user ? { action: 'sign-in', userId: result.user.id } : { action: 'sign-in-refused', userId: null, reason: result.reason ?? 'invalid' }),
  );
  after(users, 'changePassword', ([userId]: [number]) => safe({ action: 'password-change', userId }));
  after(users, 'updateAccount', ([actor, id, patch]: [{ id: number }, number, object]) => safe({ action: 'user-change', userId: actor.id, targetUserId: id, fields: Object.keys(patch) }));
  after(desk, 'transition', ([user, id, to]: [{ id: number }, number, string]) =>
    safe({ action: to === 'published' ? 'publish' : to === 'unpublished' ? 'unpublish' : `status-${to}`, userId: user.id, storyId: id }),
  );
  after(desk, 'publishDue', (_args, ids: number[]) => {
    for (const id of ids) safe({ action: 'publish-scheduled', userId: null, storyId: id });
  });
  after(trash, 'trash', ([user, id]: [{ id: number }, number]) => safe({ action: 'trash', userId: user.id, storyId: id }));
  after(trash, 'restore', ([user, id]: [{ id: number }, number]) => safe({ action: 'restore', userId: user.id, storyId: id }));
  after(trash, 'deleteForever', ([user, id]: [{ id: number }, number]) => safe({ action: 'delete', userId: user.id, storyId: id }));
  after(apiKeys, 'create', ([actor]: [{ id: number }], result: { key: { id: number } }) => safe({ action: 'api-key-create', userId: actor.id, fields: [`key:${result.key.id}`] }));
  after(apiKeys, 'revoke', ([actor, id]: [{ id: number }, number]) => safe({ action: 'api-key-revoke', userId: actor.id, fields: [`key:${id}`] }));
}

/** Newsroom forms whose service call has no acting user: the route that was posted, and the event it makes. */
const REQUEST_EVENTS: Readonly<Record<string, string>> = {
  '/admin/settings': 'settings-change',
  '/admin/comments/settings': 'settings-change',
  '/admin/comments/blocklist': 'settings-change',
  '/admin/home/updates': 'settings-change',
  '/admin/home/updates/add': 'settings-change',
  '/admin/home/pins': 'settings-change',
  '/admin/users': 'user-create',
  '/admin/sign-out': 'sign-out',
};

/** The event a finished newsroom request makes, if any (a POST that succeeded on one of the routes above). */
export function requestEvent(method: string, route: string | null, status: number, userId: number | null): NewsroomEvent | null {
  if (method !== 'POST' || route === null || status >= 400) return null;
  const action = REQUEST_EVENTS[route];
  return action ? { action, userId } : null;
}

/** Calls `onDone(args, result)` after each successful call of `target[name]` (an async method). */
function after<A extends unknown[], R>(target: object, name: string, onDone: (args: A, result: R) => void): void {
  const methods = target as Record<string, unknown>;
  const original = methods[name];
  if (typeof original !== 'function') return;
  methods[name] = async (...args: A): Promise<R> => {
    const result = (await original.apply(target, args)) as R;
    onDone(args, result);
    return result;
  };
}
