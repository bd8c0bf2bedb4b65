import type { ComponentChildren } from 'preact';
import { actionApplies, COMMENT_STATUSES, type CommentStatus, MODERATION_ACTIONS, type ModeratedComment, type ModerationAction } from '../../domain/comments/comment.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { CommentText } from '../components/comment-section.tsx';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { type CommentAdminStrings, commentAdminStringsFor } from './comment-admin-strings.ts';
import { ButtonForm, Csrf, Notice, Pager } from './site-form.tsx';

export interface CommentsPageProps {
  chrome: AdminChrome;
  items: readonly ModeratedComment[];
  total: number;
  page: number;
  pageCount: number;
  counts: Readonly<Record<CommentStatus, number>>;
  /** The filters in force; `status` undefined is "all". */
  filter: { status?: CommentStatus | undefined; articleId?: number | undefined; q?: string | undefined };
  /** The story filtered on, with whether its comments are open. */
  article?: { id: number; headline: string; path: string; commentsOpen: boolean } | null;
  /** May block writers (admins). */
  canBlock: boolean;
  notice?: string | undefined;
  /** A newsroom reply that came back with a mistake: which comment, what was typed, the message. */
  replyError?: { id: number; text: string; message: string } | undefined;
}

/** The address of the queue with these filters (and page). */
export function commentsHref(filter: CommentsPageProps['filter'], page = 1): string {
  const params = new URLSearchParams();
  params.set('status', filter.status ?? 'all');
  if (filter.articleId !== undefined) params.set('article', String(filter.articleId));
  if (filter.q) params.set('q', filter.q);
  if (page > 1) params.set('page', String(page));
  return `/admin/comments?${params.toString()}`;
}

const STATUS_CLASS: Record<CommentStatus, string> = {
  pending: 'status-review',
  approved: 'status-published',
  spam: 'status-unpublished',
  trash: 'status-draft',
};

function Row({ c, p, t, back }: { c: ModeratedComment; p: CommentsPageProps; t: CommentAdminStrings; back: string }) {
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const csrf = p.chrome.csrfToken;
  const actions = MODERATION_ACTIONS.filter((a) => actionApplies(a, c.status));
  const replyOpen = p.replyError?.id === c.id;
  return (
    <tr id={`c-${c.id}`}>
      <td>
        <input type="checkbox" name="ids" value={String(c.id)} form="bulk" aria-label={t.selectComment(c.id)} />
      </td>
      <td>
        <strong>
          <bdi>{c.authorName}</bdi>
        </strong>
        {c.byNewsroom && <span class="status status-scheduled"> {t.newsroom}</span>}
        <br />
        <small>{c.authorEmail}</small>
        {c.authorUrl && (
          <>
            <br />
            <small>
              <a href={c.authorUrl} rel="nofollow ugc noopener noreferrer">
                {c.authorUrl}
              </a>
            </small>
          </>
        )}
        {c.ipTag && (
          <>
            <br />
            <small title={t.ip}>
              {t.ip}: <code>{c.ipTag}</code>
            </small>
          </>
        )}
        {c.userAgent && (
          <>
            <br />
            <small class="muted" title={c.userAgent}>
              {c.userAgent.length > 60 ? `${c.userAgent.slice(0, 60)}…` : c.userAgent}
            </small>
          </>
        )}
      </td>
      <td>
        {c.parentAuthor && (
          <p class="muted">
            {t.inReplyTo} <bdi>{c.parentAuthor}</bdi>
          </p>
        )}
        <div dir="auto">
          <CommentText text={c.body} />
        </div>
        <div class="button-row">
          {actions.map((a) => (
            <ButtonForm key={a} action={`/admin/comments/${c.id}/action`} csrf={csrf} label={t.actions[a]} fields={{ action: a, return: back }} />
          ))}
          {p.canBlock && c.status !== 'trash' && !c.byNewsroom && (
            <ButtonForm action={`/admin/comments/${c.id}/block`} csrf={csrf} label={t.blockWriter} fields={{ return: back }} />
          )}
        </div>
        {(c.status === 'approved' || c.status === 'pending') && (
          <details open={replyOpen}>
            <summary>{t.reply}</summary>
            <form method="post" action={`/admin/comments/${c.id}/reply`} class="card-form">
              <Csrf token={csrf} />
              <input type="hidden" name="return" value={back} />
              <p class={`field${replyOpen ? ' has-error' : ''}`}>
                <label for={`reply-${c.id}`}>{t.replyText}</label>
                <textarea
                  id={`reply-${c.id}`}
                  name="body"
                  rows={3}
                  maxLength={5000}
                  required
                  {...(replyOpen ? { 'aria-invalid': 'true' as const, 'aria-describedby': `reply-${c.id}-error` } : {})}
                >
                  {replyOpen ? p.replyError!.text : ''}
                </textarea>
                {replyOpen && (
                  <span id={`reply-${c.id}-error`} class="field-error">
                    {p.replyError!.message}
                  </span>
                )}
                <small class="help">{t.replyHelp}</small>
              </p>
              <button type="submit" class="primary">
                {t.replySend}
              </button>
            </form>
          </details>
        )}
      </td>
      <td>
        <a href={`${c.article.path}${c.status === 'approved' ? `#comment-${c.id}` : ''}`}>{c.article.headline}</a>
        <br />
        <small>
          <a href={commentsHref({ status: p.filter.status, articleId: c.article.id })}>{t.filterArticle}</a>
        </small>
      </td>
      <td>
        <span class={`status ${STATUS_CLASS[c.status]}`}>{t.statuses[c.status]}</span>
        {c.heldReason && <small> {t.reasons[c.heldReason] ?? c.heldReason}</small>}
        {c.moderatedBy && (
          <>
            <br />
            <small class="muted">{t.moderatedBy(c.moderatedBy)}</small>
          </>
        )}
      </td>
      <td>
        <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, style)}</time>
      </td>
    </tr>
  );
}

