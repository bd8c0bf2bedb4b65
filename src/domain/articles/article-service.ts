import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags, storyTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { mediaIdsOf, parseRichText } from '../../richtext/rich-text.ts';
import { type Article, type ArticleSummary, isPublic, type ListFilter, MAX_HOME_PINS, type NewArticle, type Paged } from './article.ts';
import type { ArticleStore } from './article-store.ts';
import { RecentStories } from './recent-stories.ts';

/** Highest page number a reader may ask for: deep offsets are costly and no reader goes there. */
export const MAX_PAGE = 1000;

export class ArticleService {
  private readonly recent: RecentStories;

  constructor(
    private readonly store: ArticleStore,
    private readonly changes: ChangeFeed,
  ) {
    this.recent = new RecentStories(store, changes);
  }

  /** The article if readers may see it at `now`; null otherwise (draft, scheduled, in the trash, missing). */
  async getPublic(id: number, now: Date): Promise<Article | null> {
    const article = await this.store.findById(id);
    if (!article || !isPublic(article, now)) return null;
    // A translation scheduled for later is not linked yet.
    return article.translation && article.translation.publishedAt > now ? { ...article, translation: null } : article;
  }

  async listPublic(now: Date, filter: ListFilter, page: number, pageSize: number): Promise<Paged<ArticleSummary>> {
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw new DomainError('NOT_FOUND', 'page');
    const result = await this.store.listPublic(now, filter, pageSize, (page - 1) * pageSize);
    return { ...result, page, pageSize, pageCount: Math.max(1, Math.ceil(result.total / pageSize)) };
  }

  /** A page of a cursor list: public stories after (published_at, id) `after`, newest first. */
  listPublicAfter(now: Date, filter: ListFilter, after: { publishedAt: Date; id: number } | null, limit: number): Promise<ArticleSummary[]> {
    return this.store.listPublicAfter(now, filter, after, limit);
  }

  /** The newest public stories; short site-wide and section lists come from memory (recent-stories.ts). */
  async latest(now: Date, limit: number, filter: ListFilter = {}): Promise<ArticleSummary[]> {
    return (await this.recent.latest(now, limit, filter)) ?? this.store.latestPublic(now, filter, limit);
  }

  /** Stories sharing tags with the article; topped up from its section when there are too few. */
  async related(now: Date, article: Pick<ArticleSummary, 'id' | 'section'> & { readonly tags?: readonly { readonly id: number }[] }, limit: number): Promise<ArticleSummary[]> {
    const byTags = await this.store.listRelated(now, article.id, limit, article.tags?.map((t) => t.id));
    if (byTags.length >= limit) return byTags;
    const more = await this.latest(now, limit - byTags.length, {
      sectionId: article.section.id,
      excludeIds: [article.id, ...byTags.map((a) => a.id)],
    });
    return [...byTags, ...more];
  }

  exists(id: number): Promise<boolean> {
    return this.store.exists(id);
  }

  /** The stories among `ids` that readers may see at `now`, in the order given. */
  publicByIds(now: Date, ids: readonly number[]): Promise<ArticleSummary[]> {
    return this.store.listPublicByIds(now, ids);
  }

  /** Stories pinned on the home page and public at `now`, lead first. */
  pinned(now: Date): Promise<ArticleSummary[]> {
    return this.store.listPinned(now);
  }

  /** Every pinned story in order, whatever its status (a pinned story that was unpublished stays until removed). */
  pinnedForDesk(): Promise<ArticleSummary[]> {
    return this.store.listPinned(null);
  }

  /**
   * Pins a story at the end of the home page's pinned list; pinning it again changes nothing.
   * Errors: INVALID_INPUT on articleId: 'not-found', 'not-public' (not published at `now`), 'too-many'.
   */
  async pin(id: number, now: Date): Promise<void> {
    const article = await this.store.findById(id);
    if (!article) throw new DomainError('INVALID_INPUT', 'articleId', 'not-found');
    if (!isPublic(article, now)) throw new DomainError('INVALID_INPUT', 'articleId', 'not-public');
    const ids = (await this.store.listPinned(null)).map((a) => a.id);
    if (ids.includes(id)) return;
    if (ids.length >= MAX_HOME_PINS) throw new DomainError('INVALID_INPUT', 'articleId', 'too-many');
    await this.store.replacePins([...ids, id]);
    this.changes.emit([contentTags.home]);
  }

  async unpin(id: number): Promise<void> {
    const ids = (await this.store.listPinned(null)).map((a) => a.id);
    if (!ids.includes(id)) throw new DomainError('NOT_FOUND');
    await this.store.replacePins(ids.filter((x) => x !== id));
    this.changes.emit([contentTags.home]);
  }

  /** Moves a pinned story one place up (towards the lead) or down; at either end nothing changes. */
  async movePin(id: number, direction: 'up' | 'down'): Promise<void> {
    const ids = (await this.store.listPinned(null)).map((a) => a.id);
    const i = ids.indexOf(id);
    if (i < 0) throw new DomainError('NOT_FOUND');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await this.store.replacePins(ids);
    this.changes.emit([contentTags.home]);
  }

  count(): Promise<number> {
    return this.store.countAll();
  }

  /**
   * Creates an article. The body is validated against the block allowlist; the slug
   * is transliterated from the headline unless given. Returns the new article's id.
   */
  async create(input: NewArticle): Promise<number> {
    const headline = input.headline.normalize('NFC').trim();
    if (!headline || headline.length > 300) throw new DomainError('INVALID_INPUT', 'headline');
    if (input.dek.length > 600) throw new DomainError('INVALID_INPUT', 'dek');
    const body = parseRichText(input.body);
    const slug = input.slug ?? slugify(headline, { maxLength: 80 });
    if (!/^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slug)) throw new DomainError('INVALID_INPUT', 'slug');
    if (mediaIdsOf(body).some((id) => id <= 0)) throw new DomainError('INVALID_INPUT', 'body');
    const id = await this.store.insert({ ...input, headline, dek: input.dek.normalize('NFC').trim(), body, slug });
    if (input.status === 'published') this.changes.emit([...storyTags({ id, ...input }), contentTags.latest, contentTags.home]);
    return id;
  }

  /** Changes the slug (a headline rewrite); old links keep working through the id. */
  async rename(id: number, slug: string): Promise<void> {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new DomainError('INVALID_INPUT', 'slug');
    await this.store.updateSlug(id, slug);
    this.changes.emit([contentTags.article(id)]);
  }
}
