/**
 * Keeps the newsroom's bookkeeping small: autosave checkpoints older than two weeks
 * (explicit revisions are never pruned), presence reports of editors long closed,
 * preview links that ended a week ago, and sign-in failure counters a day without a
 * failure. Each is one indexed DELETE, safe to run at any
 * moment and in several processes at once.
 */
import type { Services } from '../services.ts';

export async function newsroomHousekeeping(services: Services): Promise<{ checkpoints: number }> {
  const checkpoints = await services.desk.pruneCheckpoints();
  await services.presence.prune();
  await services.previews.prune();
  await services.users.pruneSignInLimits();
  return { checkpoints };
}
