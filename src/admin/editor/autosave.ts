/**
 * Saves 2.5 s after the last change (an autosave: the server keeps it as the story's
 * working copy, no revision), and on demand (Ctrl+S, the Save button, a workflow button:
 * an explicit save, which the server keeps as a revision). Saves never overlap: each waits
 * for the one before, so the server sees them in order.
 *
 * An autosave with nothing new is skipped. An explicit save is skipped only when nothing is
 * new *and* the last thing sent was itself an explicit save: after an autosave (or with a
 * working copy left from before), Ctrl+S must still reach the server, or the working copy
 * would never become the saved story.
 *
 * While paused (an edit conflict is open) nothing is sent by the timer or on demand: the
 * user first chooses whose version wins, and what they type meanwhile stays marked unsaved.
 */
export type SaveMode = 'auto' | 'explicit';

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<boolean> = Promise.resolve(true);
  private dirty = false;
  private saving = false;
  private lastOk = true;
  private paused = false;
  /** The server holds a working copy no explicit save has made into a saved version yet. */
  private workingCopyOnly: boolean;

  constructor(
    /** Sends the current state; true when the server accepted it. */
    private readonly save: (mode: SaveMode) => Promise<boolean>,
    private readonly delayMs = 2500,
    /** The page opened on a working copy (unsaved changes from an earlier autosave). */
    workingCopyOnLoad = false,
  ) {
    this.workingCopyOnly = workingCopyOnLoad;
  }

  /** Something was edited: save once the user pauses. */
  changed(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    if (!this.paused) this.timer = setTimeout(() => void this.run('auto'), this.delayMs);
  }

  /** An explicit save now (after any save in flight); resolves true once everything typed is saved. */
  now(): Promise<boolean> {
    return this.run('explicit');
  }

  /** Sends what is typed now as an autosave (before a preview, which shows the working copy). */
  flush(): Promise<boolean> {
    return this.run('auto');
  }

  /** Resolves once every save queued so far has finished. */
  idle(): Promise<unknown> {
    return this.chain;
  }

  /** Stops saving (false from now()) until resume(); changes are kept as pending. */
  pause(): void {
    this.paused = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  resume(): void {
    this.paused = false;
    if (this.dirty) this.changed();
  }

  /** A save made outside this queue (conflict resolution) stored everything as a saved version. */
  markSaved(): void {
    this.dirty = false;
    this.workingCopyOnly = false;
    this.lastOk = true;
  }

  /** Whether leaving the page now would lose something. */
  get pending(): boolean {
    return this.dirty || this.saving;
  }

  /** A save is on its way to the server. */
  get inFlight(): boolean {
    return this.saving;
  }

  private run(mode: SaveMode): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.chain.then(() => {
      if (this.paused) return false;
      const needed = this.dirty || (mode === 'explicit' && this.workingCopyOnly);
      return needed ? this.attempt(mode) : this.lastOk;
    });
    this.chain = run;
    return run;
  }

  private async attempt(mode: SaveMode): Promise<boolean> {
    // Cleared before sending, so an edit made while the request is out marks it dirty again.
    this.dirty = false;
    this.saving = true;
    let ok = false;
    try {
      ok = await this.save(mode);
    } catch {
      ok = false;
    } finally {
      this.saving = false;
    }
    if (!ok) this.dirty = true;
    else this.workingCopyOnly = mode === 'auto';
    this.lastOk = ok;
    return ok;
  }
}
