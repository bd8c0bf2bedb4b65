import { accountStringsFor } from './account-admin-strings.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';

export interface AccountPageProps {
  chrome: AdminChrome;
  /** The byline this account's new stories carry (null: none linked yet). */
  byline?: { name: string; slug: string } | null;
  notice?: string;
  /** Field name → message, shown next to the field. */
  errors?: Readonly<Record<string, string>>;
}

/** The signed-in user's own settings: interface language and password, and which byline they write under. */
export function renderAccountPage({ chrome, byline, notice, errors = {} }: AccountPageProps): string {
  const t = stringsFor(chrome.user);
  const a = accountStringsFor(chrome.user);
  const locale = chrome.user?.locale ?? 'hi';
  return renderAdminPage(
    { ...chrome, current: 'account' },
    t.account,
    <>
      <h1>{t.account}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {byline !== undefined && (
        <p>
          {a.byline}:{' '}
          {byline ? (
            <a href={`/author/${byline.slug}`}>{byline.name}</a>
          ) : (
            <span class="muted">{a.noBylineYet}</span>
          )}
        </p>
      )}
      <form method="post" action="/admin/account/locale" class="card-form">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <p class="field">
          <label for="locale">{t.language}</label>
          <select id="locale" name="locale">
            <option value="hi" selected={locale === 'hi'}>
              हिंदी
            </option>
            <option value="en" selected={locale === 'en'}>
              English
            </option>
          </select>
        </p>
        <button type="submit">{t.save}</button>
      </form>
      <form method="post" action="/admin/account/password" class="card-form">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <h2>{t.changePassword}</h2>
        <p class="field">
          <label for="currentPassword">{t.currentPassword}</label>
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
          {errors.currentPassword && <span class="field-error">{errors.currentPassword}</span>}
        </p>
        <p class="field">
          <label for="newPassword">{t.newPassword}</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={8} maxLength={128} required />
          {errors.newPassword && <span class="field-error">{errors.newPassword}</span>}
        </p>
        <button type="submit">{t.changePassword}</button>
      </form>
    </>,
  );
}
