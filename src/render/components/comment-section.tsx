import { type ComponentChildren, Fragment } from 'preact';
import { render } from 'preact-render-to-string';
import { type PublicComment, threadComments } from '../../domain/comments/comment.ts';
import { COMMENT_MAX_CHARS, EMAIL_MAX_CHARS, NAME_MAX_CHARS, URL_MAX_CHARS } from '../../domain/comments/comment-input.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { linkify } from '../../lib/linkify.ts';
import { digits, type ReaderLocale, readerDateTime } from '../reader-locale.ts';

/** What a reader typed, and what was wrong with it (a post without JavaScript that came back). */
export interface CommentFormState {
  readonly values: { readonly comment: string; readonly author: string; readonly email: string; readonly url: string };
  readonly parentId: number | null;
  /** Field name → message, in the form's language. */
  readonly errors: Readonly<Record<string, string>>;
  /** A message for the whole form (too many comments …). */
  readonly message?: string;
}

/** The message after a post without JavaScript was redirected back. */
export type CommentNotice = { readonly kind: 'published'; readonly commentId: number } | { readonly kind: 'held' };

export interface CommentSectionProps {
  /** Path of the article; the form posts to `<path>/comments`. */
  articlePath: string;
  articleId: number;
  comments: readonly PublicComment[];
  open: boolean;
  /** The site's reader language and digits: labels, messages and dates. */
  locale: ReaderLocale;
  /** The reader script that posts without a reload and fetches the form token. */
  scriptUrl?: string | undefined;
  form?: CommentFormState | undefined;
  notice?: CommentNotice | undefined;
  /** The comment being replied to (`?replyto=` without JavaScript). */
  replyTo?: PublicComment | null | undefined;
}

/** Twelve avatar colours (classes in site.css); a name always gets the same one. */
function avatarHue(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h >>> 0) % 12;
}

const segmenter = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/** The first letter as a reader sees it (`रा` of `राम`, a whole emoji). */
function initial(name: string): string {
  for (const { segment } of segmenter.segment(name.trim())) return segment.toUpperCase();
  return '?';
}

