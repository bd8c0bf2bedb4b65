import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import type { ReaderLocale } from '../reader-locale.ts';

/**
 * सबसे ज़्यादा पढ़ी गई (decision 029): the most-read stories of the last 24 hours, most
 * read first, as a numbered list in the side column. Nothing when there is nothing to show.
 */
export function MostReadList({ stories, locale }: { stories: readonly ArticleSummary[]; locale: ReaderLocale }) {
  if (stories.length === 0) return null;
  return (
    <section class="box most-read" aria-labelledby="most-read-title">
      <h2 id="most-read-title" class="box-title">
        {locale.t.mostRead}
      </h2>
      <ol {...(locale.devanagariDigits ? { class: 'devanagari' } : {})}>
        {stories.map((s) => (
          <li key={s.id}>
            <a href={articlePath(s)}>{s.headline}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
