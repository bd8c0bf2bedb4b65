/**
 * Everything an article page shows, gathered through the services: shared by the page's
 * own route and by the comment route, which shows the page again (with what the reader
 * typed and what was wrong) when a post without JavaScript has a mistake.
 */
import type { Article } from '../../domain/articles/article.ts';
import type { CommentCounted } from '../../domain/comments/comment.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import type { CommentFormState, CommentNotice } from '../../render/components/comment-section.tsx';
import { renderArticlePage } from '../../render/pages/article-page.tsx';
import type { Services } from '../../services.ts';
import { loadChrome, loadSidebar } from './page-context.ts';
import { cardsTags, sidebarTags } from './page-tags.ts';
import { buildViewBeaconScript } from './view-beacon-assets.ts';
import { loadLiveView } from '../live/live-view.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import type { Widget } from '../../domain/widgets/widget.ts';
import { dataBoxKeysOf } from '../../richtext/rich-text.ts';

const RELATED_COUNT = 4;

export interface ArticleViewExtras {
  form?: CommentFormState;
  notice?: CommentNotice;
  /** Reply to this comment (`?replyto=`); ignored unless it is a published comment of this story. */
  replyToId?: number | null;
  /** A preview of a story readers cannot see yet: `noindex`, and never stored by any cache. */
  preview?: boolean;
  /** A live blog's earlier posts (`?before=`); see http/live/live-view.ts. */
  liveBefore?: number | null;
}

/** Story summaries with their number of published comments, for cards. */
export async function withCommentCounts<T extends { readonly id: number }>(services: Services, items: readonly T[]): Promise<(T & CommentCounted)[]> {
  const counts = await services.comments.countsFor(items.map((i) => i.id));
  return items.map((i) => ({ ...i, commentCount: counts.get(i.id) ?? 0 }));
}

export async function renderArticleView(
  services: Services,
  assets: AssetUrls,
  scriptUrl: string | undefined,
  article: Article,
  now: Date,
  extras: ArticleViewExtras = {},
): Promise<{ html: string; tags: string[] }> {
  const boxKeys = dataBoxKeysOf(article.body);
  const [loadedChrome, related, comments, sidebar, beacon, live, boxes] = await Promise.all([
    loadChrome(services, assets, now, article.section.slug),
    services.articles.related(now, article, RELATED_COUNT).then((r) => withCommentCounts(services, r)),
    services.comments.listPublic(article.id),
    loadSidebar(services, now, article.id),
    // Readers' page loads count for most read (decision 029); a preview is nobody's read.
    extras.preview ? null : buildViewBeaconScript(),
    loadLiveView(services, article, extras.liveBefore ?? null),
    Promise.all(boxKeys.map((key) => services.widgets.findShown(key))),
  ]);
  const bodyBoxes = new Map<string, Widget>(boxes.flatMap((w) => (w ? [[w.key, w] as const] : [])));
  const chrome = beacon ? { ...loadedChrome, viewBeacon: { scriptUrl: beacon.url, articleId: article.id } } : loadedChrome;
  const replyTo = extras.replyToId ? (comments.find((c) => c.id === extras.replyToId) ?? null) : null;
  const html = renderArticlePage({
    chrome,
    article,
    related,
    comments,
    sidebar,
    ...(extras.preview ? { noindex: true } : {}),
    commentForm: { scriptUrl, form: extras.form, notice: extras.notice, replyTo },
    live,
    bodyBoxes,
  });
  // The story's own tags are the caller's (articleTags); these are what sits around it.
  // Every box key the body places, found or not, so saving (or first creating) that box purges the story.
  return { html, tags: [...cardsTags(related), ...sidebarTags(sidebar), ...boxKeys.map(contentTags.widget)] };
}

/**
 * The comment facts an article address may carry: `?replyto=N` (reply without JavaScript),
 * `?posted=N` (published, after the redirect), `?held=1` (waiting for moderation).
 * Anything else is ignored, never an error.
 */
export function commentQuery(query: unknown): { replyToId: number | null; notice?: CommentNotice } {
  const q = (query ?? {}) as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'string' && /^[1-9][0-9]{0,9}$/.test(v) && Number(v) <= 2_147_483_647 ? Number(v) : null);
  const posted = id(q.posted);
  const notice: CommentNotice | undefined = posted !== null ? { kind: 'published', commentId: posted } : q.held === '1' ? { kind: 'held' } : undefined;
  return { replyToId: id(q.replyto), ...(notice ? { notice } : {}) };
}
