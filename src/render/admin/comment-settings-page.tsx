import type { BlocklistEntry } from '../../domain/comments/comment-spam.ts';
import type { WebhookDelivery } from '../../domain/comments/comment.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { commentAdminStringsFor } from './comment-admin-strings.ts';
import { ButtonForm, Csrf, Field, type FieldErrors, fieldId, Notice } from './site-form.tsx';

/** The comment settings form as typed (numbers as text, so a mistake comes back as it was). */
export interface CommentSettingsFormValues {
  commentsEnabled: boolean;
  commentModeration: string;
  commentAutoCloseDays: string;
  commentMaxLinks: string;
  commentMinSeconds: string;
  commentIpLimit: string;
  commentEmailLimit: string;
  webhookUrl: string;
}

export interface CommentSettingsPageProps {
  chrome: AdminChrome;
  values: CommentSettingsFormValues;
  errors: FieldErrors;
  signingKey: string;
  deliveries: readonly WebhookDelivery[];
  blocklist: readonly BlocklistEntry[];
  block: { kind: string; value: string; note: string; error?: string | undefined };
  notice?: string | undefined;
}

function Choice({ name, label, options, value, error }: { name: string; label: string; options: Readonly<Record<string, string>>; value: string; error: string | undefined }) {
  const id = fieldId(name);
  return (
    <fieldset class={`field-group${error ? ' has-error' : ''}`} {...(error ? { 'aria-describedby': `${id}-error` } : {})}>
      <legend>{label}</legend>
      {Object.entries(options).map(([k, text]) => (
        <p key={k} class="field">
          <label>
            <input type="radio" name={name} value={k} checked={value === k} /> {text}
          </label>
        </p>
      ))}
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Comment settings, the webhook, and the blocklist (admins). */
export function renderCommentSettingsPage(p: CommentSettingsPageProps): string {
  const a = stringsFor(p.chrome.user);
  const t = commentAdminStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const v = p.values;
  const num = (name: keyof CommentSettingsFormValues, label: string, help?: string) => (
    <Field name={name} label={label} value={String(v[name])} errors={p.errors} type="number" inputMode="numeric" {...(help ? { help } : {})} />
  );
  const kindId = fieldId('kind');
  return renderAdminPage(
    { ...p.chrome, current: 'comments' },
    t.settingsTitle,
    <>
      <div class="admin-title-row">
        <h1>{t.settingsTitle}</h1>
        <a href="/admin/comments">{t.title}</a>
      </div>
      <Notice text={p.notice} />
      <p class="muted">{t.settingsIntro}</p>
      <form method="post" action="/admin/comments/settings" class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <p class="field">
          <label>
            <input type="checkbox" name="commentsEnabled" value="1" checked={v.commentsEnabled} /> {t.commentsEnabled}
          </label>
        </p>
        <Choice name="commentModeration" label={t.moderation} options={t.moderationModes} value={v.commentModeration} error={p.errors.commentModeration} />
        <p class="muted">
          {t.formLanguageNote} <a href="/admin/settings">{a.settings}</a>
        </p>
        {num('commentAutoCloseDays', t.autoClose, t.autoCloseHelp)}
        {num('commentMaxLinks', t.maxLinks)}
        {num('commentMinSeconds', t.minSeconds)}
        {num('commentIpLimit', t.ipLimit, t.ipLimitHelp)}
        {num('commentEmailLimit', t.emailLimit)}
        <Field name="webhookUrl" label={t.webhookUrl} value={v.webhookUrl} errors={p.errors} help={t.webhookHelp} maxLength={500} lang="en" />
        <p class="field">
          <label for="signing-key">{t.signingKey}</label>
          <input id="signing-key" type="text" readOnly value={p.signingKey} lang="en" />
        </p>
        <button type="submit" class="primary">
          {a.save}
        </button>
      </form>

      {p.deliveries.length > 0 && (
        <section class="card-form">
          <h2>{t.deliveries}</h2>
          <ul class="plain-list">
            {p.deliveries.map((d) => (
              <li key={d.id}>
                #{d.id} · {formatDateTime(d.createdAt, style)} ·{' '}
                {d.deliveredAt ? t.delivered : d.failedAt ? `${t.failed}: ${d.lastError}` : `${t.retrying(d.attempts)}${d.lastError ? `: ${d.lastError}` : ''}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="card-form" aria-labelledby="blocklist-title">
        <h2 id="blocklist-title">{t.blocklist}</h2>
        <p class="help">{t.blocklistIntro}</p>
        <form method="post" action="/admin/comments/blocklist">
          <Csrf token={p.chrome.csrfToken} />
          <p class="field">
            <label for={kindId}>{t.kind}</label>
            <select id={kindId} name="kind">
              {(['word', 'email', 'ip'] as const).map((k) => (
                <option key={k} value={k} selected={p.block.kind === k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </p>
          <Field name="value" label={t.value} value={p.block.value} errors={p.block.error ? { value: p.block.error } : {}} maxLength={200} required />
          <Field name="note" label={t.note} value={p.block.note} errors={{}} maxLength={200} />
          <button type="submit">{t.add}</button>
        </form>
        {p.blocklist.length === 0 ? (
          <p class="muted">{t.emptyBlocklist}</p>
        ) : (
          <table class="desk">
            <thead>
              <tr>
                <th>{t.kind}</th>
                <th>{t.value}</th>
                <th>{t.note}</th>
                <th>
                  <span class="visually-hidden">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.blocklist.map((e) => (
                <tr key={e.id}>
                  <td>{t.kinds[e.kind]}</td>
                  <td>{e.kind === 'ip' ? <small title={t.ipStored}>{`${t.ipStored}: ${e.value.slice(0, 12)}…`}</small> : <code>{e.value}</code>}</td>
                  <td>{e.note}</td>
                  <td>
                    <ButtonForm action={`/admin/comments/blocklist/${e.id}/remove`} csrf={p.chrome.csrfToken} label={t.remove} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>,
  );
}
