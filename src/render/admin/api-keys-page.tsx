/**
 * Admin → API keys: the keys (newest first, revoked ones too), a form to make one, and the
 * new key once, right after it is made. Pure.
 */
import { API_KEY_NAME_MAX, API_KEY_ROLES, type ApiKey } from '../../domain/api-keys/api-key.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { apiKeyStringsFor } from './api-key-admin-strings.ts';
import { ButtonForm, Csrf, Field, type FieldErrors, Notice } from './site-form.tsx';

export interface ApiKeysPageProps {
  chrome: AdminChrome;
  keys: readonly ApiKey[];
  notice?: string;
  /** The key just made: shown this once. */
  created?: { name: string; secret: string };
  form: { values: { name: string; role: string }; errors: FieldErrors };
}

export function renderApiKeysPage(p: ApiKeysPageProps): string {
  const t = apiKeyStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const roleError = p.form.errors.role;
  return renderAdminPage(
    { ...p.chrome, current: 'apiKeys' },
    t.title,
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <p>
        <a href="/api/v1/docs">{t.docs}</a>
      </p>
      <Notice text={p.notice} />
      {p.created && (
        <section class="card-form" aria-labelledby="new-key-title" role="status">
          <h2 id="new-key-title">{`${t.createdTitle}: ${p.created.name}`}</h2>
          <p>{t.createdHelp}</p>
          <p>
            <code lang="en" class="secret" id="new-key">
              {p.created.secret}
            </code>
          </p>
        </section>
      )}
      <h2>{t.add}</h2>
      {Object.keys(p.form.errors).length > 0 && (
        <p class="form-error" role="alert">
          {t.fixErrors}
        </p>
      )}
      <form method="post" action="/admin/api-keys" class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <Field name="name" label={t.name} value={p.form.values.name} errors={p.form.errors} help={t.nameHelp} maxLength={API_KEY_NAME_MAX} required />
        <fieldset class={`field${roleError ? ' has-error' : ''}`} {...(roleError ? { 'aria-describedby': 'field-role-error' } : {})}>
          <legend>{t.role}</legend>
          {API_KEY_ROLES.map((role) => (
            <label class="choice">
              <input type="radio" name="role" value={role} checked={p.form.values.role === role} required /> {t.roles[role]}
            </label>
          ))}
          {roleError && (
            <span id="field-role-error" class="field-error">
              {roleError}
            </span>
          )}
        </fieldset>
        <button type="submit" class="primary">
          {t.create}
        </button>
      </form>
      <h2>{t.title}</h2>
      {p.keys.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.prefix}</th>
              <th>{t.role}</th>
              <th>{t.createdBy}</th>
              <th>{t.createdAt}</th>
              <th>{t.lastUsed}</th>
              <th>{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {p.keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code lang="en">{`${k.prefix}…`}</code>
                </td>
                <td>{t.roleShort[k.role] ?? k.role}</td>
                <td>{k.createdBy ?? ''}</td>
                <td>
                  <time dateTime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt, style)}</time>
                </td>
                <td>{k.lastUsedAt ? <time dateTime={k.lastUsedAt.toISOString()}>{formatDateTime(k.lastUsedAt, style)}</time> : t.never}</td>
                <td>
                  {k.revokedAt ? (
                    t.revokedBy(`${k.revokedBy ?? ''} ${formatDateTime(k.revokedAt, style)}`.trim())
                  ) : (
                    <>
                      {t.active}{' '}
                      <ButtonForm action={`/admin/api-keys/${k.id}/revoke`} csrf={p.chrome.csrfToken} label={`${t.revoke}: ${k.name}`}>
                        {t.revoke}
                      </ButtonForm>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}
