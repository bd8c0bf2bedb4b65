/**
 * LiveBlogPosting for a live blog's page: its coverage times and each update shown (Google's
 * live-coverage guidelines). Pure: a function of the page's data.
 */
import type { LiveBlog, LivePost } from '../../domain/live-blogs/live-blog.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { excerpt } from '../../richtext/to-plain-text.ts';
import type { JsonLd } from './json-ld.ts';

export function liveBlogJsonLd(url: string, headline: string, blog: LiveBlog, posts: readonly LivePost[]): JsonLd {
  return {
    '@type': 'LiveBlogPosting',
    '@id': `${url}#live`,
    url,
    headline,
    coverageStartTime: toIsoWithOffset(blog.startedAt),
    ...(blog.endedAt ? { coverageEndTime: toIsoWithOffset(blog.endedAt) } : {}),
    liveBlogUpdate: posts.map((p) => ({
      '@type': 'BlogPosting',
      '@id': `${url}#post-${p.id}`,
      url: `${url}#post-${p.id}`,
      // A photo or embed post may have no text of its own: the blog's headline stands in.
      headline: excerpt(p.body, 110) || headline,
      articleBody: excerpt(p.body, 2000),
      datePublished: toIsoWithOffset(p.createdAt),
      ...(p.editedAt ? { dateModified: toIsoWithOffset(p.editedAt) } : {}),
      ...(p.authorName ? { author: { '@type': 'Person', name: p.authorName } } : {}),
    })),
  };
}
