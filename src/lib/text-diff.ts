/**
 * Side-by-side text differences with a hard bound on the work, for comparing revisions.
 *
 * Why not a plain word diff: a word-level LCS over a whole story is quadratic in the
 * worst case (two 25 KB revisions once took 12 s and held up every other request).
 * Here the text is first compared block by block (paragraphs), so unchanged paragraphs
 * cost one comparison each, and words are compared only inside the paragraphs that
 * changed. Every comparison is Myers' O((N+M)·D) algorithm drawing on one shared
 * budget of steps; when the budget (or the edit distance a comparison may reach) runs
 * out, the remaining changed paragraphs are marked whole instead of word by word, and
 * the result says so (`complete: false`). Both sides are always shown in full.
 *
 * Pure: no I/O. The caller runs it off the request thread (see src/workers/).
 */

/** A run of text on one side; `changed` is removed text on the old side, added text on the new. */
export interface DiffPart {
  readonly text: string;
  readonly changed: boolean;
}

export interface SideBySide {
  readonly old: DiffPart[];
  readonly new: DiffPart[];
  /** False when some changes were too many to mark word by word and are marked as whole paragraphs. */
  readonly complete: boolean;
}

/** Steps of work left for one comparison; shared by every diff that draws on it. */
export interface DiffBudget {
  remaining: number;
}

/**
 * The default work budget of one revision comparison: at most about a quarter of a second
 * of CPU (a rewritten 1 MB story).
 * An edit of every tenth paragraph of a 1 MB story takes about 150,000 steps.
 */
export const DEFAULT_DIFF_STEPS = 3_000_000;

/**
 * The largest edit distance one Myers run may reach. Backtracking keeps one row per edit
 * (about D² integers in all), so this bounds memory too: 3,000 edits is ~36 MB at most.
 */
const MAX_EDITS = 3_000;
/**
 * The same for the paragraph-level pass: past 1,000 paragraphs added or removed the story
 * was rewritten, and matching whole paragraphs stops paying (each row of the search is
 * also kept for backtracking); the changed middle is then compared pair by pair.
 */
const MAX_BLOCK_EDITS = 1_000;

const OP_EQUAL = 0;
const OP_DELETE = 1;
const OP_INSERT = 2;
type Op = typeof OP_EQUAL | typeof OP_DELETE | typeof OP_INSERT;
/** Runs of one operation: [op, length] pairs, in order. */
type Script = [Op, number][];

function push(script: Script, op: Op, n: number): void {
  if (n === 0) return;
  const last = script[script.length - 1];
  if (last && last[0] === op) last[1] += n;
  else script.push([op, n]);
}

/**
 * Myers' shortest edit script of a → b (Eugene Myers, "An O(ND) Difference Algorithm",
 * 1986), on integer sequences. Null when it would take more than `maxEdits` edits or more
 * steps than the budget holds; the steps it took are taken from the budget either way.
 */
function myers(a: Int32Array, b: Int32Array, maxEdits: number, budget: DiffBudget): Script | null {
  const n = a.length;
  const m = b.length;
  // Common head and tail first: most edits touch a small middle, and this costs O(N).
  let head = 0;
  while (head < n && head < m && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) tail++;
  budget.remaining -= head + tail;
  const script: Script = [];
  push(script, OP_EQUAL, head);
  const middle = shortestEdit(a.subarray(head, n - tail), b.subarray(head, m - tail), maxEdits, budget);
  if (!middle) return null;
  for (const [op, len] of middle) push(script, op, len);
  push(script, OP_EQUAL, tail);
  return script;
}

