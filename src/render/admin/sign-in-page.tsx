import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';

export interface SignInPageProps {
  chrome: AdminChrome;
  /** The email typed, kept after a failed attempt. */
  email?: string;
  error?: string;
  next?: string;
}

export function renderSignInPage({ chrome, email, error, next }: SignInPageProps): string {
  const t = stringsFor(null);
  const en = stringsFor({ locale: 'en' });
  return renderAdminPage(
    chrome,
    t.signIn,
    <section class="sign-in">
      <h1>
        {t.signIn} <span lang="en">/ {en.signIn}</span>
      </h1>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/admin/sign-in">
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <p class="field">
          <label for="email">
            {t.email} / <span lang="en">{en.email}</span>
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={320} value={email ?? ''} />
        </p>
        <p class="field">
          <label for="password">
            {t.password} / <span lang="en">{en.password}</span>
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </p>
        <p>
          <button type="submit">{t.signIn}</button>
        </p>
      </form>
    </section>,
  );
}
