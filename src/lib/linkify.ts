/**
 * Finds http(s) addresses in plain text, for showing readers' comments with working
 * links. Only `http://` and `https://` become links (never `javascript:`, `data:` or a
 * bare `www.`), and only when the URL parser accepts them. Trailing punctuation that
 * ends a sentence (`.`, `,`, `!`, `?`, `।`, quotes, an unmatched closing bracket) stays
 * text. Pure.
 */
export type TextPiece = { readonly text: string } | { readonly text: string; readonly href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/giu;
const TRAILING = /[.,:;!?।॥'"’”)\]}>*_~-]$/u;

function trimTrailing(url: string): string {
  let out = url;
  for (;;) {
    const last = out.at(-1);
    if (!last || !TRAILING.test(last)) return out;
    // A closing bracket that closes one inside the URL (Wikipedia-style) stays.
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const open = pairs[last];
    if (open && out.split(open).length - 1 >= out.split(last).length - 1) return out;
    out = out.slice(0, -1);
  }
}

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    const raw = trimTrailing(m[0]);
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) href = url.href;
    } catch {
      href = null;
    }
    if (href === null || raw.length <= 'https://'.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
