/**
 * Who else has a story open in the editor. Each open editor reports every few seconds
 * (no extra service: one small table); someone who stopped reporting for PRESENCE_WINDOW_MS
 * has left. Reporting needs the right to edit the story, so nobody learns of a story
 * they cannot open.
 */
import type { User } from '../users/user.ts';
import type { ArticleEditService } from './article-edit-service.ts';
import type { ArticleEditStore } from './article-edit-store.ts';
import type { PresenceStore } from './presence-store.ts';

/** An editor that has not reported for this long has closed the story. */
export const PRESENCE_WINDOW_MS = 20_000;

export interface PresenceReport {
  /** Others with the story open, longest there first. */
  others: { name: string; since: Date }[];
  /** The story's edit version and newest revision now, so an editor sees that someone saved. */
  version: number;
  revision: number;
  updatedBy: string | null;
}

export class PresenceService {
  constructor(
    private readonly deps: { store: PresenceStore; desk: ArticleEditService; editStore: ArticleEditStore; now: () => Date },
  ) {}

  async report(user: User, articleId: number): Promise<PresenceReport> {
    await this.deps.desk.get(user, articleId);
    const now = this.deps.now();
    const windowStart = new Date(now.getTime() - PRESENCE_WINDOW_MS);
    await this.deps.store.touch(articleId, user.id, now, windowStart);
    const [others, current] = await Promise.all([this.deps.store.list(articleId, windowStart, user.id), this.deps.editStore.currentVersion(articleId)]);
    return { others: others.map((o) => ({ name: o.name, since: o.since })), version: current.version, revision: current.revision, updatedBy: current.updatedBy };
  }

  /** Forgets reports of editors long closed (the newsroom job; the report above never shows them anyway). */
  prune(): Promise<void> {
    return this.deps.store.prune(new Date(this.deps.now().getTime() - 10 * PRESENCE_WINDOW_MS));
  }
}
