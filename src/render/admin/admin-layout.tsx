import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { User } from '../../domain/users/user.ts';
import { ADMIN_STRINGS, type AdminStrings } from './admin-strings.ts';

/** What every newsroom screen needs, gathered by http/admin. */
export interface AdminChrome {
  /** Null on the sign-in screen. */
  readonly user: User | null;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly cssUrl: string;
  /** Module scripts this screen loads (the editor bundle only on the editor screen). */
  readonly scripts?: readonly string[];
  /** Which navigation item is current. */
  readonly current?: string;
  /** Screens the user may open, in order: [key, href]. */
  readonly nav: readonly (readonly [keyof AdminStrings & string, string])[];
  /**
   * The page's language when nobody is signed in but the account is known (a password
   * reset link opens in its account's language); otherwise the user's, else Hindi.
   */
  readonly locale?: User['locale'];
}

export function stringsFor(user: Pick<User, 'locale'> | null): AdminStrings {
  return ADMIN_STRINGS[user?.locale ?? 'hi'];
}

function AdminDocument({ chrome, title, children }: { chrome: AdminChrome; title: string; children: ComponentChildren }) {
  const lang = chrome.locale ?? chrome.user?.locale ?? 'hi';
  const t = stringsFor({ locale: lang });
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="csrf-token" content={chrome.csrfToken} />
        <title>{`${title} · ${t.newsroom} · ${chrome.siteName}`}</title>
        <link rel="stylesheet" href={chrome.cssUrl} />
        {(chrome.scripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
      </head>
      <body class="admin">
        <header class="admin-header">
          <a class="admin-brand" href="/admin">
            {chrome.siteName} · {t.newsroom}
          </a>
          {chrome.user && (
            <nav class="admin-nav" aria-label={t.newsroom}>
              <ul>
                {chrome.nav.map(([key, href]) => (
                  <li key={key}>
                    <a href={href} {...(chrome.current === key ? { 'aria-current': 'page' } : {})}>
                      {String(t[key])}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {chrome.user && (
            <form method="post" action="/admin/sign-out" class="admin-signout">
              <input type="hidden" name="_csrf" value={chrome.csrfToken} />
              <span class="admin-user">
                {chrome.user.name} ({t.roles[chrome.user.role]})
              </span>{' '}
              <button type="submit" class="link-button">
                {t.signOut}
              </button>
            </form>
          )}
        </header>
        <main id="main" class="admin-main">
          {children}
        </main>
      </body>
    </html>
  );
}

export function renderAdminPage(chrome: AdminChrome, title: string, content: ComponentChildren): string {
  return `<!doctype html>${render(
    <AdminDocument chrome={chrome} title={title}>
      {content}
    </AdminDocument>,
  )}`;
}
