/// <reference lib="dom" />
/**
 * Editing together: who else has the story open (presence), a notice when someone else
 * saved a newer version, and the dialog for a save refused as stale (409).
 *
 * Presence needs no extra service: the page says "I am here" every 5 s while it is visible
 * (at once on load and when the tab comes back), and the answer lists the others and the
 * story's current edit version. A version beyond this page's own, not made by this page's
 * own save, means someone else saved: the notice offers a reload before a conflict happens.
 */
import { ApiError, type ConflictInfo, type EditorApi } from './api.ts';
import { byId, type EditorStrings, fill, istTime } from './data.ts';

const PRESENCE_EVERY_MS = 5000;

export interface PresenceHooks {
  /** The edit version this page's content is built on. */
  version(): number;
  /** Counts this page's saves (started); a change while a presence call is out means the version may be ours. */
  saves(): number;
  /** A save of this page is on its way. */
  saving(): boolean;
  /** A conflict dialog is open: it says more than the notice would. */
  conflictOpen(): boolean;
}

export class PresenceWatcher {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly line: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly noticeText: HTMLElement;
  /** The newest version the notice was shown for, so it is looked up once per version. */
  private noticed = 0;
  private busy = false;

  constructor(
    private readonly doc: Document,
    private readonly api: EditorApi,
    private readonly articleId: number,
    private readonly s: EditorStrings,
    private readonly hooks: PresenceHooks,
    onReload: () => void,
  ) {
    this.line = byId(doc, 'presence', HTMLElement);
    this.notice = byId(doc, 'newer-notice', HTMLElement);
    this.noticeText = byId(doc, 'newer-text', HTMLElement);
    byId(doc, 'newer-reload', HTMLButtonElement).addEventListener('click', onReload);
  }

  start(): void {
    const visible = () => this.doc.visibilityState === 'visible';
    const run = () => {
      clearInterval(this.timer);
      this.timer = undefined;
      if (!visible()) return;
      void this.tick();
      this.timer = setInterval(() => void this.tick(), PRESENCE_EVERY_MS);
    };
    this.doc.addEventListener('visibilitychange', run);
    run();
  }

  /** This page saved: a notice about a version it has now caught up with goes away. */
  caughtUp(version: number): void {
    if (version >= this.noticed) this.notice.hidden = true;
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const savesBefore = this.hooks.saves();
    try {
      const answer = await this.api.presence(this.articleId);
      this.showOthers(answer.others.map((o) => o.name));
      const ours = savesBefore === this.hooks.saves() && !this.hooks.saving();
      if (ours && answer.version > this.hooks.version() && answer.version > this.noticed && !this.hooks.conflictOpen()) {
        this.noticed = answer.version;
        await this.showNewer();
      }
    } catch (error) {
      // Presence is a courtesy: a failed call is tried again on the next tick.
      if (!(error instanceof ApiError)) throw error;
    } finally {
      this.busy = false;
    }
  }

  private showOthers(names: string[]): void {
    this.line.hidden = names.length === 0;
    this.line.textContent = names.length ? `${this.s.alsoEditing} ${[...new Set(names)].join(', ')}` : '';
  }

  private async showNewer(): Promise<void> {
    // Who saved: the working copy says, when there is one; otherwise "someone else".
    let name: string = this.s.someone;
    try {
      name = (await this.api.getArticle(this.articleId)).pending?.updatedBy ?? name;
    } catch {
      // The notice matters more than the name.
    }
    this.noticeText.textContent = fill(this.s.newerVersion, { name });
    this.notice.hidden = false;
  }
}

/**
 * The 409 dialog: "<name> saved a newer version at <time>", with "Reload theirs" and
 * "Keep mine as a new revision". It stays open until one is chosen (Escape does not close
 * it: closing without a choice would leave autosave paused with no way out).
 */
export class ConflictDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly text: HTMLElement;
  private readonly error: HTMLElement;
  private readonly keep: HTMLButtonElement;
  private readonly reload: HTMLButtonElement;
  private onKeep: (() => Promise<boolean>) | null = null;
  private readonly when: Intl.DateTimeFormat;

  constructor(
    doc: Document,
    private readonly s: EditorStrings,
    lang: 'hi' | 'en',
    onReload: () => void,
  ) {
    this.dialog = byId(doc, 'conflict-dialog', HTMLDialogElement);
    this.text = byId(doc, 'conflict-text', HTMLElement);
    this.error = byId(doc, 'conflict-error', HTMLElement);
    this.keep = byId(doc, 'conflict-keep', HTMLButtonElement);
    this.reload = byId(doc, 'conflict-reload', HTMLButtonElement);
    this.when = istTime(lang, true);
    this.dialog.addEventListener('cancel', (event) => event.preventDefault());
    this.reload.addEventListener('click', onReload);
    this.keep.addEventListener('click', () => void this.keepMine());
  }

  get open(): boolean {
    return this.dialog.open;
  }

  show(conflict: ConflictInfo, keepMine: () => Promise<boolean>): void {
    this.onKeep = keepMine;
    const at = new Date(conflict.updatedAt);
    this.text.textContent = fill(this.s.conflictText, {
      name: conflict.updatedBy ?? this.s.someone,
      time: Number.isNaN(at.getTime()) ? '' : this.when.format(at),
    });
    if (!this.dialog.open) {
      this.error.hidden = true;
      this.dialog.showModal();
    }
  }

  /** Shown inside the dialog when "keep mine" itself failed (not a conflict: that re-shows it). */
  failed(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private async keepMine(): Promise<void> {
    const keep = this.onKeep;
    if (!keep) return;
    this.keep.disabled = true;
    this.reload.disabled = true;
    this.error.hidden = true;
    try {
      if (await keep()) this.close();
    } finally {
      this.keep.disabled = false;
      this.reload.disabled = false;
    }
  }
}
