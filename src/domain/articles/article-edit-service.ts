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
import { type ArticlePatch, type ArticleStatus, CORRECTION_LIMITS, type EditableArticle, type EditableCorrection, STORY_LANGUAGES } from './article.ts';
import type { ArticleEditStore, SaveFields, WriteOptions } from './article-edit-store.ts';
import { type ArticleEvent, type ArticleSnapshot, CHECKPOINT_INTERVAL_MS, type FullSnapshot, CHECKPOINT_KEEP_MS, type RevisionInfo } from './article-history.ts';
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

/** How a save is made (see ArticleEditService.update). */
export interface SaveOptions {
  /** The edit version the editor started from. */
  baseVersion?: number;
  /** Older clients: the revision number they started from (checked less strictly than baseVersion). */
  baseRevision?: number;
  /** Autosave: no revision (at most a checkpoint every 10 minutes), no workflow event. */
  autosave?: boolean;
  /** "Keep mine as a new revision" after a conflict: no version check; the other's working copy is kept first. */
  force?: boolean;
  /** Keep any working copy as a revision before writing (restores do, so nothing typed is lost). */
  keepOthers?: boolean;
  /** The revision kind and event to record instead of the default. */
  kind?: string;
  event?: string;
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

  /** The article for a write: as `get`, and a story in the trash is refused (restore it first). */
  private async getForWrite(user: User, id: number): Promise<EditableArticle> {
    const article = await this.get(user, id);
    if (article.trashedAt) throw new DomainError('GONE', 'trashed', 'the story is in the trash');
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
    const snapshot: FullSnapshot = { headline, dek: '', slug: slugify(headline), sectionId: input.sectionId, tagNames: [], authorIds, heroMediaId: null, body, seoTitle: '', seoDescription: '', correctionNote: '', corrections: [], lang: 'hi' };
    return this.deps.store.insertDraft(
      { ...snapshot, tagIds: [], bodyJson: JSON.stringify(body), updatedAt: now },
      user.id,
      now,
      snapshot,
    );
  }

  /**
   * Saves a patch; every field is validated before anything is written.
   *
   * Where it goes (the rule that keeps readers safe from half-typed edits):
   * - a live story (published or scheduled): always to its working copy, the pending
   *   version; readers, feeds, search and caches see the story as it was until someone
   *   allowed to publish applies it with `applyPending` ("Update");
   * - any other story: to the story itself (nobody outside the newsroom sees it).
   * An autosave keeps no revision (at most a checkpoint every 10 minutes); an explicit
   * save keeps one.
   *
   * With `baseVersion`, the save applies only if nobody wrote since that version
   * (EDIT_CONFLICT otherwise, naming who did): checked in the write itself, so two saves
   * from one base give one success and one conflict. `force` ("keep mine") skips the
   * check and first keeps the other person's working copy as a revision.
   */
  async update(user: User, id: number, patch: ArticlePatch, options: SaveOptions = {}): Promise<EditableArticle> {
    const current = await this.getForWrite(user, id);
    if (options.baseRevision !== undefined && !options.force && options.baseRevision !== current.revision) throw await this.conflict(id);
    if (patch.authorIds !== undefined && !sameIds(patch.authorIds, current.authorIds)) await this.require(user, 'article.setAuthors', current);
    const next = await this.validate(current, patch);
    const now = this.deps.now();
    const write: WriteOptions = {
      userId: user.id,
      now,
      ...(options.force || options.baseVersion === undefined ? {} : { baseVersion: options.baseVersion }),
      ...(options.force || options.keepOthers ? { keepWorkingCopyAs: 'kept' } : {}),
      revisionKind: options.autosave ? null : (options.kind ?? (current.live ? 'pending' : 'save')),
      event: options.autosave ? '' : (options.event ?? (current.live ? 'saved-pending' : 'saved')),
      checkpointIfOlderThan: new Date(now.getTime() - CHECKPOINT_INTERVAL_MS),
    };
    const result = current.live
      ? await this.deps.store.writeWorkingCopy(id, next, write)
      : await this.deps.store.applyToStory(id, await this.saveFields(next, now), next, write);
    if (!result) throw await this.conflict(id);
    const saved = (await this.deps.store.findEditable(id))!;
    // This write's own numbers, not whatever another save made meanwhile.
    return { ...saved, version: result.version, revision: result.revision };
  }

