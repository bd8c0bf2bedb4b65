/**
 * What the newsroom does to articles: create drafts, save edits (each save keeps a
 * revision), move through the workflow, publish scheduled stories on time, compare
 * and restore revisions. Every method takes the acting user and checks permissions
 * itself, so no route can forget to.
 */
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags, storyTags } from '../changes/content-tags.ts';
import { slugify } from '../../lib/slug.ts';
import { mediaIdsOf, parseRichText, type RichText } from '../../richtext/rich-text.ts';
import type { MediaService } from '../media/media-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { TagService } from '../tags/tag-service.ts';
import { type Action, can, type User } from '../users/user.ts';
import type { ArticlePatch, ArticleStatus, EditableArticle } from './article.ts';
import type { ArticleEditStore } from './article-edit-store.ts';
import type { ArticleEvent, ArticleSnapshot, DeskRow, RevisionInfo } from './article-history.ts';
import { transitionRule } from './article-workflow.ts';

export interface ArticleEditDeps {
  store: ArticleEditStore;
  tags: TagService;
  media: MediaService;
  settings: SettingsService;
  now: () => Date;
  /** Whether a section id exists. */
  sectionExists: (id: number) => Promise<boolean>;
  /** Whether an author id exists. */
  authorExists: (id: number) => Promise<boolean>;
  changes: ChangeFeed;
}

const LIMITS = { headline: 300, dek: 600, seoTitle: 120, seoDescription: 320, correctionNote: 1000, tags: 20, tagName: 80, authors: 10 };

export class ArticleEditService {
  constructor(private readonly deps: ArticleEditDeps) {}

  private async policy(user: User, action: Action, article?: EditableArticle): Promise<boolean> {
    const settings = await this.deps.settings.get();
    return can(user, action, {
      reportersCanPublish: settings.reportersCanPublish,
      ...(article ? { article: { createdBy: article.createdBy, status: article.status } } : {}),
    });
  }

