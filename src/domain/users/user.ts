/**
 * Newsroom accounts and what each role may do. Every permission check on the server
 * goes through `can()`, so the rules live in one table.
 */
export type Role = 'admin' | 'editor' | 'reporter' | 'contributor';
/**
 * The mail domain of the accounts API keys act as (domain/api-keys): reserved (RFC 2606),
 * so no person's address has it. Such an account cannot sign in, so it never counts as the
 * admin who keeps a site from locking itself out.
 */
export const API_KEY_ACCOUNT_DOMAIN = 'api-keys.invalid';

/** Whether an account is a person who can sign in, not an API key's account. */
export function isPersonAccount(user: { readonly email: string }): boolean {
  return !user.email.endsWith(`@${API_KEY_ACCOUNT_DOMAIN}`);
}

export const ROLES: readonly Role[] = ['admin', 'editor', 'reporter', 'contributor'];
export type Locale = 'hi' | 'en';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly locale: Locale;
  /** The byline this account writes as, if any. */
  readonly authorId: number | null;
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly passwordChangedAt: Date;
}

export type Action =
  | 'article.create'
  | 'article.edit'
  | 'article.submit'
  | 'article.publish'
  | 'article.unpublish'
  | 'article.setAuthors'
  | 'article.setPublishTime'
  | 'article.restoreRevision'
  /** Move to the trash and back out of it (restorable for 30 days). */
  | 'article.trash'
  /** Delete for good: the address then answers 410. */
  | 'article.delete'
  | 'media.upload'
  | 'media.edit'
  | 'media.delete'
  | 'taxonomy.edit'
  | 'home.edit'
  | 'widgets.edit'
  | 'settings.edit'
  | 'users.manage'
  | 'comments.moderate'
  /** Read the audit log (who deleted or took down what). */
  | 'audit.view';

/** The facts about an article that permissions depend on. */
export interface ArticleFacts {
  readonly createdBy: number | null;
  readonly status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
}

export interface PolicyContext {
  readonly article?: ArticleFacts;
  /** Site setting: reporters may publish their own stories. */
  readonly reportersCanPublish?: boolean;
}

const EDITOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'article.create', 'article.edit', 'article.submit', 'article.publish', 'article.unpublish',
  'article.setAuthors', 'article.setPublishTime', 'article.restoreRevision',
  'article.trash', 'article.delete', 'media.delete',
  'media.upload', 'media.edit', 'taxonomy.edit', 'home.edit', 'widgets.edit', 'comments.moderate',
]);

/**
 * Whether `user` may do `action`. Guarantees: admins may do everything; editors all
 * content work (deleting stories and photos too) but not users, settings or the audit log;
 * reporters only their own stories, publish them only when the site allows, and trash
 * only their own unpublished drafts; contributors only their own drafts, never
 * publishing, uploading, or setting status, authors or times.
 */
export function can(user: Pick<User, 'id' | 'role' | 'disabled'>, action: Action, ctx: PolicyContext = {}): boolean {
  if (user.disabled) return false;
  switch (user.role) {
    case 'admin':
      return true;
    case 'editor':
      return EDITOR_ACTIONS.has(action);
    case 'reporter': {
      const own = ctx.article === undefined || ctx.article.createdBy === user.id;
      switch (action) {
        case 'article.create':
        case 'media.upload':
          return true;
        case 'article.edit':
        case 'article.submit':
        case 'article.restoreRevision':
          return own;
        case 'article.publish':
        case 'article.unpublish':
        case 'article.setPublishTime':
          return own && ctx.reportersCanPublish === true;
        // Their own unpublished work only (an empty draft they gave up on); a story readers
        // have seen is taken down by an editor.
        case 'article.trash':
          return own && (ctx.article === undefined || ctx.article.status === 'draft' || ctx.article.status === 'review');
        default:
          return false;
      }
    }
    case 'contributor': {
      const ownDraft = ctx.article === undefined || (ctx.article.createdBy === user.id && ctx.article.status === 'draft');
      switch (action) {
        case 'article.create':
          return true;
        case 'article.edit':
        case 'article.submit':
        case 'article.trash':
          return ownDraft;
        default:
          return false;
      }
    }
  }
}