function shortestEdit(a: Int32Array, b: Int32Array, maxEdits: number, budget: DiffBudget): Script | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const script: Script = [];
    push(script, OP_DELETE, n);
    push(script, OP_INSERT, m);
    return script;
  }
  const limit = Math.min(maxEdits, n + m);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds V as it was before step d, for diagonals -d-1 … d+1.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    let steps = d + 1;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      steps += x - x0;
      v[off + k] = x;
      if (x >= n && y >= m) {
        budget.remaining -= steps;
        return backtrack(trace, a.length, b.length, d);
      }
    }
    budget.remaining -= steps;
    if (budget.remaining < 0) return null;
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, edits: number): Script {
  const reversed: [Op, number][] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    reversed.push([OP_EQUAL, x - startX]);
    reversed.push(down ? [OP_INSERT, 1] : [OP_DELETE, 1]);
    x = prevX;
    y = prevY;
  }
  reversed.push([OP_EQUAL, x]);
  const script: Script = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(script, reversed[i]![0], reversed[i]![1]);
  return script;
}

/**
 * Words, runs of white space, and single other characters (punctuation, danda). Zero-width
 * joiners belong to the word they sit in, as Hindi spelling needs them there.
 */
const TOKEN = /[\p{L}\p{M}\p{N}_\u200c\u200d]+|\s+|[^]/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Gives equal strings equal integers, so the diff compares numbers. */
class Interner {
  private readonly ids = new Map<string, number>();
  of(items: readonly string[]): Int32Array {
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) {
      let id = this.ids.get(items[i]!);
      if (id === undefined) this.ids.set(items[i]!, (id = this.ids.size));
      out[i] = id;
    }
    return out;
  }
}

/** Collects parts, merging neighbours of the same kind so the page has few elements. */
class Side {
  readonly parts: DiffPart[] = [];
  add(text: string, changed: boolean): void {
    if (text === '') return;
    const last = this.parts[this.parts.length - 1];
    if (last && last.changed === changed) this.parts[this.parts.length - 1] = { text: last.text + text, changed };
    else this.parts.push({ text, changed });
  }
}

/**
 * The script as unchanged runs and changes (`del` old tokens replaced by `ins` new ones).
 * White space alone between two replacements joins them, so "डियर फ्रेंड" → "प्रिय मित्र"
 * reads as one change rather than two around an unchanged space.
 */
function hunks(script: Script, a: readonly string[]): { changed: boolean; del: number; ins: number }[] {
  const out: { changed: boolean; del: number; ins: number }[] = [];
  for (const [op, len] of script) {
    let last = out[out.length - 1];
    if (op === OP_EQUAL) {
      out.push({ changed: false, del: len, ins: len });
      continue;
    }
    if (!last?.changed) out.push((last = { changed: true, del: 0, ins: 0 }));
    if (op === OP_DELETE) last.del += len;
    else last.ins += len;
  }
  const joined: typeof out = [];
  let at = 0;
  for (let h = 0; h < out.length; h++) {
    const run = out[h]!;
    const prev = joined[joined.length - 1];
    const next = out[h + 1];
    const replaces = (r: { changed: boolean; del: number; ins: number } | undefined) => r !== undefined && r.changed && r.del > 0 && r.ins > 0;
    if (!run.changed && replaces(prev) && replaces(next) && a.slice(at, at + run.del).every((t) => /^\s+$/.test(t))) {
      prev!.del += run.del + next!.del;
      prev!.ins += run.ins + next!.ins;
      at += run.del + next!.del;
      h++;
      continue;
    }
    joined.push({ ...run });
    at += run.del;
  }
  return joined;
}

/**
 * Adds the word-level differences of two texts to the sides; false (and nothing added)
 * when the budget does not allow it, and the caller marks the texts whole instead.
 */
function diffWords(before: string, after: string, budget: DiffBudget, oldSide: Side, newSide: Side): boolean {
  if (budget.remaining <= 0) return false;
  const a = tokenize(before);
  const b = tokenize(after);
  budget.remaining -= a.length + b.length;
  if (budget.remaining < 0) return false;
  const interner = new Interner();
  const script = myers(interner.of(a), interner.of(b), MAX_EDITS, budget);
  if (!script) return false;
  let i = 0;
  let j = 0;
  for (const run of hunks(script, a)) {
    oldSide.add(a.slice(i, i + run.del).join(''), run.changed);
    newSide.add(b.slice(j, j + run.ins).join(''), run.changed);
    i += run.del;
    j += run.ins;
  }
  return true;
}