  /**
   * "Update": makes a live story's pending version what readers see, at once (the page,
   * cards, lists, feeds and search are purged). Needs the right to publish the story.
   */
  async applyPending(user: User, id: number, baseVersion?: number): Promise<EditableArticle> {
    const current = await this.getForWrite(user, id);
    await this.require(user, 'article.publish', current);
    if (!current.live) throw new DomainError('INVALID_INPUT', 'status', 'only a published or scheduled story has a pending version');
    if (!current.pending) return current;
    await this.checkPublishable(current);
    const now = this.deps.now();
    const before = await this.liveTags(id);
    const fields = await this.saveFields(current, current.status === 'published' ? now : new Date(current.updatedAt));
    const result = await this.deps.store.applyToStory(id, fields, snapshotOf(current), {
      userId: user.id,
      now,
      ...(baseVersion === undefined ? {} : { baseVersion }),
      revisionKind: 'update',
      event: 'updated',
    });
    if (!result) throw await this.conflict(id);
    if (current.status === 'published') this.deps.changes.emit([...before, ...(await this.liveTags(id))]);
    return { ...(await this.deps.store.findEditable(id))!, version: result.version, revision: result.revision };
  }

  /** Drops the pending version: the editor shows the story as saved (for a live story: as readers see it). */
  async discardPending(user: User, id: number, baseVersion?: number): Promise<EditableArticle> {
    const current = await this.getForWrite(user, id);
    if (!current.pending) return current;
    const version = await this.deps.store.discardWorkingCopy(id, user.id, this.deps.now(), baseVersion);
    if (version === null) throw await this.conflict(id);
    return (await this.deps.store.findEditable(id))!;
  }

  /** A reporter or contributor sends a live story's pending version for review; it does not go live. */
  async submitPending(user: User, id: number, note = '', baseVersion?: number): Promise<EditableArticle> {
    const current = await this.getForWrite(user, id);
    await this.require(user, 'article.submit', current);
    if (!current.live || !current.pending) throw new DomainError('INVALID_INPUT', 'pending', 'nothing pending to submit');
    // Submitting changes no content; the check only makes sure the submitter saw the latest version.
    if (baseVersion !== undefined && baseVersion !== current.version) throw await this.conflict(id);
    if (!(await this.deps.store.submitWorkingCopy(id, user.id, this.deps.now(), clean(note).slice(0, 500)))) throw await this.conflict(id);
    return (await this.deps.store.findEditable(id))!;
  }

  /**
   * Links `id` with `otherId` as the same story in two languages, both ways (or unlinks `id`
   * when `otherId` is null). Not content: the link applies at once, to both pages, because
   * it belongs to neither story's text (decision 025). Needs the right to publish both.
   * Errors: INVALID_INPUT on translationId: 'self', 'not-found', 'not-public' (the other is
   * not published), 'same-language'.
   */
  async linkTranslation(user: User, id: number, otherId: number | null): Promise<EditableArticle> {
    const current = await this.getForWrite(user, id);
    await this.require(user, 'article.publish', current);
    if (otherId !== null) {
      // The reason travels with the 400, so the editor can say which rule the choice broke.
      const refuse = (reason: string) => new DomainError('INVALID_INPUT', 'translationId', reason, { reason });
      if (otherId === id) throw refuse('self');
      const other = await this.deps.store.findLinkable(otherId);
      if (!other) throw refuse('not-found');
      if (other.status !== 'published') throw refuse('not-public');
      if (other.lang === current.lang) throw refuse('same-language');
      const otherEditable = await this.deps.store.findEditable(otherId);
      if (otherEditable) await this.require(user, 'article.publish', otherEditable);
    } else if (current.translationId === null) {
      return current;
    }
    const touched = await this.deps.store.setTranslation(id, otherId, user.id, this.deps.now());
    this.deps.changes.emit(touched.map(contentTags.article));
    return (await this.deps.store.findEditable(id))!;
  }

