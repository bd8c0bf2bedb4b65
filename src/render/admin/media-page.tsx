import type { Media } from '../../domain/media/media.ts';
import { variantUrl } from '../../domain/media/media.ts';
import { focalClasses } from '../../domain/media/crops.ts';
import type { MediaUsage } from '../../domain/media/media-usage.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Csrf, Pager } from './site-form.tsx';
import { type TrashAdminStrings, trashStringsFor } from './trash-admin-strings.ts';

export interface MediaPageProps {
  chrome: AdminChrome;
  items: readonly Media[];
  total: number;
  page: number;
  pageSize: number;
  query: string;
  canEdit: boolean;
  notice?: string;
  /** May delete unused photos (editors and admins). */
  canDelete?: boolean;
  /** A refusal to show above the library. */
  error?: string;
  /** A photo was just deleted (shows the notice). */
  deleted?: boolean;
  /** A delete refused because the photo is used: where, so it can be replaced first. */
  inUse?: { media: Media; usage: MediaUsage };
}

/** Where a refused photo is used: each story (linked to its editor) and place, and author profiles. */
function UsageList({ inUse, t, a }: { inUse: NonNullable<MediaPageProps['inUse']>; t: TrashAdminStrings; a: ReturnType<typeof stringsFor> }) {
  const { media, usage } = inUse;
  return (
    <div class="form-error media-in-use" role="alert" id="media-in-use">
      <p>
        <img src={variantUrl(media, media.variantWidths[0] ?? media.width, 'webp')} alt={media.alt} width={96} height={Math.round((96 * media.height) / media.width)} />{' '}
        {t.photoInUse}
      </p>
      <ul>
        {usage.stories.map((s) => (
          <li key={s.articleId}>
            <a href={`/admin/articles/${s.articleId}/edit`}>
              <bdi>{s.headline || t.untitled}</bdi>
            </a>{' '}
            <span class={`status status-${s.status}`}>{a.statuses[s.status]}</span>
            {s.trashed && <> · {t.inTrash}</>}
            {s.places.length > 0 && <> · {s.places.map((pl) => t.places[pl]).join(', ')}</>}
            {s.pendingPlaces.length > 0 && (
              <>
                {' '}
                · {t.pendingEdit}: {s.pendingPlaces.map((pl) => t.places[pl]).join(', ')}
              </>
            )}
          </li>
        ))}
        {usage.authors.map((au) => (
          <li key={`author-${au.authorId}`}>
            {t.authorPhoto}: <bdi>{au.name}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Width of the photo an editor clicks to set its focal point (the route divides by it). */
const FOCAL_BOX = 200;

/** The photo library: search, each photo's alt text, caption and credit, and its focal point. */
export function renderMediaPage(p: MediaPageProps): string {
  const t = stringsFor(p.chrome.user);
  const tt = trashStringsFor(p.chrome.user);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const href = (n: number) => `/admin/media?${new URLSearchParams({ ...(p.query ? { q: p.query } : {}), page: String(n) }).toString()}`;
  return renderAdminPage(
    { ...p.chrome, current: 'media' },
    t.media,
    <>
      <h1>{t.media}</h1>
      <p class="muted">{t.mediaIntro}</p>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.deleted && (
        <p class="notice" role="status">
          {tt.photoDeleted}
        </p>
      )}
      {p.error && (
        <p class="form-error" role="alert">
          {p.error}
        </p>
      )}
      {p.inUse && <UsageList inUse={p.inUse} t={tt} a={t} />}
      <form method="get" action="/admin/media" class="inline-form">
        <label class="visually-hidden" for="media-search">
          {t.search}
        </label>
        <input id="media-search" type="search" name="q" value={p.query} maxLength={100} />{' '}
        <button type="submit">{t.search}</button>
      </form>
      {p.items.length === 0 ? (
        <p class="muted">{t.nothingHere}</p>
      ) : (
        <ul class="media-library">
          {p.items.map((m) => (
            <li key={m.id} class="media-item">
              {p.canEdit ? (
                // A click on the photo posts where it landed (focal.x, focal.y in its 200 px box): the focal point.
                <form method="post" action={`/admin/media/${m.id}/focal-point`} class="focal-form" id={`media-${m.id}`}>
                  <Csrf token={p.chrome.csrfToken} />
                  <input type="hidden" name="w" value={String(FOCAL_BOX)} />
                  <input type="hidden" name="h" value={String(Math.round((FOCAL_BOX * m.height) / m.width))} />
                  <span class={`focal-picker ${focalClasses(m)}`}>
                    <input
                      type="image"
                      name="focal"
                      src={variantUrl(m, m.variantWidths[0] ?? m.width, 'webp')}
                      alt={t.focalSet(m.alt)}
                      width={FOCAL_BOX}
                      height={Math.round((FOCAL_BOX * m.height) / m.width)}
                      aria-describedby={`m${m.id}-focal`}
                    />
                  </span>
                  <small class="muted" id={`m${m.id}-focal`}>
                    {t.focalHint}
                  </small>
                </form>
              ) : (
                <img src={variantUrl(m, m.variantWidths[0] ?? m.width, 'webp')} alt={m.alt} width={240} height={Math.round((240 * m.height) / m.width)} loading="lazy" />
              )}
              {p.canEdit ? (
                <form method="post" action={`/admin/media/${m.id}`}>
                  <input type="hidden" name="_csrf" value={p.chrome.csrfToken} />
                  {(['alt', 'caption', 'credit'] as const).map((f) => (
                    <p class="field" key={f}>
                      <label for={`m${m.id}-${f}`}>{t[f]}</label>
                      <input id={`m${m.id}-${f}`} name={f} value={m[f]} maxLength={f === 'credit' ? 120 : f === 'alt' ? 300 : 500} />
                    </p>
                  ))}
                  <button type="submit">{t.save}</button>
                </form>
              ) : (
                <p>
                  {m.caption} <small>{m.credit}</small>
                </p>
              )}
              {p.canDelete && (
                <form method="post" action={`/admin/media/${m.id}/delete`} class="inline-form media-delete">
                  <Csrf token={p.chrome.csrfToken} />
                  <label>
                    <input type="checkbox" name="confirm" value="1" required /> {tt.confirmDelete}
                  </label>
                  <button type="submit" class="danger">
                    {tt.deletePhoto}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={p.page} pages={pages} href={href} />
    </>,
  );
}
