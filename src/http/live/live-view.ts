/**
 * What a live blog's story page shows of it, gathered through the services: one page of
 * posts, the key events, their photos, and the stream's address with the id the page is
 * rendered at (`since`), so its script hears every post committed after this render.
 */
import type { Article } from '../../domain/articles/article.ts';
import { liveChannel } from '../../domain/live-blogs/live-blog.ts';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import type { LiveBlogView } from '../../render/components/live-blog.tsx';
import type { Services } from '../../services.ts';

export const LIVE_EVENTS_PATH = '/live/events';
export const LIVE_SCRIPT_PATH = '/live/live-blog.js';

export function liveStreamUrl(articleId: number, since: number): string {
  return `${LIVE_EVENTS_PATH}?c=${encodeURIComponent(liveChannel(articleId))}&since=${since}`;
}

export async function loadLiveView(services: Services, article: Pick<Article, 'id'>, before: number | null): Promise<LiveBlogView | null> {
  // Taken before reading: anything committed after this id reaches the page's stream.
  const since = services.live.currentId();
  const page = await services.liveBlogs.page(article.id, before);
  if (!page) return null;
  const ids = [...new Set([...page.posts, ...page.keyEvents].flatMap((p) => mediaIdsOf(p.body)))];
  const media = ids.length > 0 ? await services.media.findByIds(ids) : new Map();
  return { ...page, media, before, streamUrl: page.blog.endedAt ? null : liveStreamUrl(article.id, since), scriptUrl: LIVE_SCRIPT_PATH };
}

/** `?before=N` on a live blog's page: the earlier posts; anything else is the newest. */
export function liveBefore(query: unknown): number | null {
  const v = (query ?? {}) as Record<string, unknown>;
  return typeof v.before === 'string' && /^[1-9][0-9]{0,9}$/.test(v.before) && Number(v.before) <= 2_147_483_647 ? Number(v.before) : null;
}
