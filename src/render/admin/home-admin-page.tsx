import { articlePath, type ArticleSummary, isPublic } from '../../domain/articles/article.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { ButtonForm, Csrf, ErrorSummary, Field, type FieldErrors, fieldId, MoveButtons, Notice } from './site-form.tsx';

export interface HomeFormValues {
  /** The "pin by id" field as typed. */
  articleId: string;
  updatesMode: 'latest' | 'manual';
  /** Ids of the manual Updates list as typed: `12, 7, 33`. */
  updatesIds: string;
}

export interface HomeAdminPageProps {
  chrome: AdminChrome;
  /** Every pinned story in order, whatever its status. */
  pinned: readonly ArticleSummary[];
  /** Recent published stories to pick from. */
  recent: readonly ArticleSummary[];
  /** The manual Updates list as readers see it now. */
  updates: readonly ArticleSummary[];
  values: HomeFormValues;
  errors: FieldErrors;
  now: Date;
  notice?: string;
}

/** The home page's pinned stories (lead first) and the Updates list setting. */
export function renderHomeAdminPage(p: HomeAdminPageProps): string {
  const a = stringsFor(p.chrome.user);
  const t = siteStringsFor(p.chrome.user);
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const csrf = p.chrome.csrfToken;
  const pinnedIds = new Set(p.pinned.map((s) => s.id));
  const recentId = fieldId('recentId');
  return renderAdminPage(
    { ...p.chrome, current: 'home' },
    a.home,
    <>
      <h1>{a.home}</h1>
      <Notice text={p.notice} />
      <ErrorSummary errors={p.errors} t={t} />
      <section aria-labelledby="pinned-title">
        <h2 id="pinned-title">{t.pinned}</h2>
        <p class="muted">{t.pinnedHelp}</p>
        {p.pinned.length === 0 ? (
          <p class="muted">{t.noPins}</p>
        ) : (
          <ol class="pinned-list">
            {p.pinned.map((s, i) => (
              <li key={s.id}>
                <div class="button-row">
                  {i === 0 && <strong class="status status-published">{t.lead}</strong>}
                  <a href={`/admin/articles/${s.id}/edit`}>{s.headline}</a> <small class="muted">#{s.id}</small>
                  {!isPublic(s, p.now) && <span class="status status-unpublished">{t.notPublic}</span>}
                  <MoveButtons action={`/admin/home/pins/${s.id}/move`} csrf={csrf} t={t} first={i === 0} last={i === p.pinned.length - 1} name={s.headline} />
                  <ButtonForm action={`/admin/home/pins/${s.id}/remove`} csrf={csrf} label={`${t.remove}: ${s.headline}`}>
                    {t.remove}
                  </ButtonForm>
                </div>
              </li>
            ))}
          </ol>
        )}
        <form method="post" action="/admin/home/pins" class="card-form">
          <h3>{t.pinById}</h3>
          <Csrf token={csrf} />
          <Field name="articleId" label={t.articleId} value={p.values.articleId} errors={p.errors} maxLength={12} inputMode="numeric" required />
          <button type="submit">{t.pin}</button>
        </form>
        {p.recent.length > 0 && (
          <form method="post" action="/admin/home/pins" class="card-form">
            <h3>{t.pinRecent}</h3>
            <Csrf token={csrf} />
            <p class="field">
              <label for={recentId}>{t.recent}</label>
              <select id={recentId} name="articleId">
                {p.recent
                  .filter((s) => !pinnedIds.has(s.id))
                  .map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      #{s.id} · {s.headline} ({s.publishedAt ? formatDateTime(s.publishedAt, style) : ''})
                    </option>
                  ))}
              </select>
            </p>
            <button type="submit">{t.pin}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="updates-title">
        <h2 id="updates-title">{t.updatesList}</h2>
        <p class="muted">{t.updatesHelp}</p>
        <form method="post" action="/admin/home/updates" class="card-form">
          <Csrf token={csrf} />
          <fieldset>
            <legend class="visually-hidden">{t.updatesList}</legend>
            <p class="field">
              <label>
                <input type="radio" name="updatesMode" value="latest" checked={p.values.updatesMode === 'latest'} /> {t.updatesLatest}
              </label>
              <br />
              <label>
                <input type="radio" name="updatesMode" value="manual" checked={p.values.updatesMode === 'manual'} /> {t.updatesManual}
              </label>
              {p.errors.updatesMode && <span class="field-error">{p.errors.updatesMode}</span>}
            </p>
          </fieldset>
          <Field name="updatesIds" label={t.updatesIds} value={p.values.updatesIds} errors={p.errors} maxLength={200} help={t.updatesIdsHelp} />
          {p.values.updatesMode === 'manual' && p.updates.length > 0 && (
            <ol class="updates-preview">
              {p.updates.map((s) => (
                <li key={s.id}>
                  <a href={articlePath(s)}>{s.headline}</a> <small class="muted">#{s.id}</small>
                </li>
              ))}
            </ol>
          )}
          <button type="submit" class="primary">{a.save}</button>
        </form>
      </section>

      {p.recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t.recent}</h2>
          <table class="admin-table">
            <thead>
              <tr>
                <th class="num">{t.id}</th>
                <th>{a.headline}</th>
                <th>{a.section}</th>
                <th>{a.updated}</th>
              </tr>
            </thead>
            <tbody>
              {p.recent.map((s) => (
                <tr key={s.id}>
                  <td class="num">{s.id}</td>
                  <td>
                    <a href={articlePath(s)}>{s.headline}</a>
                  </td>
                  <td>{s.section.name}</td>
                  <td>{s.publishedAt ? formatDateTime(s.publishedAt, style) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>,
  );
}
