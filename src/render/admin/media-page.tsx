import type { Media } from '../../domain/media/media.ts';
import { variantUrl } from '../../domain/media/media.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { Pager } from './site-form.tsx';

export interface MediaPageProps {
  chrome: AdminChrome;
  items: readonly Media[];
  total: number;
  page: number;
  pageSize: number;
  query: string;
  canEdit: boolean;
  notice?: string;
}

/** The photo library: search, and each photo's alt text, caption and credit. */
export function renderMediaPage(p: MediaPageProps): string {
  const t = stringsFor(p.chrome.user);
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
              <img src={variantUrl(m, m.variantWidths[0] ?? m.width, 'webp')} alt={m.alt} width={240} height={Math.round((240 * m.height) / m.width)} loading="lazy" />
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
            </li>
          ))}
        </ul>
      )}
      <Pager page={p.page} pages={pages} href={href} />
    </>,
  );
}
