/**
 * Previews: a story as readers will see it, before they can. Staff see any story they
 * may edit (its pending version, when there is one); people outside the newsroom see
 * it through a link with a random token that expires (48 hours by default) and can be
 * revoked. Guarantees: the token itself is never stored (only its SHA-256); a forged,
 * expired or revoked token opens nothing (null, never a hint of why); building a
 * preview reads and never writes, so a preview can never make a story public.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import type { Author } from '../authors/author.ts';
import type { AuthorService } from '../authors/author-service.ts';
import type { MediaService } from '../media/media-service.ts';
import type { SectionService } from '../sections/section-service.ts';
import type { Tag } from '../tags/tag.ts';
import type { TagService } from '../tags/tag-service.ts';
import type { User } from '../users/user.ts';
import type { Article, EditableArticle } from './article.ts';
import type { ArticleEditService } from './article-edit-service.ts';
import type { ArticleEditStore } from './article-edit-store.ts';
import type { ArticleStore } from './article-store.ts';
import type { PreviewLink, PreviewLinkStore } from './preview-link-store.ts';

/** How long a shared preview link works unless revoked. */
export const PREVIEW_LINK_TTL_MS = 48 * 3_600_000;
/** At most this many active links per story (a runaway script cannot fill the table). */
const MAX_ACTIVE_LINKS = 20;

export interface PreviewDeps {
  links: PreviewLinkStore;
  desk: ArticleEditService;
  editStore: ArticleEditStore;
  articles: ArticleStore;
  sections: SectionService;
  tags: TagService;
  authors: AuthorService;
  media: MediaService;
  now: () => Date;
}

export class PreviewService {
  constructor(private readonly deps: PreviewDeps) {}

  /** The story as the newsroom has it now, for staff who may edit it (403/404 otherwise). */
  async forStaff(user: User, id: number): Promise<Article> {
    return this.build(await this.deps.desk.get(user, id));
  }

  /** The story a shared link opens, or null for a forged, expired or revoked token, or a deleted story. */
  async forToken(token: string): Promise<Article | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const id = await this.deps.links.articleFor(hashToken(token), this.deps.now());
    if (id === null) return null;
    const article = await this.deps.editStore.findEditable(id);
    return article && !article.trashedAt ? this.build(article) : null;
  }

  /** Makes a link; its token (and so its path) is returned only this once. */
  async createLink(user: User, id: number, ttlMs = PREVIEW_LINK_TTL_MS): Promise<{ id: number; path: string; createdAt: Date; expiresAt: Date }> {
    await this.deps.desk.get(user, id);
    const now = this.deps.now();
    if ((await this.deps.links.listActive(id, now)).length >= MAX_ACTIVE_LINKS) throw new DomainError('TOO_MANY_REQUESTS', 'previewLinks');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlMs);
    const linkId = await this.deps.links.insert(id, hashToken(token), user.id, now, expiresAt);
    return { id: linkId, path: `/preview/${token}`, createdAt: now, expiresAt };
  }

  async listLinks(user: User, id: number): Promise<PreviewLink[]> {
    await this.deps.desk.get(user, id);
    return this.deps.links.listActive(id, this.deps.now());
  }

  async revokeLink(user: User, id: number, linkId: number): Promise<void> {
    await this.deps.desk.get(user, id);
    if (!(await this.deps.links.revoke(id, linkId, this.deps.now()))) throw new DomainError('NOT_FOUND', 'link');
  }

  /** Forgets links that ended more than a week ago. */
  async prune(): Promise<void> {
    await this.deps.links.prune(new Date(this.deps.now().getTime() - 7 * 24 * 3_600_000));
  }

  /**
   * The reader's Article for the newsroom's content: the saved story's facts (comments,
   * dates) with the edited fields on top. A story never published shows as if published now.
   */
  private async build(e: EditableArticle): Promise<Article> {
    const saved = await this.deps.articles.findById(e.id);
    if (!saved) throw new DomainError('NOT_FOUND');
    const now = this.deps.now();
    const bodyIds = mediaIdsOf(e.body);
    const [section, media, tags, authors] = await Promise.all([
      this.deps.sections.findById(e.sectionId),
      this.deps.media.findByIds([...(e.heroMediaId ? [e.heroMediaId] : []), ...bodyIds]),
      Promise.all(e.tagNames.map(async (name): Promise<Tag> => (await this.deps.tags.findByName(name)) ?? { id: 0, slug: slugify(name, { maxLength: 60 }) || 'tag', name })),
      Promise.all(e.authorIds.map((a) => this.deps.authors.get(a))),
    ]);
    const published = saved.publishedAt && saved.status !== 'scheduled' ? saved.publishedAt : now;
    return {
      ...saved,
      headline: e.headline,
      dek: e.dek,
      slug: e.slug,
      section: section ? { id: section.id, slug: section.slug, name: section.name } : saved.section,
      hero: e.heroMediaId ? (media.get(e.heroMediaId) ?? null) : null,
      body: e.body,
      bodyMedia: new Map(bodyIds.flatMap((mid) => (media.has(mid) ? [[mid, media.get(mid)!] as const] : []))),
      tags,
      authors: authors.filter((a): a is Author => a !== null),
      correctionNote: e.correctionNote,
      corrections: e.corrections.map((c) => ({ date: new Date(c.date), text: c.text })),
      lang: e.lang,
      seoTitle: e.seoTitle,
      seoDescription: e.seoDescription,
      publishedAt: published,
      updatedAt: e.pending && saved.status === 'published' ? now : saved.updatedAt,
    };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
