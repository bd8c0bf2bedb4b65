/**
 * CSS `unicode-range` values (`U+0900-097F,U+20B9,U+4??`) as sorted, merged code point
 * ranges, and back. Used to widen the webfont's Devanagari face so that it claims every
 * code point Hindi text may use, and by the tests that check it does.
 */

/** Inclusive [first, last] code point ranges. */
export type CodePointRanges = ReadonlyArray<readonly [number, number]>;

export function parseUnicodeRange(value: string): CodePointRanges {
  const ranges: [number, number][] = [];
  for (const raw of value.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part);
    const first = m?.[1];
    const last = m?.[2];
    if (!first) throw new Error(`not a unicode-range: ${part}`);
    if (first.includes('?')) {
      if (last) throw new Error(`not a unicode-range: ${part}`);
      ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'F'), 16)]);
    } else {
      ranges.push([parseInt(first, 16), parseInt(last ?? first, 16)]);
    }
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: CodePointRanges): CodePointRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const prev = out[out.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

export function formatUnicodeRange(ranges: CodePointRanges): string {
  return ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`)).join(',');
}

export function coversCodePoint(ranges: CodePointRanges, cp: number): boolean {
  return ranges.some(([first, last]) => cp >= first && cp <= last);
}
