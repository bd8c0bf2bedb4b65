import type { ArticleStatus } from '../../domain/articles/article.ts';
import type { Section } from '../../domain/sections/section.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Pager } from './site-form.tsx';

export interface DeskPageProps {
  chrome: AdminChrome;
  items: readonly { id: number; headline: string; status: ArticleStatus; sectionName: string; updatedAt: Date; publishedAt: Date | null }[];
  total: number;
  page: number;
  pageSize: number;
  status?: ArticleStatus;
  sections: readonly Section[];
  canCreate: boolean;
  notice?: string;
}

const STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

/** The newsroom's list of stories, filterable by status, with a "new article" form. */
export function renderDeskPage(p: DeskPageProps): string {
  const t = stringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const q = (n: number) => `/admin?${new URLSearchParams({ ...(p.status ? { status: p.status } : {}), page: String(n) }).toString()}`;
  return renderAdminPage(
    { ...p.chrome, current: 'articles' },
    t.articles,
    <>
      <div class="admin-title-row">
        <h1>{t.articles}</h1>
        {p.canCreate && (
          <form method="post" action="/admin/articles" class="inline-form">
            <input type="hidden" name="_csrf" value={p.chrome.csrfToken} />
            <label class="visually-hidden" for="new-section">
              {t.section}
            </label>
            <select id="new-section" name="sectionId">
              {p.sections.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t.newArticle}</button>
          </form>
        )}
      </div>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <nav class="filters" aria-label={t.status}>
        <a href="/admin" {...(!p.status ? { 'aria-current': 'true' } : {})}>
          ∗
        </a>
        {STATUSES.map((s) => (
          <a key={s} href={`/admin?status=${s}`} {...(p.status === s ? { 'aria-current': 'true' } : {})}>
            {t.statuses[s]}
          </a>
        ))}
      </nav>
      {p.items.length === 0 ? (
        <p class="muted">{t.nothingHere}</p>
      ) : (
        <table class="desk">
          <thead>
            <tr>
              <th>{t.headline}</th>
              <th>{t.section}</th>
              <th>{t.status}</th>
              <th>{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/admin/articles/${a.id}/edit`}>{a.headline || '—'}</a>
                </td>
                <td>{a.sectionName}</td>
                <td>
                  <span class={`status status-${a.status}`}>{t.statuses[a.status]}</span>
                  {a.status === 'scheduled' && a.publishedAt && <small> {formatDateTime(a.publishedAt, style)}</small>}
                </td>
                <td>{formatDateTime(a.updatedAt, style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={p.page} pages={pages} href={q} />
    </>,
  );
}