function Tab({ href, current, children }: { href: string; current: boolean; children: ComponentChildren }) {
  return (
    <a href={href} {...(current ? { 'aria-current': 'true' } : {})}>
      {children}
    </a>
  );
}

/** The moderation queue: status tabs with counts, search, a story filter, bulk actions and one row per comment. */
export function renderCommentsPage(p: CommentsPageProps): string {
  const t = commentAdminStringsFor(p.chrome.user);
  const back = commentsHref(p.filter, p.page);
  const bulkActions: ModerationAction[] = [...MODERATION_ACTIONS];
  return renderAdminPage(
    { ...p.chrome, current: 'comments' },
    p.counts.pending > 0 ? `${t.title} (${p.counts.pending})` : t.title,
    <>
      <div class="admin-title-row">
        <h1>{t.title}</h1>
        {p.canBlock && <a href="/admin/comments/settings">{t.settingsTitle}</a>}
      </div>
      <p class={p.counts.pending > 0 ? 'form-error' : 'muted'} role="status" id="pending-count">
        {t.waiting(p.counts.pending)}
      </p>
      <Notice text={p.notice} />
      <nav class="filters" aria-label={t.status}>
        {COMMENT_STATUSES.map((s) => (
          <Tab key={s} href={commentsHref({ ...p.filter, status: s })} current={p.filter.status === s}>
            {t.statuses[s]} ({p.counts[s]})
          </Tab>
        ))}
        <Tab href={commentsHref({ ...p.filter, status: undefined })} current={p.filter.status === undefined}>
          {t.all}
        </Tab>
      </nav>
      <div class="field">
      <form method="get" action="/admin/comments" class="inline-form" role="search">
        <input type="hidden" name="status" value={p.filter.status ?? 'all'} />
        <label class="visually-hidden" for="q">
          {t.searchLabel}
        </label>
        <input id="q" name="q" type="search" value={p.filter.q ?? ''} placeholder={t.searchLabel} maxLength={200} />
        <label class="visually-hidden" for="article">
          {t.articleFilter}
        </label>
        <input id="article" name="article" type="text" inputMode="numeric" pattern="[0-9]*" value={p.filter.articleId === undefined ? '' : String(p.filter.articleId)} placeholder={t.articleFilter} />
        <button type="submit">{t.search}</button>
        {(p.filter.q || p.filter.articleId !== undefined) && <a href={commentsHref({ status: p.filter.status })}>{t.clearFilters}</a>}
      </form>
      </div>
      {p.article && (
        <div class="card-form">
          <p>
            <strong>
              <a href={p.article.path}>{p.article.headline}</a>
            </strong>
          </p>
          <p>{p.article.commentsOpen ? t.commentsOpen : t.commentsClosed}</p>
          <ButtonForm
            action={`/admin/comments/article/${p.article.id}`}
            csrf={p.chrome.csrfToken}
            label={p.article.commentsOpen ? t.closeComments : t.openComments}
            fields={{ open: p.article.commentsOpen ? '0' : '1', return: back }}
          />
        </div>
      )}
      {p.items.length === 0 ? (
        <p class="muted">{t.nothing}</p>
      ) : (
        <>
          <form method="post" action="/admin/comments/bulk" id="bulk" class="inline-form">
            <Csrf token={p.chrome.csrfToken} />
            <input type="hidden" name="return" value={back} />
            <label for="bulk-action">{t.bulk}</label>
            <select id="bulk-action" name="action">
              {bulkActions.map((a) => (
                <option key={a} value={a}>
                  {t.actions[a]}
                </option>
              ))}
            </select>
            <button type="submit">{t.apply}</button>
          </form>
          <table class="desk comments-queue">
            <thead>
              <tr>
                <th>
                  <span class="visually-hidden">{t.select}</span>
                </th>
                <th>{t.author}</th>
                <th>{t.comment}</th>
                <th>{t.article}</th>
                <th>{t.status}</th>
                <th>{t.when}</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((c) => (
                <Row key={c.id} c={c} p={p} t={t} back={back} />
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pager page={p.page} pages={p.pageCount} href={(n) => commentsHref(p.filter, n)} />
    </>,
  );
}
