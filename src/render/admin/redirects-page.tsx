import type { Redirect } from '../../domain/redirects/redirect.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { MAX_SITE_PATH_LENGTH } from '../../lib/site-path.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { redirectStringsFor, type RedirectAdminStrings } from './redirect-admin-strings.ts';
import { ButtonForm, Csrf, Field, type FieldErrors, Notice, Pager } from './site-form.tsx';

export interface RedirectFormValues {
  fromPath: string;
  toPath: string;
}

export interface RedirectsPageProps {
  chrome: AdminChrome;
  query: string;
  items: readonly Redirect[];
  total: number;
  page: number;
  pageSize: number;
  notice?: string;
  /** The add form: what was typed and what was wrong with it. */
  create: { values: RedirectFormValues; errors: FieldErrors };
}

/** An old address as people read it: decoded (it is stored so), a WordPress key as it is. */
function Path({ path }: { path: string }) {
  return <code lang="en">{path}</code>;
}

/** A stored target is percent-encoded for the Location header; shown decoded where it can be. */
function readable(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

function RedirectFields({ t, values, errors }: { t: RedirectAdminStrings; values: RedirectFormValues; errors: FieldErrors }) {
  return (
    <>
      <Field name="fromPath" label={t.fromPath} value={values.fromPath} errors={errors} help={t.fromPathHelp} maxLength={MAX_SITE_PATH_LENGTH} required lang="en" />
      <Field name="toPath" label={t.toPath} value={values.toPath} errors={errors} help={t.toPathHelp} maxLength={MAX_SITE_PATH_LENGTH} required lang="en" />
    </>
  );
}

function Errors({ t, errors }: { t: RedirectAdminStrings; errors: FieldErrors }) {
  return Object.keys(errors).length > 0 ? (
    <p class="form-error" role="alert">
      {t.fixErrors}
    </p>
  ) : null;
}

/** Redirects, newest change first, with a search box, pages, and a form to add one. */
export function renderRedirectsPage(p: RedirectsPageProps): string {
  const t = redirectStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const href = (n: number) => `/admin/redirects?${new URLSearchParams({ ...(p.query ? { q: p.query } : {}), page: String(n) }).toString()}`;
  return renderAdminPage(
    { ...p.chrome, current: 'redirects' },
    t.title,
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <Notice text={p.notice} />
      <h2>{t.add}</h2>
      <Errors t={t} errors={p.create.errors} />
      <form method="post" action="/admin/redirects" class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <RedirectFields t={t} values={p.create.values} errors={p.create.errors} />
        <button type="submit" class="primary">
          {t.add}
        </button>
      </form>
      <h2>{t.title}</h2>
      <form method="get" action="/admin/redirects" class="inline-form" role="search">
        <label for="redirect-q">{t.searchLabel}</label> <input id="redirect-q" name="q" type="search" value={p.query} maxLength={200} />{' '}
        <button type="submit">{t.search}</button>
      </form>
      <p class="muted">{t.count(p.total)}</p>
      {p.items.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.fromPath}</th>
              <th>{t.toPath}</th>
              <th>{t.origin}</th>
              <th>{t.updated}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Path path={r.fromPath} />
                </td>
                <td>
                  <a href={r.toPath} lang="en">
                    {readable(r.toPath)}
                  </a>
                </td>
                <td>{t.origins[r.origin] ?? r.origin}</td>
                <td>
                  <time dateTime={r.updatedAt.toISOString()}>{formatDateTime(r.updatedAt, style)}</time>
                </td>
                <td>
                  <a href={`/admin/redirects/${r.id}/edit`}>{t.edit}</a>{' '}
                  <ButtonForm action={`/admin/redirects/${r.id}/delete`} csrf={p.chrome.csrfToken} label={`${t.delete}: ${r.fromPath}`}>
                    {t.delete}
                  </ButtonForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={p.page} pages={pages} href={href} />
    </>,
  );
}

export interface RedirectEditPageProps {
  chrome: AdminChrome;
  redirect: Redirect;
  values: RedirectFormValues;
  errors: FieldErrors;
}

export function renderRedirectEditPage({ chrome, redirect, values, errors }: RedirectEditPageProps): string {
  const t = redirectStringsFor(chrome.user);
  return renderAdminPage(
    { ...chrome, current: 'redirects' },
    t.editTitle,
    <>
      <p>
        <a href="/admin/redirects">{t.back}</a>
      </p>
      <h1>{t.editTitle}</h1>
      <Errors t={t} errors={errors} />
      <form method="post" action={`/admin/redirects/${redirect.id}`} class="card-form">
        <Csrf token={chrome.csrfToken} />
        <RedirectFields t={t} values={values} errors={errors} />
        <button type="submit" class="primary">
          {t.save}
        </button>
      </form>
    </>,
  );
}

/** The form's values for a stored redirect (its target shown decoded). */
export function redirectFormValues(r: Redirect): RedirectFormValues {
  return { fromPath: r.fromPath, toPath: readable(r.toPath) };
}
