import type { ComponentChildren } from 'preact';
import type { PublicComment } from '../../domain/comments/comment.ts';
import { type DateStyle, formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { T } from '../strings.ts';

export interface CommentSectionProps {
  /** Path of the article; the form posts to `<path>/comments`. */
  articlePath: string;
  comments: readonly PublicComment[];
  open: boolean;
  dateStyle: DateStyle;
}

/** A labelled form field; the label is English like the reference form's. */
function Field({ name, label, required, children }: { name: string; label: string; required?: boolean; children: ComponentChildren }) {
  return (
    <p class="field">
      <label for={name} lang="en">
        {label} {required && <span class="required">*</span>}
      </label>
      {children}
    </p>
  );
}

/** Approved comments, then the reference page's `Leave a Reply` form. */
export function CommentSection({ articlePath, comments, open, dateStyle }: CommentSectionProps) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {T.commentsCount(comments.length)}
      </h2>
      {comments.length === 0 && open && <p class="muted">{T.noComments}</p>}
      {comments.length > 0 && (
        <ol class="comment-list">
          {comments.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} class="comment">
              <p class="comment-meta">
                <strong>
                  {c.authorUrl ? (
                    <a href={c.authorUrl} rel="nofollow ugc noopener">
                      {c.authorName}
                    </a>
                  ) : (
                    c.authorName
                  )}
                </strong>{' '}
                <time dateTime={toIsoWithOffset(c.createdAt)}>{formatDateTime(c.createdAt, dateStyle)}</time>
              </p>
              <div class="comment-body">
                {c.body.split('\n').map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <div id="respond" class="respond">
          <h2 class="section-title" lang="en">
            {T.leaveReply}
          </h2>
          <form method="post" action={`${articlePath}/comments`} class="comment-form" noValidate={false}>
            <p class="comment-notes" lang="en">
              {T.emailNotice} {T.requiredNotice} <span class="required" aria-hidden="true">*</span>
            </p>
            <Field name="comment" label={T.commentLabel} required>
              <textarea id="comment" name="comment" rows={6} maxLength={5000} required />
            </Field>
            <Field name="author" label={T.nameLabel} required>
              <input id="author" name="author" type="text" maxLength={100} autoComplete="name" required />
            </Field>
            <Field name="email" label={T.emailLabel} required>
              <input id="email" name="email" type="email" maxLength={200} autoComplete="email" required />
            </Field>
            <Field name="url" label={T.websiteLabel}>
              <input id="url" name="url" type="url" maxLength={200} autoComplete="url" />
            </Field>
            <p class="form-submit">
              <button type="submit" lang="en">
                {T.postComment}
              </button>
            </p>
          </form>
        </div>
      ) : (
        <p class="muted">{T.commentsClosed}</p>
      )}
    </section>
  );
}