  /** The error for a save from a stale version, with who saved last and when, for the editor to offer a way forward. */
  private async conflict(id: number): Promise<DomainError> {
    const c = await this.deps.store.currentVersion(id);
    return new DomainError('EDIT_CONFLICT', 'baseVersion', `now at version ${c.version}`, {
      current: { version: c.version, revision: c.revision, updatedBy: c.updatedBy, updatedAt: c.updatedAt?.toISOString() ?? null },
    });
  }

  /** What the story row needs for a snapshot (tag names become tag ids, created as needed). */
  private async saveFields(next: SnapshotLike & { body: RichText }, updatedAt: Date): Promise<SaveFields> {
    const tagIds: number[] = [];
    for (const name of next.tagNames) tagIds.push((await this.deps.tags.findOrCreate(name)).id);
    return { ...snapshotOf(next), tagIds, bodyJson: JSON.stringify(next.body), updatedAt };
  }

  /** The content tags of the story as readers see it (its saved row, not the working copy). */
  private async liveTags(id: number): Promise<string[]> {
    const [saved, link] = await Promise.all([this.deps.store.findSavedSnapshot(id), this.deps.store.findLinkable(id)]);
    // The translation's page links here (hreflang) only while this story is public.
    const partner = link?.translationId ? [contentTags.article(link.translationId)] : [];
    return [...(saved ? await this.tagsOf({ id, ...saved }) : [contentTags.article(id)]), ...partner];
  }

  private async validate(current: EditableArticle, patch: ArticlePatch): Promise<FullSnapshot & { body: RichText }> {
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
    const corrections = patch.corrections === undefined ? [...current.corrections] : parseCorrectionsPatch(patch.corrections, this.deps.now());
    let lang = current.lang;
    if (patch.lang !== undefined) {
      if (typeof patch.lang !== 'string' || !(STORY_LANGUAGES as readonly string[]).includes(patch.lang)) throw new DomainError('INVALID_INPUT', 'lang');
      // A translation is in another language: a linked story cannot take its partner's.
      if (patch.lang !== current.lang && current.translationId !== null) {
        const partner = await this.deps.store.findLinkable(current.translationId);
        if (partner && partner.lang === patch.lang) throw new DomainError('INVALID_INPUT', 'lang', 'same-language', { reason: 'same-language' });
      }
      lang = patch.lang;
    }
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
    return { headline, dek, slug, sectionId, tagNames, authorIds, heroMediaId, body, seoTitle, seoDescription, correctionNote, corrections, lang };
  }

