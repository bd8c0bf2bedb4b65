import type { ArticleStatus } from '../../domain/articles/article.ts';
import {
  type BulkAction,
  type BulkFailure,
  defaultDirection,
  type DeskItem,
  type DeskQuery,
  deskQueryString,
  type DeskSort,
  MAX_DESK_QUERY,
} from '../../domain/articles/desk.ts';
import type { Section } from '../../domain/sections/section.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Csrf, Pager } from './site-form.tsx';

/** What happened to the checked stories, shown after a bulk action. */
export type BulkReport =
  | { readonly none: true }
  | { readonly action: BulkAction; readonly done: number; readonly failed: readonly { readonly id: number; readonly headline: string | null; readonly reason: BulkFailure }[] };

export interface DeskPageProps {
  chrome: AdminChrome;
  query: DeskQuery;
  items: readonly DeskItem[];
  total: number;
  pageCount: number;
  sections: readonly Section[];
  authors: readonly { readonly id: number; readonly name: string }[];
  canCreate: boolean;
  bulkActions: readonly BulkAction[];
  report?: BulkReport | undefined;
}

const STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

const href = (query: DeskQuery, changes: Partial<DeskQuery> = {}) => `/admin${deskQueryString(query, { page: 1, ...changes })}`;

/**
 * The desk: every story the user may see, with headline search, filters (status,
 * section, author, dates), sortable columns, pages that keep the filters, and bulk
 * actions on checked rows. Plain forms and links: it all works without JavaScript.
 */
