import { digits, type ReaderLocale } from '../reader-locale.ts';

/** Links to the previous and next pages of a list (`?page=N`); page 1 has no query. */
export function Pagination({ basePath, page, pageCount, locale }: { basePath: string; page: number; pageCount: number; locale: ReaderLocale }) {
  if (pageCount <= 1) return null;
  const T = locale.t;
  const href = (n: number) => pageHref(basePath, n);
  return (
    <nav class="pagination" aria-label={T.pagination}>
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          ← {T.previous}
        </a>
      ) : (
        <span />
      )}
      <span class="page-of">
        {digits(locale, `${T.page(page)} / ${pageCount}`)}
      </span>
      {page < pageCount ? (
        <a rel="next" href={href(page + 1)}>
          {T.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function pageHref(basePath: string, n: number): string {
  return n === 1 ? basePath : `${basePath}?page=${n}`;
}
