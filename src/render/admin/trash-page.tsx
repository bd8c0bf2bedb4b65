import type { TrashRow } from '../../domain/articles/article-trash.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Csrf, Notice, Pager } from './site-form.tsx';
import { trashStringsFor } from './trash-admin-strings.ts';

export interface TrashPageProps {
  chrome: AdminChrome;
  items: readonly TrashRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Days a story stays in the trash. */
  days: number;
  /** May delete for good (editors and admins); others may only restore their own. */
  canDelete: boolean;
  notice?: string | undefined;
  /** A refusal to show above the list (the confirmation box was not ticked). */
  error?: string | undefined;
}

/** The Trash: stories taken down, who did it and when, with restore and delete forever. */
export function renderTrashPage(p: TrashPageProps): string {
  const t = trashStringsFor(p.chrome.user);
  const a = stringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const csrf = p.chrome.csrfToken;
  return renderAdminPage(
    { ...p.chrome, current: 'trash' },
    t.trashTitle,
    <>
      <div class="admin-title-row">
        <h1>{t.trashTitle}</h1>
        <span class="muted">{t.trashCount(p.total)}</span>
      </div>
      <p class="muted">{t.trashIntro(p.days)}</p>
      <Notice text={p.notice} />
      {p.error && (
        <p class="form-error" role="alert">
          {p.error}
        </p>
      )}
      {p.items.length === 0 ? (
        <p class="muted">{t.emptyTrash}</p>
      ) : (
        <table class="desk trash">
          <thead>
            <tr>
              <th>{t.headline}</th>
              <th>{t.section}</th>
              <th>{t.wasStatus}</th>
              <th>{t.trashedBy}</th>
              <th>{t.trashedAt}</th>
              <th>{t.purgeAt}</th>
              <th>{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((row) => (
              <tr key={row.id} id={`trash-${row.id}`}>
                <td>
                  <bdi>{row.headline || t.untitled}</bdi> <small class="muted">#{row.id}</small>
                </td>
                <td>{row.sectionName}</td>
                <td>{row.previousStatus ? <span class={`status status-${row.previousStatus}`}>{a.statuses[row.previousStatus]}</span> : '—'}</td>
                <td>{row.trashedBy ? <bdi>{row.trashedBy.name}</bdi> : '—'}</td>
                <td>
                  <time dateTime={row.trashedAt.toISOString()}>{formatDateTime(row.trashedAt, style)}</time>
                </td>
                <td>
                  <time dateTime={row.purgeAt.toISOString()}>{formatDateTime(row.purgeAt, style)}</time>
                </td>
                <td>
                  <div class="button-row">
                    <form method="post" action={`/admin/trash/${row.id}/restore`} class="inline-form">
                      <Csrf token={csrf} />
                      <button type="submit">{t.restore}</button>
                    </form>
                    {p.canDelete && (
                      <form method="post" action={`/admin/trash/${row.id}/delete`} class="inline-form">
                        <Csrf token={csrf} />
                        <label>
                          <input type="checkbox" name="confirm" value="1" required /> {t.confirmDelete}
                        </label>
                        <button type="submit" class="danger">
                          {t.deleteForever}
                        </button>
                      </form>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={p.page} pages={p.pageCount} href={(n) => `/admin/trash?page=${n}`} />
    </>,
  );
}
