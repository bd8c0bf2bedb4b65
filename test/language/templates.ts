/**
 * Every reader and newsroom template, as the request that shows it: the one list the
 * interface-language test walks (interface-language.test.ts). A new screen is covered
 * by adding a line here: its name, the area ('reader' pages follow the site's reader
 * language, 'admin' screens the signed-in user's language), and the request, built from
 * the fixture's ids. A form posted with mistakes shows the error messages too; add those
 * as well. Admin requests are made by an admin, so every screen is allowed.
 */
import type { Fixture } from './fixture.ts';

export interface TemplateRequest {
  readonly method?: 'GET' | 'POST';
  readonly url: string;
  /** Fields of a urlencoded form (POST); the CSRF token is added for admin screens. */
  readonly form?: Readonly<Record<string, string>>;
}

export interface TemplateCase {
  readonly name: string;
  readonly area: 'reader' | 'admin';
  readonly request: (f: Fixture) => TemplateRequest;
  /** The status the request answers with (default 200). */
  readonly status?: number;
  /**
   * A screen shown before anyone is signed in, so before the user's language is known
   * (sign-in, password reset): Hindi first, each line followed by its English marked
   * `lang="en"`. Checked with the `lang="en"` parts left out: the rest must be Hindi.
   */
  readonly bilingual?: boolean;
}

export const TEMPLATES: readonly TemplateCase[] = [
  // ── Reader site ──────────────────────────────────────────────────────────────
  { name: 'home page', area: 'reader', request: () => ({ url: '/' }) },
  { name: 'section page', area: 'reader', request: (f) => ({ url: `/${f.sectionSlug}` }) },
  { name: 'tag page', area: 'reader', request: (f) => ({ url: `/tag/${f.tagSlug}` }) },
  { name: 'author page', area: 'reader', request: (f) => ({ url: `/author/${f.authorSlug}` }) },
  { name: 'empty section page', area: 'reader', request: (f) => ({ url: `/${f.emptySectionSlug}` }) },
  { name: 'article page with comments', area: 'reader', request: (f) => ({ url: f.articlePath }) },
  { name: 'article page, comment held notice', area: 'reader', request: (f) => ({ url: `${f.articlePath}?held=1` }) },
  { name: 'article page, comment published notice', area: 'reader', request: (f) => ({ url: `${f.articlePath}?posted=${f.commentId}` }) },
  { name: 'article page, replying without JavaScript', area: 'reader', request: (f) => ({ url: `${f.articlePath}?replyto=${f.commentId}` }) },
  {
    name: 'article page, comment form with mistakes',
    area: 'reader',
    status: 400,
    request: (f) => ({ method: 'POST', url: `${f.articlePath}/comments`, form: { comment: '', author: '', email: 'no-at-sign', url: 'ftp://x' } }),
  },
  { name: 'article page, comments closed', area: 'reader', request: (f) => ({ url: f.closedArticlePath }) },
  { name: 'search page, nothing asked', area: 'reader', request: () => ({ url: '/search' }) },
  { name: 'search page, results', area: 'reader', request: (f) => ({ url: `/search?q=${encodeURIComponent(f.searchWord)}` }) },
  { name: 'search page, no results', area: 'reader', request: () => ({ url: '/search?q=zzqqxxjj' }) },
  { name: 'search page, past the end', area: 'reader', request: (f) => ({ url: `/search?q=${encodeURIComponent(f.searchWord)}&page=9` }) },
  { name: 'not found page', area: 'reader', status: 404, request: () => ({ url: '/no-such-qwv-page' }) },

  // ── Newsroom ─────────────────────────────────────────────────────────────────
  { name: 'sign-in', area: 'admin', bilingual: true, request: () => ({ url: '/admin/sign-in' }) },
  { name: 'desk', area: 'admin', request: () => ({ url: '/admin' }) },
  { name: 'editor, draft', area: 'admin', request: (f) => ({ url: `/admin/articles/${f.draftId}/edit` }) },
  { name: 'editor, published story', area: 'admin', request: (f) => ({ url: `/admin/articles/${f.articleId}/edit` }) },
  { name: 'revisions', area: 'admin', request: (f) => ({ url: `/admin/articles/${f.draftId}/revisions` }) },
  { name: 'media', area: 'admin', request: () => ({ url: '/admin/media' }) },
  { name: 'sections', area: 'admin', request: () => ({ url: '/admin/sections' }) },
  { name: 'section edit', area: 'admin', request: (f) => ({ url: `/admin/sections/${f.sectionId}/edit` }) },
  {
    name: 'section edit with mistakes',
    area: 'admin',
    status: 400,
    request: (f) => ({ method: 'POST', url: `/admin/sections/${f.sectionId}`, form: { name: '', nameLatin: '', slug: 'Not A Slug', description: '' } }),
  },
  { name: 'tags', area: 'admin', request: () => ({ url: '/admin/tags' }) },
  { name: 'tag edit', area: 'admin', request: (f) => ({ url: `/admin/tags/${f.tagId}/edit` }) },
  { name: 'authors', area: 'admin', request: () => ({ url: '/admin/authors' }) },
  { name: 'new author', area: 'admin', request: () => ({ url: '/admin/authors/new' }) },
  { name: 'author edit', area: 'admin', request: (f) => ({ url: `/admin/authors/${f.authorId}/edit` }) },
  { name: 'home page pins', area: 'admin', request: () => ({ url: '/admin/home' }) },
  { name: 'widgets', area: 'admin', request: () => ({ url: '/admin/widgets' }) },
  { name: 'widget edit', area: 'admin', request: (f) => ({ url: `/admin/widgets/${f.widgetKey}` }) },
  {
    name: 'widget edit with mistakes',
    area: 'admin',
    status: 400,
    request: (f) => ({ method: 'POST', url: `/admin/widgets/${f.widgetKey}`, form: { title: '', 'label.0': '', 'value.0': 'x', 'delta.0': 'y', source: '', asOf: '' } }),
  },
  { name: 'settings', area: 'admin', request: () => ({ url: '/admin/settings' }) },
  {
    name: 'settings with mistakes',
    area: 'admin',
    status: 400,
    request: () => ({ method: 'POST', url: '/admin/settings', form: { siteName: '', siteNameLatin: '', tagline: '', readerLanguage: 'fr', sidebarWidget: 'none-such' } }),
  },
  { name: 'comment queue', area: 'admin', request: () => ({ url: '/admin/comments' }) },
  { name: 'comment queue, published', area: 'admin', request: () => ({ url: '/admin/comments?status=approved' }) },
  { name: 'comment settings', area: 'admin', request: () => ({ url: '/admin/comments/settings' }) },
  { name: 'users', area: 'admin', request: () => ({ url: '/admin/users' }) },
  { name: 'my account', area: 'admin', request: () => ({ url: '/admin/account' }) },
  { name: 'trash', area: 'admin', request: () => ({ url: '/admin/trash' }) },
  { name: 'audit log', area: 'admin', request: () => ({ url: '/admin/audit' }) },
  { name: 'password reset, unknown link', area: 'admin', bilingual: true, status: 404, request: () => ({ url: '/admin/reset-password/not-a-token' }) },
];