/**
 * Compares two texts given as blocks (paragraphs, list items, captions), joined by
 * `separator` for display. Unchanged blocks are matched whole; words are compared only
 * inside changed blocks. Never does more than `budget` steps of work.
 */
export function diffBlocks(before: readonly string[], after: readonly string[], budget: DiffBudget, separator = '\n\n'): SideBySide {
  const oldSide = new Side();
  const newSide = new Side();
  let complete = true;
  const interner = new Interner();
  const a = interner.of(before);
  const b = interner.of(after);
  // Blocks: at most a few thousand a side. Past the edit cap, one hunk of everything between the common head and tail.
  let script = myers(a, b, MAX_BLOCK_EDITS, budget);
  if (!script) {
    complete = false;
    script = fallbackScript(a, b);
  }

  let i = 0;
  let j = 0;
  // Separators go between blocks on each side; `first*` says whether a side has had a block yet.
  let firstOld = true;
  let firstNew = true;
  const sepOld = (changed: boolean) => {
    if (!firstOld) oldSide.add(separator, changed);
    firstOld = false;
  };
  const sepNew = (changed: boolean) => {
    if (!firstNew) newSide.add(separator, changed);
    firstNew = false;
  };
  for (let s = 0; s < script.length; s++) {
    const [op, len] = script[s]!;
    if (op === OP_EQUAL) {
      for (let t = 0; t < len; t++) {
        sepOld(false);
        oldSide.add(before[i++]!, false);
        sepNew(false);
        newSide.add(after[j++]!, false);
      }
      continue;
    }
    // A hunk: the deleted and inserted blocks between two unchanged ones.
    let dels = 0;
    let inss = 0;
    while (s < script.length && script[s]![0] !== OP_EQUAL) {
      if (script[s]![0] === OP_DELETE) dels += script[s]![1];
      else inss += script[s]![1];
      s++;
    }
    s--;
    const removed = before.slice(i, i + dels);
    const added = after.slice(j, j + inss);
    i += dels;
    j += inss;
    if (removed.length === added.length) {
      // Edited in place: compare each paragraph with its counterpart.
      for (let t = 0; t < removed.length; t++) {
        sepOld(false);
        sepNew(false);
        if (!diffWords(removed[t]!, added[t]!, budget, oldSide, newSide)) {
          complete = false;
          oldSide.add(removed[t]!, true);
          newSide.add(added[t]!, true);
        }
      }
    } else if (removed.length > 0 && added.length > 0) {
      // Split, merged or rewritten paragraphs: compare the hunk as one text, separators included.
      sepOld(false);
      sepNew(false);
      if (!diffWords(removed.join(separator), added.join(separator), budget, oldSide, newSide)) {
        complete = false;
        oldSide.add(removed.join(separator), true);
        newSide.add(added.join(separator), true);
      }
    } else {
      for (const block of removed) {
        sepOld(true);
        oldSide.add(block, true);
      }
      for (const block of added) {
        sepNew(true);
        newSide.add(block, true);
      }
    }
  }
  return { old: oldSide.parts, new: newSide.parts, complete };
}

/** Everything between the common head and tail removed and added, without matching inside. */
function fallbackScript(a: Int32Array, b: Int32Array): Script {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const script: Script = [];
  push(script, OP_EQUAL, head);
  push(script, OP_DELETE, a.length - head - tail);
  push(script, OP_INSERT, b.length - head - tail);
  push(script, OP_EQUAL, tail);
  return script;
}

/** Convenience for one plain text (a headline, a dek): one block, or none when empty. */
export function diffText(before: string, after: string, budget: DiffBudget): SideBySide {
  return diffBlocks(before === '' ? [] : [before], after === '' ? [] : [after], budget);
}
