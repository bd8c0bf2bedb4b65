/**
 * What a reader's comment form may contain, checked field by field so that every
 * mistake can be shown next to its field at once. Pure.
 *
 * Text is stored as typed, in NFC: Hindi, emoji, ZWJ/ZWNJ (which Devanagari and emoji
 * sequences need) and right-to-left text pass untouched. Refused everywhere: control
 * characters (C0 but tab and line breaks in the comment, DEL, C1, NUL), lone surrogates
 * (they cannot arrive: the form parser refuses invalid UTF-8), noncharacters, Unicode
 * line/paragraph separators, and explicit bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which can make text read differently from what it
 * is. Names also refuse invisible characters (zero-width space, word joiner, BOM, soft
 * hyphen, fillers) that would let one name pass for another.
 */

/** The comment, in characters (Unicode code points; a line break counts once, as the browser counts it). */
export const COMMENT_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 100;
export const EMAIL_MAX_CHARS = 254;
export const URL_MAX_CHARS = 200;

export type CommentField = 'comment' | 'author' | 'email' | 'url' | 'parent';
export const COMMENT_FIELDS: readonly CommentField[] = ['comment', 'author', 'email', 'url', 'parent'];

export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'control'
  | 'bidi'
  | 'invisible'
  | 'invalid'
  | 'scheme'
  | 'encoding'
  | 'not-found'
  /** The same comment was already sent (posting only). */
  | 'duplicate';

export type FieldProblems = Partial<Record<CommentField, FieldProblem>>;

/** The form as posted: strings (or absent); the parser marks fields that were not valid UTF-8. */
export interface RawCommentInput {
  comment?: string | undefined;
  author?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
  parent?: string | undefined;
  /** Fields whose bytes were not valid UTF-8. */
  badEncoding?: readonly string[];
}

export interface CommentInput {
  readonly body: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorUrl: string | null;
  readonly parentId: number | null;
}

export type CheckedInput = { ok: true; value: CommentInput } | { ok: false; problems: FieldProblems };

// C0 controls, DEL, C1 controls; U+2028/2029; noncharacters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{10fffe}\u{10ffff}]/u;
// The same, but tab and line feed are allowed (carriage returns are folded into line feeds first).
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{10fffe}\u{10ffff}]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** Invisible in a name: zero-width space, word joiner and friends, BOM, soft hyphen, Mongolian vowel separator, fillers. */
const INVISIBLE_IN_NAME = /[\u200b\u2060-\u2064\ufeff\u00ad\u180e\u115f\u1160\u3164\uffa0\u034f]/;
/** Something a reader can see: a letter, digit, mark, symbol or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{M}\p{S}\p{P}]/u;

/**
 * Longer than `max` code points? Decided without building anything from the text, and in
 * bounded time: a string of more than 2·max UTF-16 units has more than max code points.
 * A CR LF pair counts as one, as browsers count a line break against `maxlength`.
 */
export function exceedsChars(raw: string, max: number): boolean {
  if (raw.length > max * 2 + 2) return true;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = raw.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++n > max) return true;
  }
  return false;
}

/** True if the string has a UTF-16 surrogate without its pair. */
function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

function checkLine(raw: string, max: number, kind: 'name' | 'plain'): { value: string } | { problem: FieldProblem } {
  if (exceedsChars(raw, max)) return { problem: 'too-long' };
  if (hasLoneSurrogate(raw)) return { problem: 'encoding' };
  if (CONTROL.test(raw)) return { problem: 'control' };
  if (BIDI_CONTROL.test(raw)) return { problem: 'bidi' };
  if (kind === 'name' && INVISIBLE_IN_NAME.test(raw)) return { problem: 'invisible' };
  const value = raw.normalize('NFC').trim();
  if (!value || !VISIBLE.test(value)) return { problem: 'required' };
  return { value };
}

/**
 * The comment's text: length first (before anything else reads or changes the text), then
 * line breaks folded to LF, then characters, then NFC and trimming of the ends.
 */