/** Plain text to paragraphs, lines and links; never HTML. */
export function CommentText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {linkify(line).map((piece, k) =>
                'href' in piece ? (
                  <a key={k} href={piece.href} rel="nofollow ugc noopener">
                    {piece.text}
                  </a>
                ) : (
                  piece.text
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

interface CommentItemProps {
  comment: PublicComment;
  articlePath: string;
  /** The site's reader language and digits: labels, messages and dates. */
  locale: ReaderLocale;
  open: boolean;
  /** Name of the comment this one answers, when it is a reply to a reply. */
  inReplyTo?: string | undefined;
  notice?: string | undefined;
  children?: ComponentChildren;
}

/** One comment: avatar (an initial, never an image from the email), name, time, text, reply link. */
export function CommentItem({ comment: c, articlePath, locale, open, inReplyTo, notice, children }: CommentItemProps) {
  const s = locale.comments;
  const language = locale.lang;
  return (
    <li id={`comment-${c.id}`} class={`comment${c.byNewsroom ? ' by-newsroom' : ''}`}>
      <div class="comment-card">
        <p class="comment-meta">
          <span class={`avatar avatar-h${avatarHue(c.authorName)}`} aria-hidden="true">
            {initial(c.authorName)}
          </span>
          <strong class="comment-author">
            <bdi>
              {c.authorUrl ? (
                <a href={c.authorUrl} rel="nofollow ugc noopener">
                  {c.authorName}
                </a>
              ) : (
                c.authorName
              )}
            </bdi>
          </strong>
          {c.byNewsroom && (
            <span class="comment-badge" lang={language}>
              {s.newsroom}
            </span>
          )}
          {inReplyTo && (
            <span class="comment-in-reply">
              <span lang={language}>{s.inReplyTo}</span> <bdi>{inReplyTo}</bdi>
            </span>
          )}
          <a class="comment-permalink" href={`#comment-${c.id}`}>
            <time dateTime={toIsoWithOffset(c.createdAt)}>{readerDateTime(locale, c.createdAt)}</time>
          </a>
        </p>
        <div class="comment-body" dir="auto">
          <CommentText text={c.body} />
        </div>
        {notice && (
          <p class="comment-notice" role="status">
            {notice}
          </p>
        )}
        {open && (
          <p class="comment-actions">
            <a
              class="comment-reply"
              href={`${articlePath}?replyto=${c.id}#respond`}
              data-reply-to={String(c.id)}
              data-author={c.authorName}
              rel="nofollow"
              lang={language}
            >
              {s.reply}
            </a>
          </p>
        )}
      </div>
      {children}
    </li>
  );
}

/** One comment as HTML, for the reader script to insert after posting without a reload. */
export function renderCommentHtml(props: CommentItemProps): string {
  return render(<CommentItem {...props} />);
}

function FieldError({ name, message }: { name: string; message: string | undefined }) {
  // Always present, so the reader script can fill it; empty and hidden when there is nothing to say.
  return (
    <span id={`${name}-error`} class="field-error" hidden={!message}>
      {message ?? ''}
    </span>
  );
}

/** A labelled form field with its error next to it. */
function Field({ name, label, required, language, error, children }: { name: string; label: string; required?: boolean; language: ReaderLocale['lang']; error?: string | undefined; children: ComponentChildren }) {
  return (
    <p class={`field comment-form-${name}${error ? ' has-error' : ''}`}>
      <label for={name} lang={language}>
        {label} {required && <span class="required">*</span>}
      </label>
      {children}
      <FieldError name={name} message={error} />
    </p>
  );
}

const invalid = (error: string | undefined, name: string, extra?: string) => ({
  'aria-describedby': [extra, `${name}-error`].filter(Boolean).join(' '),
  ...(error ? { 'aria-invalid': 'true' as const } : {}),
});

/** Published comments in threads two levels deep, then the reference page's `Leave a Reply` form. */
export function CommentSection({ articlePath, articleId, comments, open, locale, scriptUrl, form, notice, replyTo }: CommentSectionProps) {
  const s = locale.comments;
  const language = locale.lang;
  const threads = threadComments(comments);
  const names = new Map(comments.map((c) => [c.id, c.authorName]));
  const values = form?.values ?? { comment: '', author: '', email: '', url: '' };
  const errors = form?.errors ?? {};
  const parentId = form?.parentId ?? replyTo?.id ?? null;
  const parentName = parentId !== null ? names.get(parentId) : undefined;
  const noticeFor = (id: number) => (notice?.kind === 'published' && notice.commentId === id ? s.published : undefined);
  const item = (c: PublicComment, threadRoot: number | null) => (
    <CommentItem
      key={c.id}
      comment={c}
      articlePath={articlePath}
      locale={locale}
      open={open}
      inReplyTo={threadRoot !== null && c.parentId !== null && c.parentId !== threadRoot ? names.get(c.parentId) : undefined}
      notice={noticeFor(c.id)}
    />
  );
  const formMessage = form?.message ?? (Object.keys(errors).length > 0 ? s.fixErrors : undefined);
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {digits(locale, locale.t.commentsCount(comments.length))}
      </h2>
      {comments.length === 0 && open && <p class="muted">{locale.t.noComments}</p>}
      <ol class="comment-list" id="comment-list" hidden={comments.length === 0}>
        {threads.map(({ comment, replies }) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            articlePath={articlePath}
            locale={locale}
            open={open}
            notice={noticeFor(comment.id)}
          >
            {replies.length > 0 && <ol class="comment-replies">{replies.map((r) => item(r, comment.id))}</ol>}
          </CommentItem>
        ))}
      </ol>
      {open ? (
        <div id="respond" class="respond">
          <h2 id="reply-title" class="section-title" lang={language} data-default={s.leaveReply} data-reply-template={s.replyTo('{name}')}>
            {parentName ? s.replyTo(parentName) : s.leaveReply}
          </h2>
          <p class="cancel-reply" hidden={!parentName}>
            <a id="cancel-reply" href={`${articlePath}#respond`} rel="nofollow" lang={language}>
              {s.cancelReply}
            </a>
          </p>
          {notice?.kind === 'held' && (
            <p class="form-notice" role="status" lang={language}>
              {s.held}
            </p>
          )}
          <form
            method="post"
            action={`${articlePath}/comments`}
            class="comment-form"
            id="commentform"
            noValidate
            data-article-id={String(articleId)}
            data-lang={language}
            data-network={s.network}
            data-failed={s.failed}
          >
            <p class="comment-notes" lang={language}>
              <span id="email-notes">{s.emailNotice}</span> {s.requiredNotice} <span class="required" aria-hidden="true">*</span>
            </p>
            <p id="comment-form-status" class={`form-status${formMessage ? ' form-status-error' : ''}`} role="alert" lang={language} hidden={!formMessage}>
              {formMessage ?? ''}
            </p>
            <Field name="comment" label={s.commentLabel} required language={language} error={errors.comment}>
              <textarea id="comment" name="comment" rows={6} maxLength={COMMENT_MAX_CHARS} required dir="auto" {...invalid(errors.comment, 'comment')}>
                {values.comment}
              </textarea>
            </Field>
            <Field name="author" label={s.nameLabel} required language={language} error={errors.author}>
              <input id="author" name="author" type="text" maxLength={NAME_MAX_CHARS} autoComplete="name" required dir="auto" value={values.author} {...invalid(errors.author, 'author')} />
            </Field>
            <Field name="email" label={s.emailLabel} required language={language} error={errors.email}>
              <input id="email" name="email" type="email" maxLength={EMAIL_MAX_CHARS} autoComplete="email" required value={values.email} {...invalid(errors.email, 'email', 'email-notes')} />
            </Field>
            <Field name="url" label={s.websiteLabel} language={language} error={errors.url}>
              <input id="url" name="url" type="url" maxLength={URL_MAX_CHARS} autoComplete="url" value={values.url} {...invalid(errors.url, 'url')} />
            </Field>
            {/* A field people never see or fill, and browsers do not autofill (bots do). */}
            <p class="hp-field" aria-hidden="true">
              <label for="comment-subject" lang={language}>
                {s.honeypot}
              </label>
              <input id="comment-subject" name="subject" type="text" tabIndex={-1} autoComplete="off" value="" />
            </p>
            <input type="hidden" name="parent" id="comment-parent" value={parentId === null ? '' : String(parentId)} />
            <input type="hidden" name="token" id="comment-token" value="" />
            <FieldError name="parent" message={errors.parent} />
            <p class="form-submit">
              <button type="submit" lang={language} data-sending={s.sending}>
                {s.postComment}
              </button>
            </p>
          </form>
          {scriptUrl && <script type="module" src={scriptUrl} />}
        </div>
      ) : (
        <p class="muted" lang={language}>
          {s.closed}
        </p>
      )}
    </section>
  );
}
