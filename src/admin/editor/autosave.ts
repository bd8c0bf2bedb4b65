/**
 * Saves 2.5 s after the last change, and on demand (Ctrl+S, a workflow button). Saves
 * never overlap: each waits for the one before, so the server sees them in order, and
 * a save with nothing new to send is skipped (each save is a revision on the server).
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<boolean> = Promise.resolve(true);
  private dirty = false;
  private saving = false;
  private lastOk = true;

  constructor(
    /** Sends the current state; true when the server accepted it. */
    private readonly save: () => Promise<boolean>,
    private readonly delayMs = 2500,
  ) {}

  /** Something was edited: save once the user pauses. */
  changed(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.now(), this.delayMs);
  }

  /** Saves now (after any save in flight); resolves true once everything typed is on the server. */
  now(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.chain.then(() => (this.dirty ? this.attempt() : this.lastOk));
    this.chain = run;
    return run;
  }

  /** Whether leaving the page now would lose something. */
  get pending(): boolean {
    return this.dirty || this.saving;
  }

  private async attempt(): Promise<boolean> {
    // Cleared before sending, so an edit made while the request is out marks it dirty again.
    this.dirty = false;
    this.saving = true;
    let ok = false;
    try {
      ok = await this.save();
    } catch {
      ok = false;
    } finally {
      this.saving = false;
    }
    if (!ok) this.dirty = true;
    this.lastOk = ok;
    return ok;
  }
}
