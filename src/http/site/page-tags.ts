/**
 * The content tags of what a reader page shows (src/domain/changes/content-tags.ts). A
 * page carries a tag for every piece of content it shows, so the change that alters that
 * piece purges the page; the tests in page-cache.test.ts change each kind of content and
 * compare every cached page with a fresh render.
 */
import type { Article, ArticleSummary } from '../../domain/articles/article.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import type { Sidebar } from '../../render/chrome.ts';

/** The header and footer every page has: site settings, the sections menu and the breaking-news banner. */
export const CHROME_TAGS: readonly string[] = [contentTags.settings, contentTags.nav, contentTags.breaking];

/** A card or list entry: the story's headline, dek, photo, section name, and comment count. */
export function cardTags(story: Pick<ArticleSummary, 'id' | 'hero' | 'section'>): string[] {
  return [contentTags.article(story.id), contentTags.comments(story.id), contentTags.section(story.section.id), ...(story.hero ? [contentTags.media(story.hero.id)] : [])];
}

export function cardsTags(stories: Iterable<Pick<ArticleSummary, 'id' | 'hero' | 'section'>>): string[] {
  return [...stories].flatMap(cardTags);
}

/** The side column: the Updates list (which stories are latest) and the figures box. */
export function sidebarTags(sidebar: Sidebar): string[] {
  return [
    contentTags.latest,
    ...cardsTags(sidebar.updates),
    ...(sidebar.widget ? [contentTags.widget(sidebar.widget.key)] : []),
    // Which boxes are placed in the sidebar, and each one shown.
    contentTags.widgets,
    ...(sidebar.boxes ?? []).map((b) => contentTags.widget(b.key)),
    // The most-read stories' cards (the ranking itself changes by time: the page's TTL bounds that).
    ...cardsTags(sidebar.mostRead ?? []),
  ];
}

/** A story's own page: everything in it, and what its comment form depends on. */
export function articleTags(article: Article): string[] {
  return [
    ...cardTags(article),
    contentTags.section(article.section.id),
    contentTags.commentSettings,
    ...article.tags.map((t) => contentTags.tag(t.id)),
    ...article.authors.flatMap((a) => [contentTags.author(a.id), ...(a.photo ? [contentTags.media(a.photo.id)] : [])]),
    ...[...article.bodyMedia.keys()].map(contentTags.media),
    // Its hreflang links name the translation: trashing or unpublishing that one purges this page.
    ...(article.translation ? [contentTags.article(article.translation.id)] : []),
  ];
}
