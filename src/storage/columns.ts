/**
 * Reading and writing the portable column kinds described in schema.ts.
 * Guarantee: `readTime(writeTime(d))` equals `d` to the millisecond on both dialects.
 */
export function writeTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('writeTime: invalid Date');
  return date.toISOString();
}

export function readTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function readOptionalTime(value: Date | string | null): Date | null {
  return value === null ? null : readTime(value);
}

/** Flags are integers 0/1 on both databases (better-sqlite3 cannot bind booleans). */
export function writeBool(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function readBool(value: number): boolean {
  return value === 1;
}

/** COUNT(*) comes back as a string (bigint) from pg and as a number from SQLite. */
export function readCount(value: string | number | bigint | undefined): number {
  return value === undefined ? 0 : Number(value);
}
