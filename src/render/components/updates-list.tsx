import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import { type DateStyle, formatDate, toIsoWithOffset } from '../../lib/dates.ts';
import { T } from '../strings.ts';

/** The reference page's `Updates` box: latest headlines, each with its date. */
export function UpdatesList({ stories, dateStyle }: { stories: readonly ArticleSummary[]; dateStyle: DateStyle }) {
  if (stories.length === 0) return null;
  return (
    <section class="box updates" aria-labelledby="updates-title">
      <h2 id="updates-title" class="box-title" lang="en">
        {T.updates}
      </h2>
      <ul>
        {stories.map((s) => (
          <li key={s.id}>
            <a href={articlePath(s)}>{s.dek ? `${s.headline}:${s.dek}` : s.headline}</a>
            {s.publishedAt && (
              <time dateTime={toIsoWithOffset(s.publishedAt)} {...(dateStyle === 'en' ? { lang: 'en' } : {})}>
                {formatDate(s.publishedAt, dateStyle)}
              </time>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