  /** Moves an article to `to`. `publishAt` (with 'scheduled') is when it goes live. */
  async transition(user: User, id: number, to: ArticleStatus, options: { publishAt?: Date; note?: string } = {}): Promise<EditableArticle> {
    const article = await this.getForWrite(user, id);
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
    const before = await this.liveTags(id);
    // Publishing (or any move but taking a story down) makes the pending version the story:
    // whoever may make this move has said so. Taking it down keeps the pending version pending.
    if (article.pending && to !== 'unpublished') {
      const applied = await this.deps.store.applyToStory(id, await this.saveFields(article, now), snapshotOf(article), {
        userId: user.id,
        now,
        revisionKind: to === 'published' || to === 'scheduled' ? 'publish' : 'save',
      });
      if (!applied) throw await this.conflict(id);
    }
    const applied = await this.deps.store.setStatus(id, article.status, to, publishedAt, user.id, now, rule.event, note);
    if (!applied) throw new DomainError('CONFLICT', 'status', 'the article changed status meanwhile');
    // Going live or coming down changes which stories every list, the Updates box and search show.
    if (article.status === 'published' || to === 'published') this.deps.changes.emit([...before, ...(await this.liveTags(id)), contentTags.latest, contentTags.home]);
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

  /** Deletes autosave checkpoints older than two weeks (explicit revisions are kept); returns how many. */
  pruneCheckpoints(): Promise<number> {
    return this.deps.store.pruneCheckpoints(new Date(this.deps.now().getTime() - CHECKPOINT_KEEP_MS));
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
    const article = await this.getForWrite(user, id);
    await this.require(user, 'article.restoreRevision', article);
    const rev = await this.revision(user, id, n);
    const { snapshot } = rev;
    const patch: ArticlePatch = { ...snapshot, tagNames: [...snapshot.tagNames] };
    // A correction, once made, stays: going back to older text does not take it away.
    delete patch.corrections;
    if (!(await this.policy(user, 'article.setAuthors', article))) delete patch.authorIds;
    // On a live story the restored text becomes the pending version: readers see it only after Update.
    return this.update(user, id, patch, { kind: 'restore', event: `restored revision ${n}`, keepOthers: true });
  }
}

/** A snapshot's fields, as an EditableArticle (read-only) carries them too. */
type SnapshotLike = Readonly<Omit<ArticleSnapshot, 'tagNames' | 'authorIds' | 'corrections'>> & {
  readonly tagNames: readonly string[];
  readonly authorIds: readonly number[];
  readonly corrections?: readonly EditableCorrection[] | undefined;
};

function snapshotOf(a: SnapshotLike): FullSnapshot {
  return {
    headline: a.headline,
    dek: a.dek,
    slug: a.slug,
    sectionId: a.sectionId,
    tagNames: [...a.tagNames],
    authorIds: [...a.authorIds],
    heroMediaId: a.heroMediaId,
    body: a.body,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    correctionNote: a.correctionNote,
    corrections: [...(a.corrections ?? [])],
    lang: a.lang ?? 'hi',
  };
}

/**
 * The whole list of corrections from a save: each `{ text, date? }`, in order (oldest first).
 * An entry without a date is new and is dated `now`. Errors name the entry and its field
 * (`corrections.2.text`), so the editor can point at it.
 */
export function parseCorrectionsPatch(value: unknown, now: Date): EditableCorrection[] {
  if (!Array.isArray(value) || value.length > CORRECTION_LIMITS.count) throw new DomainError('INVALID_INPUT', 'corrections');
  return value.map((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new DomainError('INVALID_INPUT', `corrections.${i}`);
    const { text, date, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new DomainError('INVALID_INPUT', `corrections.${i}.${extra}`);
    if (typeof text !== 'string') throw new DomainError('INVALID_INPUT', `corrections.${i}.text`, 'missing');
    const t = clean(text);
    if (!t) throw new DomainError('INVALID_INPUT', `corrections.${i}.text`, 'empty');
    if ([...t].length > CORRECTION_LIMITS.text) throw new DomainError('INVALID_INPUT', `corrections.${i}.text`, `longer than ${CORRECTION_LIMITS.text} characters`);
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(t)) throw new DomainError('INVALID_INPUT', `corrections.${i}.text`);
    let at = now;
    if (date !== undefined && date !== null && date !== '') {
      const parsed = typeof date === 'string' && date.length <= 40 ? new Date(date) : null;
      // Never dated later than it is saved: a correction tells readers when the story was fixed.
      if (!parsed || Number.isNaN(parsed.getTime()) || parsed.getTime() > now.getTime()) throw new DomainError('INVALID_INPUT', `corrections.${i}.date`);
      at = parsed;
    }
    return { date: at.toISOString(), text: t };
  });
}

function clean(s: string): string {
  return s.normalize('NFC').trim();
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
