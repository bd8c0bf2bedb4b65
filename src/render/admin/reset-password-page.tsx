import type { Locale } from '../../domain/users/user.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { accountStringsFor } from './account-admin-strings.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';

export type ResetPasswordPageProps =
  | {
      kind: 'form';
      /** Signed-out chrome whose csrfToken is the form's double-submit token. */
      chrome: AdminChrome;
      /** The account's language: the person is not signed in, so the link's account decides. */
      locale: Locale;
      email: string;
      expiresAt: Date;
      /** Where the form posts: the link's own address. */
      action: string;
      errors?: Readonly<Record<string, string>>;
    }
  | { kind: 'done'; chrome: AdminChrome; locale: Locale }
  /** Any link that cannot be used, in both languages, since its account is not known (or not told). */
  | { kind: 'invalid'; chrome: AdminChrome }
  | { kind: 'throttled'; chrome: AdminChrome; seconds: number };

/** The signed-out page a password reset link opens: the form, the result, or why it does not work. */
export function renderResetPasswordPage(props: ResetPasswordPageProps): string {
  const chrome: AdminChrome = { ...props.chrome, user: null, nav: [] };
  if (props.kind === 'invalid' || props.kind === 'throttled') {
    const hi = accountStringsFor({ locale: 'hi' });
    const en = accountStringsFor({ locale: 'en' });
    const [hiText, enText] = props.kind === 'invalid' ? [hi.resetInvalid, en.resetInvalid] : [hi.resetThrottled(props.seconds), en.resetThrottled(props.seconds)];
    return renderAdminPage(
      chrome,
      hi.resetInvalidTitle,
      <section class="sign-in">
        <h1>
          {hi.resetInvalidTitle} <span lang="en">/ {en.resetInvalidTitle}</span>
        </h1>
        <p class="form-error" role="alert">
          {hiText}
        </p>
        <p lang="en" class="muted">
          {enText}
        </p>
        <p>
          <a href="/admin/sign-in">
            {hi.goToSignIn} / <span lang="en">{en.goToSignIn}</span>
          </a>
        </p>
      </section>,
    );
  }
  const t = accountStringsFor({ locale: props.locale });
  // The whole page (title, header) in the account's language, though nobody is signed in.
  const localized: AdminChrome = { ...chrome, locale: props.locale };
  if (props.kind === 'done') {
    return renderAdminPage(
      localized,
      t.resetDoneTitle,
      <section class="sign-in">
        <h1>{t.resetDoneTitle}</h1>
        <p class="notice" role="status">
          {t.resetDone}
        </p>
        <p>
          <a href="/admin/sign-in">{t.goToSignIn}</a>
        </p>
      </section>,
    );
  }
  const errors = props.errors ?? {};
  return renderAdminPage(
    localized,
    t.resetTitle,
    <section class="sign-in">
      <h1>{t.resetTitle}</h1>
      <p>{t.resetFor(props.email)}</p>
      <p class="muted">{t.resetValidUntil(formatDateTime(props.expiresAt, props.locale))}</p>
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        {/* For password managers: which account the new password belongs to. */}
        <input type="text" name="username" value={props.email} autoComplete="username" hidden readOnly />
        <p class="field">
          <label for="newPassword">{t.newPassword}</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={8} maxLength={128} required />
          {errors.newPassword && <span class="field-error">{errors.newPassword}</span>}
        </p>
        <p class="field">
          <label for="repeatPassword">{t.repeatPassword}</label>
          <input id="repeatPassword" name="repeatPassword" type="password" autoComplete="new-password" minLength={8} maxLength={128} required />
          {errors.repeatPassword && <span class="field-error">{errors.repeatPassword}</span>}
        </p>
        <p>
          <button type="submit">{t.savePassword}</button>
        </p>
      </form>
    </section>,
  );
}