  private async require(user: User, action: Action, article?: EditableArticle): Promise<void> {
    if (!(await this.policy(user, action, article))) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not ${action}`);
  }

  /** The article for editing; 404 if missing, 403 if the user may not edit it. */
  async get(user: User, id: number): Promise<EditableArticle> {
    const article = await this.deps.store.findEditable(id);
    if (!article) throw new DomainError('NOT_FOUND');
    await this.require(user, 'article.edit', article);
    return article;
  }

  /** What the user may do with this article, for showing the right buttons. */
  async permissions(user: User, article: EditableArticle) {
    return {
      edit: await this.policy(user, 'article.edit', article),
      submit: await this.policy(user, 'article.submit', article),
      publish: await this.policy(user, 'article.publish', article),
      unpublish: await this.policy(user, 'article.unpublish', article),
      setAuthors: await this.policy(user, 'article.setAuthors', article),
      setPublishTime: await this.policy(user, 'article.setPublishTime', article),
      restore: await this.policy(user, 'article.restoreRevision', article),
      upload: await this.policy(user, 'media.upload'),
    };
  }

  async createDraft(user: User, input: { sectionId: number; headline?: string }): Promise<number> {
    await this.require(user, 'article.create');
    if (!(await this.deps.sectionExists(input.sectionId))) throw new DomainError('INVALID_INPUT', 'sectionId');
    const headline = clean(input.headline ?? '');
    if (headline.length > LIMITS.headline) throw new DomainError('INVALID_INPUT', 'headline');
    const now = this.deps.now();
    const body: RichText = { version: 1, blocks: [] };
    const authorIds = user.authorId ? [user.authorId] : [];
    const snapshot: ArticleSnapshot = { headline, dek: '', slug: slugify(headline), sectionId: input.sectionId, tagNames: [], authorIds, heroMediaId: null, body, seoTitle: '', seoDescription: '', correctionNote: '' };
    return this.deps.store.insertDraft(
      { ...snapshot, tagIds: [], bodyJson: JSON.stringify(body), updatedAt: now },
      user.id,
      now,
      snapshot,
    );
  }

  /**
   * Saves a patch; every field is validated before anything is written. With
   * `baseRevision`, the save applies only if nobody saved since that revision (409
   * otherwise), so an editor in a stale tab cannot silently overwrite newer work.
   */
  async update(user: User, id: number, patch: ArticlePatch, event = 'saved', baseRevision?: number): Promise<EditableArticle> {
    const current = await this.get(user, id);
    if (baseRevision !== undefined && baseRevision !== current.revision) throw new DomainError('CONFLICT', 'baseRevision', `revision ${current.revision}, edited from ${baseRevision}`);
    if (patch.authorIds !== undefined && !sameIds(patch.authorIds, current.authorIds)) await this.require(user, 'article.setAuthors', current);
    const next = await this.validate(current, patch);
    const now = this.deps.now();
    // An edit to a live story shows as an update to readers.
    const updatedAt = current.status === 'published' ? now : new Date(current.updatedAt);
    const tagIds: number[] = [];
    for (const name of next.tagNames) tagIds.push((await this.deps.tags.findOrCreate(name)).id);
    await this.deps.store.save(id, { ...next, tagIds, bodyJson: JSON.stringify(next.body), updatedAt }, user.id, now, next, event);
    const saved = (await this.deps.store.findEditable(id))!;
    // A live story's page, cards and lists show the edit at once; before and after, in case it moved.
    if (current.status === 'published') this.deps.changes.emit([...(await this.tagsOf(current)), ...(await this.tagsOf(saved))]);
    return saved;
  }

  private async validate(current: EditableArticle, patch: ArticlePatch): Promise<ArticleSnapshot & { body: RichText }> {
    const text = (field: keyof typeof LIMITS, value: unknown, fallback: string) => {
      if (value === undefined) return fallback;
      if (typeof value !== 'string') throw new DomainError('INVALID_INPUT', field);
      const v = clean(value);
      if ([...v].length > LIMITS[field] || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(v)) throw new DomainError('INVALID_INPUT', field);
      return v;
    };
    const headline = text('headline', patch.headline, current.headline);
    const dek = text('dek', patch.dek, current.dek);
    const seoTitle = text('seoTitle', patch.seoTitle, current.seoTitle);
    const seoDescription = text('seoDescription', patch.seoDescription, current.seoDescription);
    const correctionNote = text('correctionNote', patch.correctionNote, current.correctionNote);
    let slug = current.slug;
    if (patch.slug !== undefined) {
      if (typeof patch.slug !== 'string' || !/^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(patch.slug) || patch.slug.length > 100) throw new DomainError('INVALID_INPUT', 'slug');
      slug = patch.slug;
    } else if (patch.headline !== undefined && current.status === 'draft' && (current.slug === '' || current.slug === slugify(current.headline))) {
      // Until first published, the slug follows the headline unless someone set it by hand.
      slug = slugify(headline);
    }
    let sectionId = current.sectionId;
    if (patch.sectionId !== undefined) {
      if (!Number.isSafeInteger(patch.sectionId) || !(await this.deps.sectionExists(patch.sectionId))) throw new DomainError('INVALID_INPUT', 'sectionId');
      sectionId = patch.sectionId;
    }
    let tagNames = [...current.tagNames];
    if (patch.tagNames !== undefined) {
      if (!Array.isArray(patch.tagNames) || patch.tagNames.length > LIMITS.tags) throw new DomainError('INVALID_INPUT', 'tagNames');
      tagNames = [];
      for (const t of patch.tagNames) {
        if (typeof t !== 'string') throw new DomainError('INVALID_INPUT', 'tagNames');
        const name = clean(t);
        if (name.length > LIMITS.tagName) throw new DomainError('INVALID_INPUT', 'tagNames');
        if (name && !tagNames.includes(name)) tagNames.push(name);
      }
    }
    let authorIds = [...current.authorIds];
    if (patch.authorIds !== undefined) {
      if (!Array.isArray(patch.authorIds) || patch.authorIds.length > LIMITS.authors) throw new DomainError('INVALID_INPUT', 'authorIds');
      authorIds = [];
      for (const a of patch.authorIds) {
        if (!Number.isSafeInteger(a) || !(await this.deps.authorExists(a))) throw new DomainError('INVALID_INPUT', 'authorIds');
        if (!authorIds.includes(a)) authorIds.push(a);
      }
    }
    let heroMediaId = current.heroMediaId;
    if (patch.heroMediaId !== undefined) {
      if (patch.heroMediaId !== null && (!Number.isSafeInteger(patch.heroMediaId) || !(await this.deps.media.findById(patch.heroMediaId)))) {
        throw new DomainError('INVALID_INPUT', 'heroMediaId');
      }
      heroMediaId = patch.heroMediaId;
    }
    let body = current.body;
    if (patch.body !== undefined) {
      try {
        body = parseRichText(patch.body);
      } catch (err) {
        const field = (err as { field?: string }).field;
        throw new DomainError('INVALID_INPUT', field ? `body.${field}` : 'body');
      }
      const ids = mediaIdsOf(body);
      const found = await this.deps.media.findByIds(ids);
      const missing = body.blocks.findIndex((b) => b.type === 'image' && !found.has(b.mediaId));
      if (missing >= 0) throw new DomainError('INVALID_INPUT', `body.blocks.${missing}.mediaId`);
    }
    return { headline, dek, slug, sectionId, tagNames, authorIds, heroMediaId, body, seoTitle, seoDescription, correctionNote };
  }

  /** Moves an article to `to`. `publishAt` (with 'scheduled') is when it goes live. */
  async transition(user: User, id: number, to: ArticleStatus, options: { publishAt?: Date; note?: string } = {}): Promise<EditableArticle> {
    const article = await this.get(user, id);
    const rule = transitionRule(article.status, to);
    if (!rule) throw new DomainError('INVALID_INPUT', 'to', `no transition ${article.status} → ${to}`);
    await this.require(user, rule.action, article);
    if (rule.also) await this.require(user, rule.also, article);
    const now = this.deps.now();
    let publishedAt: Date | null = article.publishedAt ? new Date(article.publishedAt) : null;
    if (to === 'published' || to === 'scheduled') await this.checkPublishable(article);
    if (to === 'scheduled') {
      if (!options.publishAt || Number.isNaN(options.publishAt.getTime()) || options.publishAt <= now) throw new DomainError('INVALID_INPUT', 'publishAt');
      publishedAt = options.publishAt;
    } else if (to === 'published') {
      // Coming back after unpublishing keeps the original time; anything else goes live now.
      if (!(article.status === 'unpublished' && publishedAt)) publishedAt = now;
    } else if (to === 'draft' && article.status === 'scheduled') {
      publishedAt = null;
    }
    const note = clean(options.note ?? '').slice(0, 500);
    const applied = await this.deps.store.setStatus(id, article.status, to, publishedAt, user.id, now, rule.event, note);
    if (!applied) throw new DomainError('CONFLICT', 'status', 'the article changed status meanwhile');
    // Going live or coming down changes which stories every list, the Updates box and search show.
    if (article.status === 'published' || to === 'published') this.deps.changes.emit([...(await this.tagsOf(article)), contentTags.latest, contentTags.home]);
    return (await this.deps.store.findEditable(id))!;
  }

  /** Publishing needs a headline, and every photo it shows needs alt text, caption and credit. */
  private async checkPublishable(article: EditableArticle): Promise<void> {
    if (!article.headline.trim()) throw new DomainError('INVALID_INPUT', 'headline');
    const ids = [...(article.heroMediaId ? [article.heroMediaId] : []), ...mediaIdsOf(article.body)];
    const media = await this.deps.media.findByIds(ids);
    for (const mid of ids) {
      const m = media.get(mid);
      const block = article.body.blocks.find((b) => b.type === 'image' && b.mediaId === mid);
      const caption = (block && block.type === 'image' && block.caption) || m?.caption;
      const credit = (block && block.type === 'image' && block.credit) || m?.credit;
      if (!m || !m.alt.trim() || !caption?.trim() || !credit?.trim()) {
        throw new DomainError('INVALID_INPUT', mid === article.heroMediaId ? 'heroMediaId' : 'body', `photo ${mid} needs alt text, caption and credit`);
      }
    }
  }

  /** Runs the scheduled-publishing job once: returns the ids it published. */
  async publishDue(): Promise<number[]> {
    const ids = await this.deps.store.publishDue(this.deps.now());
    if (ids.length === 0) return ids;
    const tags: string[] = [contentTags.latest, contentTags.home];
    for (const id of ids) {
      const article = await this.deps.store.findEditable(id);
      if (article) tags.push(...(await this.tagsOf(article)));
    }
    this.deps.changes.emit(tags);
    return ids;
  }

  /** The content tags of a story as it is (or was): its page, section, tags, authors, search. */
  private async tagsOf(a: Pick<EditableArticle, 'id' | 'sectionId' | 'tagNames' | 'authorIds'>): Promise<string[]> {
    const tagIds: number[] = [];
    for (const name of a.tagNames) tagIds.push((await this.deps.tags.findOrCreate(name)).id);
    return storyTags({ id: a.id, sectionId: a.sectionId, tagIds, authorIds: a.authorIds });
  }

  async history(user: User, id: number): Promise<{ revisions: RevisionInfo[]; events: ArticleEvent[] }> {
    await this.get(user, id);
    const [revisions, events] = await Promise.all([this.deps.store.listRevisions(id), this.deps.store.listEvents(id)]);
    return { revisions, events };
  }

  async revision(user: User, id: number, n: number): Promise<RevisionInfo & { snapshot: ArticleSnapshot }> {
    await this.get(user, id);
    const rev = Number.isSafeInteger(n) ? await this.deps.store.getRevision(id, n) : null;
    if (!rev) throw new DomainError('NOT_FOUND', 'revision');
    return rev;
  }

  /** Restores revision `n` as a new save (history is never rewritten). */
  async restore(user: User, id: number, n: number): Promise<EditableArticle> {
    const article = await this.get(user, id);
    await this.require(user, 'article.restoreRevision', article);
    const rev = await this.revision(user, id, n);
    const { snapshot } = rev;
    const patch: ArticlePatch = { ...snapshot, tagNames: [...snapshot.tagNames] };
    if (!(await this.policy(user, 'article.setAuthors', article))) delete patch.authorIds;
    return this.update(user, id, patch, `restored revision ${n}`);
  }

  desk(user: User, filter: { status?: ArticleStatus }, page: number, pageSize: number): Promise<{ items: DeskRow[]; total: number }> {
    // Reporters and contributors see their own stories; editors and admins see all.
    const mine = user.role === 'reporter' || user.role === 'contributor';
    return this.deps.store.listDesk({ ...filter, ...(mine ? { createdBy: user.id } : {}) }, pageSize, (page - 1) * pageSize);
  }
}

function clean(s: string): string {
  return s.normalize('NFC').trim();
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
