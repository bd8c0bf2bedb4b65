import type { AuditEntry } from '../../domain/audit/audit.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Pager } from './site-form.tsx';
import { trashStringsFor } from './trash-admin-strings.ts';

export interface AuditPageProps {
  chrome: AdminChrome;
  items: readonly AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
}

/** The audit log, read-only, newest first. */
export function renderAuditPage(p: AuditPageProps): string {
  const t = trashStringsFor(p.chrome.user);
  const a = stringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const statusName = (s: string | undefined) => (s && s in a.statuses ? a.statuses[s as keyof typeof a.statuses] : s);
  return renderAdminPage(
    { ...p.chrome, current: 'audit' },
    t.auditTitle,
    <>
      <h1>{t.auditTitle}</h1>
      <p class="muted">{t.auditIntro}</p>
      {p.items.length === 0 ? (
        <p class="muted">{t.auditEmpty}</p>
      ) : (
        <table class="desk audit">
          <thead>
            <tr>
              <th>{t.when}</th>
              <th>{t.who}</th>
              <th>{t.what}</th>
              <th>{t.subject}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, style)}</time>
                </td>
                <td>{e.userName ? <bdi>{e.userName}</bdi> : e.userId === null ? t.system : `#${e.userId}`}</td>
                <td>{t.auditActions[e.action] ?? e.action}</td>
                <td>
                  {e.subjectType === 'media' ? t.photoRef(e.subjectId ?? 0) : t.storyRef(e.subjectId ?? 0)}
                  {e.detail.headline !== undefined && (
                    <>
                      {': '}
                      <bdi>{e.detail.headline || t.untitled}</bdi>
                    </>
                  )}
                  {e.detail.caption ? (
                    <>
                      {': '}
                      <bdi>{e.detail.caption}</bdi>
                    </>
                  ) : null}
                  {e.detail.status && (
                    <small class="muted">
                      {' '}
                      ({t.statusWas}: {statusName(e.detail.status)})
                    </small>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={p.page} pages={p.pageCount} href={(n) => `/admin/audit?page=${n}`} />
    </>,
  );
}