export function checkBody(raw: string): { value: string } | { problem: FieldProblem } {
  if (exceedsChars(raw, COMMENT_MAX_CHARS)) return { problem: 'too-long' };
  if (hasLoneSurrogate(raw)) return { problem: 'encoding' };
  const text = raw.replace(/\r\n?/g, '\n');
  if (CONTROL_IN_TEXT.test(text)) return { problem: 'control' };
  if (BIDI_CONTROL.test(text)) return { problem: 'bidi' };
  const value = text.normalize('NFC').trim();
  if (!value || !VISIBLE.test(value)) return { problem: 'required' };
  return { value };
}

// local@domain.tld: no spaces, quotes, angle brackets or other specials in the local part;
// domain labels of letters, marks (Devanagari vowel signs) and digits, joined by hyphens.
const EMAIL = /^[^\s@"(),:;<>[\\\]]{1,64}@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+[\p{L}\p{M}]{2,63}$/u;

export function isEmailSyntax(email: string): boolean {
  return email.length <= EMAIL_MAX_CHARS && EMAIL.test(email) && !email.split('@')[0]!.startsWith('.') && !email.includes('..');
}

/**
 * A website: http or https only. `example.com/x` (no scheme) is read as https. Refused:
 * any other scheme (javascript:, data:, vbscript: …), user names or passwords in the
 * address, and anything the URL parser does not accept. Stored as the parser writes it.
 */
export function checkWebsite(raw: string): { value: string | null } | { problem: FieldProblem } {
  if (exceedsChars(raw, URL_MAX_CHARS)) return { problem: 'too-long' };
  if (hasLoneSurrogate(raw)) return { problem: 'encoding' };
  if (CONTROL.test(raw)) return { problem: 'control' };
  if (BIDI_CONTROL.test(raw)) return { problem: 'bidi' };
  const text = raw.normalize('NFC').trim();
  if (!text) return { value: null };
  if (/\s/.test(text)) return { problem: 'invalid' };
  let candidate = text;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+\.[^:/]+:\d+(\/|$)/.test(text)) {
    if (!/^https?:\/\//i.test(text)) return { problem: 'scheme' };
  } else if (/^(?:[\p{L}\p{M}\p{N}-]+\.)+[\p{L}\p{M}]{2,63}(?::\d{1,5})?(?:[/?#]|$)/u.test(text)) {
    candidate = `https://${text}`;
  } else {
    return { problem: 'invalid' };
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username || url.password || !url.hostname.includes('.') || url.href.length > 500) return { problem: 'invalid' };
  return { value: url.href };
}

/** The reply's parent: absent or empty is none; otherwise a positive id. */
function checkParent(raw: string | undefined): { value: number | null } | { problem: FieldProblem } {
  if (raw === undefined || raw.trim() === '' || raw === '0') return { value: null };
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) return { problem: 'invalid' };
  return { value: Number(raw) };
}

/** Checks every field of a reader's comment; all problems are reported together. */
export function checkCommentInput(raw: RawCommentInput): CheckedInput {
  const problems: FieldProblems = {};
  const bad = new Set(raw.badEncoding ?? []);

  let body = '';
  if (bad.has('comment')) problems.comment = 'encoding';
  else {
    const r = checkBody(raw.comment ?? '');
    if ('problem' in r) problems.comment = r.problem;
    else body = r.value;
  }

  let authorName = '';
  if (bad.has('author')) problems.author = 'encoding';
  else {
    const r = checkLine(raw.author ?? '', NAME_MAX_CHARS, 'name');
    if ('problem' in r) problems.author = r.problem;
    else authorName = r.value;
  }

  let authorEmail = '';
  if (bad.has('email')) problems.email = 'encoding';
  else {
    const r = checkLine(raw.email ?? '', EMAIL_MAX_CHARS, 'plain');
    if ('problem' in r) problems.email = r.problem;
    else if (!isEmailSyntax(r.value)) problems.email = 'invalid';
    else authorEmail = r.value;
  }

  let authorUrl: string | null = null;
  if (bad.has('url')) problems.url = 'encoding';
  else {
    const r = checkWebsite(raw.url ?? '');
    if ('problem' in r) problems.url = r.problem;
    else authorUrl = r.value;
  }

  let parentId: number | null = null;
  if (bad.has('parent')) problems.parent = 'invalid';
  else {
    const r = checkParent(raw.parent);
    if ('problem' in r) problems.parent = r.problem;
    else parentId = r.value;
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { body, authorName, authorEmail, authorUrl, parentId } };
}
