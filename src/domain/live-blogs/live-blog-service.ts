/**
 * Live blogs: staff start one on a story, post, edit (marked "updated"), delete, pin key
 * events, and end it. Guarantees:
 * - Who may post is who may edit the story (the desk's rules); on a story readers can see,
 *   a post is public at once, so it also takes the right to publish it.
 * - A body is checked whole before anything is written (rich text allowlist, the block its
 *   kind needs, photos that exist); a refusal writes nothing.
 * - After each committed change: the story's content tag is emitted (the cached page and
 *   every copy in other processes is purged), then `onPostChange` listeners hear it (the
 *   live stream publishes it; src/http/live/).
 */
import { DomainError } from '../../errors.ts';
import { mediaIdsOf, parseRichText, type RichText, RichTextError } from '../../richtext/rich-text.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import type { EditableArticle } from '../articles/article.ts';
import type { User } from '../users/user.ts';
import { LIVE_PAGE_SIZE, LIVE_POST_KINDS, LIVE_POST_MAX_BLOCKS, type LiveBlog, type LivePost, type LivePostInput, type LivePostKind, type LivePostPatch, requiredBlock } from './live-blog.ts';
import type { LiveBlogStore } from './live-blog-store.ts';

export type LivePostChange =
  | { readonly op: 'upsert'; readonly post: LivePost }
  | { readonly op: 'delete'; readonly articleId: number; readonly postId: number }
  | { readonly op: 'end'; readonly articleId: number; readonly endedAt: Date };

export interface LiveBlogServiceDeps {
  readonly store: LiveBlogStore;
  readonly desk: {
    get(user: User, id: number): Promise<EditableArticle>;
    permissions(user: User, article: EditableArticle): Promise<{ publish: boolean }>;
  };
  readonly mediaExists: (ids: readonly number[]) => Promise<ReadonlySet<number>>;
  readonly changes: ChangeFeed;
  readonly now: () => Date;
  readonly log?: (message: string, err?: unknown) => void;
}

export interface LivePage {
  readonly blog: LiveBlog;
  /** Newest first. */
  readonly posts: readonly LivePost[];
  /** Key events, newest first (the summary). */
  readonly keyEvents: readonly LivePost[];
  /** The id to ask for earlier posts before, when there are any. */
  readonly earlierBefore: number | null;
}

export class LiveBlogService {
  private readonly listeners = new Set<(change: LivePostChange) => void>();

  constructor(private readonly deps: LiveBlogServiceDeps) {}

