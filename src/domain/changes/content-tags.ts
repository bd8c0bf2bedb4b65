/**
 * The vocabulary shared by what a page shows and what a write touches. A page carries the
 * tags of everything it shows; a write emits the tags of everything it changed; the page
 * cache drops every page that carries one of them. Ids, not slugs, so a rename is one tag.
 */
export const contentTags = {
  /** The story's own page, and every card, list entry or feed item that shows it. */
  article: (id: number) => `article:${id}`,
  /** A story's published comments: its page's thread, and comment counts on its cards. */
  comments: (articleId: number) => `comments:${articleId}`,
  /** Lists and feeds of a section (membership and order), and the section's name where shown. */
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  /** A photo's alt text, caption and credit. */
  media: (id: number) => `media:${id}`,
  widget: (key: string) => `widget:${key}`,
  /** Which data boxes are placed in the sidebar or on the home page (a box moved in or out). */
  widgets: 'widgets',
  /** Which stories are public and in what order: the Updates list, the site feed, search. */
  latest: 'latest',
  /** The front page's choice of stories (pins). */
  home: 'home',
  /** The sections in every page's navigation. */
  nav: 'nav',
  /** Site settings every page shows (name, tagline, footer, Updates mode, sidebar widget). */
  settings: 'settings',
  /** Comment settings every story's form depends on (open, moderation rules shown). */
  commentSettings: 'comment-settings',
  /** Search results and suggestions: any indexed text. */
  search: 'search',
  /** Old addresses answering 301 (the redirect map, src/domain/redirects/). */
  redirects: 'redirects',
  /** The breaking-news banner every reader page carries (src/domain/breaking/). */
  breaking: 'breaking',
} as const;

/** What a change to a published story touches: its page and cards, its lists, and search. */
export function storyTags(story: { readonly id: number; readonly sectionId: number; readonly tagIds: readonly number[]; readonly authorIds: readonly number[] }): string[] {
  return [
    contentTags.article(story.id),
    contentTags.section(story.sectionId),
    ...story.tagIds.map(contentTags.tag),
    ...story.authorIds.map(contentTags.author),
    contentTags.search,
  ];
}