export function renderDeskPage(p: DeskPageProps): string {
  const t = stringsFor(p.chrome.user);
  const d = t.desk;
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const q = p.query;
  const back = `/admin${deskQueryString(q)}`;
  const filtered = Boolean(q.q || q.status || q.sectionId !== undefined || q.authorId !== undefined || q.from || q.to);

  const SortHeader = ({ sort, label }: { sort: DeskSort; label: string }) => {
    const current = q.sort === sort;
    const next = current ? (q.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
    return (
      <th {...(current ? { 'aria-sort': q.dir === 'asc' ? ('ascending' as const) : ('descending' as const) } : {})}>
        <a href={href(q, { sort, dir: next })}>
          {label}
          {current && (
            <>
              {' '}
              <span aria-hidden="true">{q.dir === 'asc' ? '↑' : '↓'}</span>
              <span class="visually-hidden">({q.dir === 'asc' ? d.sortedAsc : d.sortedDesc})</span>
            </>
          )}
        </a>
      </th>
    );
  };

  return renderAdminPage(
    { ...p.chrome, current: 'articles' },
    q.q ? `${t.articles}: ${q.q}` : t.articles,
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
      {p.report && <Report report={p.report} t={t} />}
      <nav class="filters" aria-label={t.status}>
        <a href={href(q, { status: undefined })} {...(!q.status ? { 'aria-current': 'true' } : {})}>
          {d.allStatuses}
        </a>
        {STATUSES.map((s) => (
          <a key={s} href={href(q, { status: s })} {...(q.status === s ? { 'aria-current': 'true' } : {})}>
            {t.statuses[s]}
          </a>
        ))}
      </nav>
      <form method="get" action="/admin" class="desk-filters" role="search">
        {q.status && <input type="hidden" name="status" value={q.status} />}
        {q.sort !== 'updated' && <input type="hidden" name="sort" value={q.sort} />}
        {q.dir !== defaultDirection(q.sort) && <input type="hidden" name="dir" value={q.dir} />}
        <p class="field desk-q">
          <label for="desk-q">{d.searchLabel}</label>
          <input id="desk-q" name="q" type="search" value={q.q} maxLength={MAX_DESK_QUERY} aria-describedby="desk-q-help" />
          <small id="desk-q-help" class="help">
            {d.searchHelp}
          </small>
        </p>
        <p class="field">
          <label for="desk-section">{t.section}</label>
          <select id="desk-section" name="section">
            <option value="">{d.allSections}</option>
            {p.sections.map((s) => (
              <option key={s.id} value={String(s.id)} selected={q.sectionId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="desk-author">{d.author}</label>
          <select id="desk-author" name="author">
            <option value="">{d.allAuthors}</option>
            {p.authors.map((a) => (
              <option key={a.id} value={String(a.id)} selected={q.authorId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="desk-date">{d.dateField}</label>
          <select id="desk-date" name="date">
            <option value="updated" selected={q.dateField === 'updated'}>
              {d.byUpdated}
            </option>
            <option value="published" selected={q.dateField === 'published'}>
              {d.byPublished}
            </option>
          </select>
        </p>
        <p class="field">
          <label for="desk-from">{d.from}</label>
          <input id="desk-from" name="from" type="date" value={q.from ?? ''} />
        </p>
        <p class="field">
          <label for="desk-to">{d.to}</label>
          <input id="desk-to" name="to" type="date" value={q.to ?? ''} />
        </p>
        <p class="desk-filter-buttons">
          <button type="submit" class="primary">
            {d.filter}
          </button>{' '}
          {filtered && <a href="/admin">{d.clear}</a>}
        </p>
      </form>
      <p class="muted" role="status">
        {d.found(p.total)}
      </p>
      {p.items.length === 0 ? (
        <p class="muted">{filtered ? d.noMatch : t.nothingHere}</p>
      ) : (
        <>
          <form method="post" action="/admin/articles/bulk" id="bulk" class="inline-form desk-bulk">
            <Csrf token={p.chrome.csrfToken} />
            <input type="hidden" name="return" value={back} />
            <label for="bulk-action">{d.bulk}</label>
            <select id="bulk-action" name="action">
              {p.bulkActions.map((a) => (
                <option key={a} value={a}>
                  {d.bulkActions[a]}
                </option>
              ))}
            </select>
            <button type="submit">{d.apply}</button>
          </form>
          <table class="desk">
            <thead>
              <tr>
                <th>
                  <span class="visually-hidden">{d.bulk}</span>
                </th>
                <SortHeader sort="headline" label={t.headline} />
                <SortHeader sort="section" label={t.section} />
                <th>{d.author}</th>
                <SortHeader sort="status" label={t.status} />
                <SortHeader sort="updated" label={t.updated} />
                <SortHeader sort="published" label={d.published} />
              </tr>
            </thead>
            <tbody>
              {p.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <input type="checkbox" name="ids" value={String(a.id)} form="bulk" aria-label={d.select(a.headline || d.story(a.id))} />
                  </td>
                  <td>
                    <a href={`/admin/articles/${a.id}/edit`}>{a.headline || '—'}</a> <small class="muted">#{a.id}</small>
                  </td>
                  <td>
                    <a href={href(q, { sectionId: a.sectionId })}>{a.sectionName}</a>
                  </td>
                  <td>
                    {a.authors.map((au, i) => (
                      <span key={au.id}>
                        {i > 0 && ', '}
                        <a href={href(q, { authorId: au.id })}>{au.name}</a>
                      </span>
                    ))}
                  </td>
                  <td>
                    <span class={`status status-${a.status}`}>{t.statuses[a.status]}</span>
                    {a.pending && <span class={`status status-pending-${a.pending}`}>{a.pending === 'submitted' ? t.pendingSubmitted : t.pendingChanges}</span>}
                  </td>
                  <td>
                    <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt, style)}</time>
                  </td>
                  <td>{a.publishedAt && <time dateTime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt, style)}</time>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pager page={q.page} pages={p.pageCount} href={(n) => `/admin${deskQueryString(q, { page: n })}`} />
    </>,
  );
}

function Report({ report, t }: { report: BulkReport; t: ReturnType<typeof stringsFor> }) {
  const d = t.desk;
  if ('none' in report) {
    return (
      <p class="notice" role="status">
        {d.noneChecked}
      </p>
    );
  }
  return (
    <div class={report.failed.length > 0 ? 'form-error' : 'notice'} role={report.failed.length > 0 ? 'alert' : 'status'}>
      <p>{d.bulkDone(d.bulkActions[report.action], report.done)}</p>
      {report.failed.length > 0 && (
        <>
          <p>{d.bulkFailed}</p>
          <ul class="bulk-failures">
            {report.failed.map((f) => (
              <li key={f.id}>
                <a href={`/admin/articles/${f.id}/edit`}>{f.headline || d.story(f.id)}</a>: {d.reasons[f.reason]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
