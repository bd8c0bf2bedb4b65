import type { Tag, TagWithCount } from '../../domain/tags/tag.ts';
import { TAG_NAME_MAX } from '../../domain/tags/tag.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, Notice, Pager } from './site-form.tsx';

export interface TagsPageProps {
  chrome: AdminChrome;
  query: string;
  items: readonly TagWithCount[];
  total: number;
  page: number;
  pageSize: number;
  notice?: string;
}

/** Tags by name with how many stories carry each, a search box, and pages. */
export function renderTagsPage(p: TagsPageProps): string {
  const a = stringsFor(p.chrome.user);
  const t = siteStringsFor(p.chrome.user);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const href = (n: number) => `/admin/tags?${new URLSearchParams({ ...(p.query ? { q: p.query } : {}), page: String(n) }).toString()}`;
  return renderAdminPage(
    { ...p.chrome, current: 'tags' },
    a.tags,
    <>
      <h1>{a.tags}</h1>
      <Notice text={p.notice} />
      <form method="get" action="/admin/tags" class="inline-form" role="search">
        <label for="tag-q">{t.searchTags}</label> <input id="tag-q" name="q" type="search" value={p.query} maxLength={80} />{' '}
        <button type="submit">{t.search}</button>
      </form>
      <p class="muted">{t.tagCount(p.total)}</p>
      {p.items.length === 0 ? (
        <p class="muted">{t.noTags}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.tagName}</th>
              <th>{t.slug}</th>
              <th class="num">{t.articleCount}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((tag) => (
              <tr key={tag.id}>
                <td>{tag.name}</td>
                <td>
                  <a href={`/tag/${tag.slug}`} lang="en">
                    /tag/{tag.slug}
                  </a>
                </td>
                <td class="num">{tag.articleCount}</td>
                <td>
                  <a href={`/admin/tags/${tag.id}/edit`}>{t.rename}</a>
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

export interface TagEditPageProps {
  chrome: AdminChrome;
  tag: Tag;
  values: { name: string };
  errors: FieldErrors;
}

export function renderTagEditPage({ chrome, tag, values, errors }: TagEditPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  return renderAdminPage(
    { ...chrome, current: 'tags' },
    `${t.renameTag}: ${tag.name}`,
    <>
      <p>
        <a href="/admin/tags">{t.back}</a>
      </p>
      <h1>
        {t.renameTag}: {tag.name}
      </h1>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={`/admin/tags/${tag.id}`} class="card-form">
        <Csrf token={chrome.csrfToken} />
        <Field name="name" label={t.tagName} value={values.name} errors={errors} maxLength={TAG_NAME_MAX} required />
        <p class="help">
          {t.slugKept} <code lang="en">/tag/{tag.slug}</code>
        </p>
        <button type="submit" class="primary">{a.save}</button>
      </form>
    </>,
  );
}
