import type { BreakingNews } from '../../domain/breaking/breaking.ts';
import type { ReaderLocale } from '../reader-locale.ts';

/**
 * The breaking-news line under the header (decision 029): a labelled region screen readers
 * can jump to, plain HTML with no script. A link to another site opens like any other
 * link, without handing it this page (noopener, no referrer path beyond the origin).
 */
export function BreakingBanner({ news, locale }: { news: BreakingNews; locale: ReaderLocale }) {
  const external = news.link !== null && !news.link.startsWith('/');
  return (
    <section class="breaking" aria-labelledby="breaking-label">
      <p class="wrap">
        <strong id="breaking-label" class="breaking-label">
          {locale.t.breaking}
        </strong>{' '}
        {news.link ? (
          <a href={news.link} {...(external ? { rel: 'noopener' } : {})}>
            {news.text}
          </a>
        ) : (
          <span>{news.text}</span>
        )}
      </p>
    </section>
  );
}
