/**
 * The live-blog composer on the story editor (decision 027): start the blog, add a post
 * (text, photo, embed, quote) with a key-event mark, the posts newest first each with an
 * inline edit form, a key-event toggle and a delete that asks first, and "लाइव ब्लॉग समाप्त".
 * Plain forms with the session's CSRF token: everything works without JavaScript (the
 * confirmations are <details>, not script dialogs). The forms sit outside the story's own
 * form; like the workflow buttons (`data-save-first`) the editor script saves what is typed in
 * the story before one is sent. A user who may not write to this blog sees it without forms.
 */
import { LIVE_POST_KINDS, type LiveBlog, type LivePost } from '../../domain/live-blogs/live-blog.ts';
import type { RichText } from '../../richtext/rich-text.ts';
import { formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { type LiveBlogAdminStrings, liveBlogStringsFor } from './live-blog-admin-strings.ts';

/** Longest text a post's form takes (the screens refuse more, with their message). */
export const LIVE_FORM_MAX_TEXT = 5000;
export const LIVE_FORM_MAX_SOURCE = 300;

/** What the panel shows: the service's first page of the blog (newest first). */
export interface LivePanelPage {
  readonly blog: LiveBlog;
  readonly posts: readonly LivePost[];
  readonly earlierBefore: number | null;
}

export interface LivePostFormValues {
  kind: string;
  text: string;
  source: string;
  keyEvent: boolean;
}

function inlineText(content: readonly { text: string }[]): string {
  return content.map((i) => i.text).join('');
}

/**
 * A post's body as the composer's plain fields: paragraphs separated by blank lines, and the
 * photo number, embed link or quote's speaker. Bold, italic and links made through the API
 * are shown as plain text; saving the edit form keeps only the plain text.
 */
export function livePostFormValues(post: Pick<LivePost, 'kind' | 'body' | 'keyEvent'>): LivePostFormValues {
  const paragraphs: string[] = [];
  let source = '';
  for (const b of (post.body as RichText).blocks) {
    if (b.type === 'paragraph') paragraphs.push(inlineText(b.content));
    else if (b.type === 'heading') paragraphs.push(b.text);
    else if (b.type === 'list') paragraphs.push(...b.items.map(inlineText));
    else if (b.type === 'quote') {
      paragraphs.push(inlineText(b.content));
      source = b.cite ?? '';
    } else if (b.type === 'embed') {
      source = b.url;
      if (b.caption) paragraphs.push(b.caption);
    } else if (b.type === 'image') {
      source = String(b.mediaId);
      if (b.caption) paragraphs.push(b.caption);
    }
  }
  return { kind: post.kind, text: paragraphs.join('\n\n'), source, keyEvent: post.keyEvent };
}

const base = (articleId: number) => `/admin/articles/${articleId}/live`;

function Csrf(p: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={p.csrf} />;
}

/** The post's fields; `prefix` keeps ids unique when many forms share the page. */
function PostFields(p: { t: LiveBlogAdminStrings; prefix: string; values: LivePostFormValues; withKind: boolean }) {
  const { t, prefix, values } = p;
  return (
    <>
      {!p.withKind && <input type="hidden" name="kind" value={values.kind} />}
      {p.withKind && (
        <label class="field">
          <span>{t.kind}</span>
          <select name="kind" id={`${prefix}-kind`}>
            {LIVE_POST_KINDS.map((k) => (
              <option key={k} value={k} selected={values.kind === k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        <span>{t.text}</span>
        <textarea name="text" id={`${prefix}-text`} rows={4} maxLength={LIVE_FORM_MAX_TEXT} aria-describedby={`${prefix}-text-help`}>
          {values.text}
        </textarea>
        <small class="help" id={`${prefix}-text-help`}>
          {t.textHelp}
        </small>
      </label>
      <label class="field">
        <span>{t.source}</span>
        <input type="text" name="source" id={`${prefix}-source`} value={values.source} maxLength={LIVE_FORM_MAX_SOURCE} aria-describedby={`${prefix}-source-help`} />
        <small class="help" id={`${prefix}-source-help`}>
          {t.sourceHelp}
        </small>
      </label>
      <label class="checkbox">
        <input type="checkbox" name="keyEvent" value="1" checked={values.keyEvent} /> {t.keyEvent}
      </label>
    </>
  );
}

/** The form to add a post; shown again, filled in, when a post is refused. */
export function LiveAddForm(p: { t: LiveBlogAdminStrings; articleId: number; csrf: string; values?: LivePostFormValues }) {
  return (
    <form data-save-first="" method="post" action={`${base(p.articleId)}/posts`} class="card-form live-add">
      <Csrf csrf={p.csrf} />
      <h3>{p.t.newPost}</h3>
      <PostFields t={p.t} prefix="live-new" values={p.values ?? { kind: 'text', text: '', source: '', keyEvent: false }} withKind />
      <button type="submit" class="primary">
        {p.t.post}
      </button>
    </form>
  );
}

function PostItem(p: { t: LiveBlogAdminStrings; post: LivePost; csrf: string; style: 'hi' | 'en' }) {
  const { t, post } = p;
  const values = livePostFormValues(post);
  const url = `${base(post.articleId)}/posts/${post.id}`;
  return (
    <li class="live-post" id={`live-post-${post.id}`}>
      <p class="muted">
        <time dateTime={toIsoWithOffset(post.createdAt)}>{formatDateTime(post.createdAt, p.style)}</time> · {post.authorName} · {t.kinds[post.kind]}
        {post.keyEvent && <strong> · {t.keyEventMark}</strong>}
        {post.editedAt && <span class="live-updated"> · {t.updated}</span>}
      </p>
      {values.text !== '' && <p class="live-post-text">{values.text.length > 280 ? `${values.text.slice(0, 280)}…` : values.text}</p>}
      {values.source !== '' && <p class="muted">{values.source}</p>}
      <details>
        <summary>{t.edit}</summary>
        <form data-save-first="" method="post" action={url} class="card-form">
          <Csrf csrf={p.csrf} />
          <PostFields t={t} prefix={`live-${post.id}`} values={values} withKind={false} />
          <button type="submit">{t.save}</button>
        </form>
      </details>
      <form data-save-first="" method="post" action={`${url}/key-event`} class="inline-form">
        <Csrf csrf={p.csrf} />
        <input type="hidden" name="keyEvent" value={post.keyEvent ? '0' : '1'} />
        <button type="submit">{post.keyEvent ? t.unpin : t.pin}</button>
      </form>
      <details>
        <summary>{t.delete}</summary>
        <form data-save-first="" method="post" action={`${url}/delete`} class="inline-form">
          <Csrf csrf={p.csrf} />
          <p>{t.deleteConfirm}</p>
          <button type="submit" class="danger">
            {t.deleteYes}
          </button>
        </form>
      </details>
    </li>
  );
}

/** The panel in the editor's side column; `page` is null until the blog is started. */
export function LiveBlogPanel(p: { chrome: AdminChrome; articleId: number; page: LivePanelPage | null; readOnly?: boolean }) {
  const t = liveBlogStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const csrf = p.chrome.csrfToken;
  const blog = p.page?.blog ?? null;
  if (p.readOnly) {
    return (
      <section class="side-box live-blog" id="live-blog" aria-labelledby="live-blog-title">
        <h2 id="live-blog-title">{t.title}</h2>
        <p class="help">{blog ? t.readOnly : t.notStarted}</p>
        {p.page && p.page.posts.length > 0 && (
          <ol class="plain-list live-posts">
            {p.page.posts.map((post) => (
              <li key={post.id} id={`live-post-${post.id}`}>
                <time dateTime={toIsoWithOffset(post.createdAt)}>{formatDateTime(post.createdAt, style)}</time> · {post.authorName} · {t.kinds[post.kind]}
                {post.editedAt && ` · ${t.updated}`}
              </li>
            ))}
          </ol>
        )}
      </section>
    );
  }
  return (
    <section class="side-box live-blog" id="live-blog" aria-labelledby="live-blog-title">
      <h2 id="live-blog-title">{t.title}</h2>
      {!blog && <p class="help">{t.notStarted}</p>}
      {blog && (
        <p class="muted">
          {t.startedAt} {formatDateTime(blog.startedAt, style)}
          {blog.endedAt && ` · ${t.endedAt} ${formatDateTime(blog.endedAt, style)}`}
        </p>
      )}
      {(!blog || blog.endedAt) && (
        <form data-save-first="" method="post" action={`${base(p.articleId)}/start`} class="inline-form">
          <Csrf csrf={csrf} />
          <button type="submit">{blog ? t.restart : t.start}</button>
        </form>
      )}
      {blog && !blog.endedAt && <p class="help">{t.intro}</p>}
      {blog && !blog.endedAt && <LiveAddForm t={t} articleId={p.articleId} csrf={csrf} />}
      {p.page && (
        <>
          <h3>{t.posts}</h3>
          {p.page.posts.length === 0 ? (
            <p class="muted">{t.noPosts}</p>
          ) : (
            <ol class="plain-list live-posts">
              {p.page.posts.map((post) => (
                <PostItem key={post.id} t={t} post={post} csrf={csrf} style={style} />
              ))}
            </ol>
          )}
          {p.page.earlierBefore !== null && <p class="muted">{t.more}</p>}
        </>
      )}
      {blog && !blog.endedAt && (
        <details class="live-end">
          <summary>{t.end}</summary>
          <form data-save-first="" method="post" action={`${base(p.articleId)}/end`}>
            <Csrf csrf={csrf} />
            <p>{t.endConfirm}</p>
            <button type="submit" class="danger">
              {t.endYes}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

/** A refused change (400/403/404/409/410): the reason in the user's language, nothing saved, the add form kept. */
export function renderLiveBlogRefusal(p: { chrome: AdminChrome; articleId: number; message: string; values?: LivePostFormValues }): string {
  const t = liveBlogStringsFor(p.chrome.user);
  return renderAdminPage(
    p.chrome,
    t.refusedTitle,
    <section class="live-blog-refused">
      <h1>{t.refusedTitle}</h1>
      <p class="notice error" role="alert">
        {p.message} {t.nothingSaved}
      </p>
      {p.values && <LiveAddForm t={t} articleId={p.articleId} csrf={p.chrome.csrfToken} values={p.values} />}
      <p>
        <a href={p.articleId > 0 ? `/admin/articles/${p.articleId}/edit#live-blog` : '/admin'}>{t.back}</a>
      </p>
    </section>,
  );
}
