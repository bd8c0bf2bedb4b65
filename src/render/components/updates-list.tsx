import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { englishLabel, type ReaderLocale, readerDate } from '../reader-locale.ts';

/** The reference page's `Updates` box (`अपडेट्स` in Hindi): latest headlines, each with its date. */
export function UpdatesList({ stories, locale }: { stories: readonly ArticleSummary[]; locale: ReaderLocale }) {
  if (stories.length === 0) return null;
  return (
    <section class="box updates" aria-labelledby="updates-title">
      <h2 id="updates-title" class="box-title" {...englishLabel(locale)}>
        {locale.t.updates}
      </h2>
      <ul>
        {stories.map((s) => (
          <li key={s.id}>
            <a href={articlePath(s)}>{s.dek ? `${s.headline}:${s.dek}` : s.headline}</a>
            {s.publishedAt && (
              <time dateTime={toIsoWithOffset(s.publishedAt)} {...englishLabel(locale)}>
                {readerDate(locale, s.publishedAt)}
              </time>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
