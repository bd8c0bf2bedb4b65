/**
 * Lets other requests run before going on. On SQLite every query is synchronous and its
 * promise resolves as a microtask, so a route that loads several large rows in a row
 * (a revision comparison: the story and two ~1 MB revisions) would otherwise hold the
 * event loop for all of them at once, and a cached page would wait behind it.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