  /** Every committed change to any live blog in this process. Returns the unsubscribe. */
  onPostChange(listener: (change: LivePostChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether `postId` is a post of this story's live blog (an address's `?before=` is one of its own). */
  async hasPost(articleId: number, postId: number): Promise<boolean> {
    return (await this.deps.store.findPost(articleId, postId)) !== null;
  }

  findBlog(articleId: number): Promise<LiveBlog | null> {
    return this.deps.store.findBlog(articleId);
  }

  /** A page of a story's live blog for readers; null when the story is not a live blog. */
  async page(articleId: number, beforeId: number | null = null): Promise<LivePage | null> {
    const blog = await this.deps.store.findBlog(articleId);
    if (!blog) return null;
    const [rows, keyEvents] = await Promise.all([this.deps.store.listPosts(articleId, LIVE_PAGE_SIZE + 1, beforeId), beforeId === null ? this.deps.store.keyEvents(articleId, 10) : Promise.resolve([])]);
    const posts = rows.slice(0, LIVE_PAGE_SIZE);
    return { blog, posts, keyEvents, earlierBefore: rows.length > LIVE_PAGE_SIZE ? posts[posts.length - 1]!.id : null };
  }

  /** A finished live blog written in one go, outside the newsroom's rules: the demo site only. */
  async loadFinished(articleId: number, startedAt: Date, endedAt: Date, posts: readonly { at: Date; kind: LivePostKind; body: unknown; keyEvent: boolean; authorName: string }[]): Promise<void> {
    const checked = [];
    for (const p of posts) checked.push({ ...p, body: await this.body(p.kind, p.body) });
    await this.deps.store.insertFinished(articleId, startedAt, endedAt, checked);
    this.deps.changes.emit([contentTags.article(articleId)]);
  }

  /** Makes the story a live blog, or reopens an ended one. */
  async start(user: User, articleId: number): Promise<LiveBlog> {
    await this.writable(user, articleId);
    await this.deps.store.start(articleId, this.deps.now());
    this.deps.changes.emit([contentTags.article(articleId)]);
    return (await this.deps.store.findBlog(articleId))!;
  }

  /** Ends it ("लाइव ब्लॉग समाप्त"): no more posts until it is started again. */
  async end(user: User, articleId: number): Promise<LiveBlog> {
    await this.writable(user, articleId);
    const at = this.deps.now();
    await this.openBlog(articleId);
    await this.deps.store.end(articleId, at);
    this.committed([contentTags.article(articleId)], { op: 'end', articleId, endedAt: at });
    return (await this.deps.store.findBlog(articleId))!;
  }

  async addPost(user: User, articleId: number, input: LivePostInput): Promise<LivePost> {
    const kind = this.kind(input.kind);
    const body = await this.body(kind, input.body);
    await this.writable(user, articleId);
    await this.openBlog(articleId);
    const post = await this.deps.store.insertPost({ articleId, kind, body, keyEvent: input.keyEvent === true, authorUserId: user.id, authorName: user.name }, this.deps.now());
    this.committed([contentTags.article(articleId)], { op: 'upsert', post });
    return post;
  }

  /** Changes a post's body or key-event mark; a changed body is shown as "updated". */
  async updatePost(user: User, articleId: number, postId: number, patch: LivePostPatch): Promise<LivePost> {
    await this.writable(user, articleId);
    const current = await this.deps.store.findPost(articleId, postId);
    if (!current) throw new DomainError('NOT_FOUND', 'postId', `no post ${postId} in live blog ${articleId}`);
    const body = patch.body === undefined ? undefined : await this.body(current.kind, patch.body);
    const post = await this.deps.store.updatePost(articleId, postId, { ...(body ? { body } : {}), ...(patch.keyEvent !== undefined ? { keyEvent: patch.keyEvent } : {}), edited: body !== undefined }, this.deps.now());
    if (!post) throw new DomainError('NOT_FOUND', 'postId', 'deleted meanwhile');
    this.committed([contentTags.article(articleId)], { op: 'upsert', post });
    return post;
  }

  async deletePost(user: User, articleId: number, postId: number): Promise<void> {
    await this.writable(user, articleId);
    if (!(await this.deps.store.deletePost(articleId, postId))) throw new DomainError('NOT_FOUND', 'postId', `no post ${postId} in live blog ${articleId}`);
    this.committed([contentTags.article(articleId)], { op: 'delete', articleId, postId });
  }

  private kind(value: unknown): LivePostKind {
    if (typeof value !== 'string' || !(LIVE_POST_KINDS as readonly string[]).includes(value)) throw new DomainError('INVALID_INPUT', 'kind');
    return value as LivePostKind;
  }

  private async body(kind: LivePostKind, input: unknown): Promise<RichText> {
    let body: RichText;
    try {
      body = parseRichText(input);
    } catch (err) {
      if (err instanceof RichTextError) throw new DomainError('INVALID_INPUT', `body.${err.field}`, err.message);
      throw err;
    }
    if (body.blocks.length === 0 || body.blocks.length > LIVE_POST_MAX_BLOCKS) throw new DomainError('INVALID_INPUT', 'body.blocks', `${body.blocks.length} blocks`);
    const needed = requiredBlock(kind);
    if (needed && !body.blocks.some((b) => b.type === needed)) throw new DomainError('INVALID_INPUT', 'body.blocks', `a ${kind} post needs a ${needed} block`);
    const ids = mediaIdsOf(body);
    if (ids.length > 0) {
      const found = await this.deps.mediaExists(ids);
      const missing = body.blocks.findIndex((b) => b.type === 'image' && !found.has(b.mediaId));
      if (missing >= 0) throw new DomainError('INVALID_INPUT', `body.blocks.${missing}.mediaId`);
    }
    return body;
  }

  /** The story, if this user may write to its live blog (see the class comment). */
  private async writable(user: User, articleId: number): Promise<EditableArticle> {
    const story = await this.deps.desk.get(user, articleId);
    if (story.trashedAt) throw new DomainError('GONE', 'trashed', 'the story is in the trash');
    if (story.live && !(await this.deps.desk.permissions(user, story)).publish) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not publish to this live story`);
    return story;
  }

  private async openBlog(articleId: number): Promise<LiveBlog> {
    const blog = await this.deps.store.findBlog(articleId);
    if (!blog) throw new DomainError('LIVE_BLOG_NOT_STARTED', 'articleId');
    if (blog.endedAt) throw new DomainError('LIVE_BLOG_ENDED', 'articleId');
    return blog;
  }

  private committed(tags: readonly string[], change: LivePostChange): void {
    this.deps.changes.emit(tags);
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        this.deps.log?.('live blog listener failed', err);
      }
    }
  }
}
