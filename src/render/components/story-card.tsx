import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import type { CommentCounted } from '../../domain/comments/comment.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { digits, type ReaderLocale, readerDate } from '../reader-locale.ts';
import { focalClasses } from '../../domain/media/crops.ts';
import { Photo } from './photo.tsx';

export interface StoryCardProps {
  /** With `commentCount` when the page knows it (published comments; shown when there are any). */
  story: ArticleSummary & CommentCounted;
  locale: ReaderLocale;
  /** 'lead' is the home page's big story; 'row' has a thumbnail beside the text; 'compact' is text only. */
  variant?: 'lead' | 'row' | 'compact';
  showSection?: boolean;
  headingLevel?: 2 | 3;
}

export function StoryCard({ story, locale, variant = 'row', showSection, headingLevel = 3 }: StoryCardProps) {
  const href = articlePath(story);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={`card card-${variant}`}>
      {story.hero && variant !== 'compact' && (
        <a href={href} class={`card-photo ${focalClasses(story.hero)}`} tabIndex={-1} aria-hidden="true">
          <Photo
            media={story.hero}
            sizes={variant === 'lead' ? '(min-width: 1024px) 640px, 100vw' : '(min-width: 640px) 200px, 33vw'}
            eager={variant === 'lead'}
          />
        </a>
      )}
      <div class="card-text">
        {showSection && (
          <a class="kicker" href={`/${story.section.slug}`}>
            {story.section.name}
          </a>
        )}
        <Heading class="card-title">
          <a href={href}>{story.headline}</a>
        </Heading>
        {variant === 'lead' && story.dek && <p class="card-dek">{story.dek}</p>}
        {story.publishedAt && (
          <time class="card-time" dateTime={toIsoWithOffset(story.publishedAt)}>
            {readerDate(locale, story.publishedAt)}
          </time>
        )}
        {story.commentCount !== undefined && story.commentCount > 0 && (
          <a class="card-comments" href={`${href}#comments`}>
            <span aria-hidden="true">💬 </span>
            {digits(locale, locale.t.commentsCount(story.commentCount))}
          </a>
        )}
      </div>
    </article>
  );
}
