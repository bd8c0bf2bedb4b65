import { articlePath, type ArticleSummary, isPublic } from '../../domain/articles/article.ts';
import { type HeadlineHit, MAX_DESK_QUERY } from '../../domain/articles/desk.ts';
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
  /** The headline search: what was typed, the public stories found (null when nothing was asked), the Updates list's ids. */
  search?: { q: string; hits: readonly HeadlineHit[] | null; updatesIds: readonly number[] };
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
      <FindStory p={p} />
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
          {p.search?.q && <input type="hidden" name="find" value={p.search.q} />}
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
        {p.values.updatesMode === 'manual' && p.updates.length > 0 && (
          <ol class="updates-preview">
            {p.updates.map((s, i) => (
              <li key={s.id}>
                <div class="button-row">
                  <a href={articlePath(s)}>{s.headline}</a> <small class="muted">#{s.id}</small>
                  <MoveButtons action={`/admin/home/updates/${s.id}/move`} csrf={csrf} t={t} first={i === 0} last={i === p.updates.length - 1} name={s.headline} />
                  <ButtonForm action={`/admin/home/updates/${s.id}/remove`} csrf={csrf} label={`${t.remove}: ${s.headline}`} fields={p.search?.q ? { find: p.search.q } : {}}>
                    {t.remove}
                  </ButtonForm>
                </div>
              </li>
            ))}
          </ol>
        )}
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

/**
 * Finding a story by its headline (Hindi or Latin letters, or its number) to pin it or add
 * it to the Updates list: a GET form and a button per story found, so it needs no script.
 */
function FindStory({ p }: { p: HomeAdminPageProps }) {
  const a = stringsFor(p.chrome.user);
  const t = siteStringsFor(p.chrome.user);
  const d = a.desk;
  const style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  const csrf = p.chrome.csrfToken;
  const q = p.search?.q ?? '';
  const hits = p.search?.hits ?? null;
  const pinned = new Set(p.pinned.map((s) => s.id));
  const inUpdates = new Set(p.values.updatesMode === 'manual' ? (p.search?.updatesIds ?? []) : []);
  const keep: Record<string, string> = q ? { find: q } : {};
  return (
    <section aria-labelledby="find-title" id="find">
      <h2 id="find-title">{d.findStory}</h2>
      <form method="get" action="/admin/home#find" class="inline-form" role="search">
        <label class="visually-hidden" for="find-q">
          {d.findStory}
        </label>
        <input id="find-q" name="find" type="search" value={q} maxLength={MAX_DESK_QUERY} aria-describedby="find-help" />
        <button type="submit">{d.filter}</button>
      </form>
      <p id="find-help" class="help muted">
        {d.findHelp}
      </p>
      {hits !== null &&
        (hits.length === 0 ? (
          <p class="muted" role="status">
            {d.noPublicMatch}
          </p>
        ) : (
          <table class="admin-table find-results">
            <thead>
              <tr>
                <th>{a.headline}</th>
                <th>{a.section}</th>
                <th>{d.published}</th>
                <th>
                  <span class="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h) => (
                <tr key={h.id}>
                  <td>
                    <a href={`/admin/articles/${h.id}/edit`}>{h.headline}</a> <small class="muted">#{h.id}</small>
                  </td>
                  <td>{h.sectionName}</td>
                  <td>
                    <time dateTime={h.publishedAt.toISOString()}>{formatDateTime(h.publishedAt, style)}</time>
                  </td>
                  <td>
                    <div class="button-row">
                      {pinned.has(h.id) ? (
                        <span class="status status-published">{d.isPinned}</span>
                      ) : (
                        <ButtonForm action="/admin/home/pins" csrf={csrf} label={`${d.pin}: ${h.headline}`} fields={{ articleId: String(h.id), ...keep }}>
                          {d.pin}
                        </ButtonForm>
                      )}
                      {inUpdates.has(h.id) ? (
                        <span class="status status-scheduled">{d.inUpdates}</span>
                      ) : (
                        <ButtonForm action="/admin/home/updates/add" csrf={csrf} label={`${d.addToUpdates}: ${h.headline}`} fields={{ articleId: String(h.id), ...keep }}>
                          {d.addToUpdates}
                        </ButtonForm>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {hits !== null && hits.length > 0 && <p class="muted">{d.addHelp}</p>}
    </section>
  );
}
