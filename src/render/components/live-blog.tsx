/**
 * A live blog on its story's page: status, the key events, the posts newest first, and a
 * link to earlier ones. Rendered whole on the server (the page works without JavaScript
 * and is cached); the stream's script (src/reader/live-blog.ts) inserts posts rendered by
 * the same `LivePostView`, sent as HTML over the stream. Pure.
 */
import { render } from 'preact-render-to-string';
import type { LiveBlog, LivePost } from '../../domain/live-blogs/live-blog.ts';
import type { Media } from '../../domain/media/media.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { excerpt } from '../../richtext/to-plain-text.ts';
import { ArticleBody } from './article-body.tsx';
import { LIVE_BLOG_STRINGS } from './live-blog-strings.ts';
import { digits, englishLabel, readerDateTime, type ReaderLocale } from '../reader-locale.ts';

export interface LiveBlogView {
  readonly blog: LiveBlog;
  readonly posts: readonly LivePost[];
  readonly keyEvents: readonly LivePost[];
  readonly earlierBefore: number | null;
  /** Photos the posts show. */
  readonly media: ReadonlyMap<number, Media>;
  /** Showing posts before this id (`?before=`): a page of earlier posts. */
  readonly before: number | null;
  /** The stream's address for this blog, with `since` (null once it has ended: nothing more will come). */
  readonly streamUrl: string | null;
  readonly scriptUrl: string;
}

function time(locale: ReaderLocale, date: Date): string {
  // The time of day is what a live reader compares; the date is in the title attribute.
  return digits(locale, readerDateTime(locale, date));
}

export function LivePostView({ post, media, locale }: { post: LivePost; media: ReadonlyMap<number, Media>; locale: ReaderLocale }) {
  const S = LIVE_BLOG_STRINGS[locale.lang];
  return (
    <li class={`live-post live-post-${post.kind}${post.keyEvent ? ' live-key' : ''}`} id={`post-${post.id}`} data-post-id={String(post.id)}>
      <p class="live-post-meta">
        <a href={`#post-${post.id}`}>
          <time dateTime={toIsoWithOffset(post.createdAt)}>{time(locale, post.createdAt)}</time>
        </a>
        {post.authorName && <span class="live-post-author"> · {post.authorName}</span>}
        {post.editedAt && (
          <span class="live-post-updated" {...englishLabel(locale)}>
            {' · '}
            {S.updated}
          </span>
        )}
      </p>
      <ArticleBody blocks={post.body.blocks} media={media} />
    </li>
  );
}

/** One post as the HTML the stream sends (the same markup as the page's). */
export function renderLivePostHtml(post: LivePost, media: ReadonlyMap<number, Media>, locale: ReaderLocale): string {
  return render(<LivePostView post={post} media={media} locale={locale} />);
}

export function LiveBlogSection({ view, locale, path }: { view: LiveBlogView; locale: ReaderLocale; path: string }) {
  const S = LIVE_BLOG_STRINGS[locale.lang];
  const ended = view.blog.endedAt !== null;
  return (
    <section class="live-blog" id="live" aria-labelledby="live-title" {...(view.streamUrl && view.before === null ? { 'data-live-stream': view.streamUrl } : {})} data-new-one={S.newUpdates(1)} data-new-many={S.newUpdates(2).replace(/\d+|२/, '{n}')}>
      <h2 id="live-title" class="section-title" {...englishLabel(locale)}>
        {S.title} <span class={ended ? 'live-status live-ended' : 'live-status live-on'}>{ended ? S.ended : S.live}</span>
      </h2>
      {view.keyEvents.length > 0 && (
        <aside class="live-key-events" aria-labelledby="live-key-title">
          <h3 id="live-key-title" {...englishLabel(locale)}>
            {S.keyEvents}
          </h3>
          <ul>
            {view.keyEvents.map((p) => (
              <li key={p.id}>
                <a href={`#post-${p.id}`}>
                  <time dateTime={toIsoWithOffset(p.createdAt)}>{time(locale, p.createdAt)}</time> {excerpt(p.body, 140)}
                </a>
              </li>
            ))}
          </ul>
        </aside>
      )}
      <p class="live-new" hidden>
        <button type="button" class="live-new-button" />
      </p>
      {view.posts.length === 0 && view.before === null && <p class="live-empty">{S.noPosts}</p>}
      <ol class="live-posts">
        {view.posts.map((p) => (
          <LivePostView key={p.id} post={p} media={view.media} locale={locale} />
        ))}
      </ol>
      <p class="live-paging">
        {view.before !== null && <a href={`${path}#live`}>{S.newest}</a>}
        {view.before !== null && view.earlierBefore !== null && ' · '}
        {view.earlierBefore !== null && (
          <a class="live-earlier" href={`${path}?before=${view.earlierBefore}#live`}>
            {S.earlier}
          </a>
        )}
      </p>
      {!ended && view.before === null && <script type="module" src={view.scriptUrl} />}
    </section>
  );
}
