/**
 * What a person can read on a page, from its HTML: text nodes, the attributes browsers
 * show or speak (title, alt, placeholder, aria-label, a button's value, an option's
 * label), the `data-*` messages the page's scripts put on screen (not lowercase
 * identifiers such as `data-status="published"`, which are for code), and the string values
 * of JSON data islands (the editor's labels; again not identifiers). Scripts' code, styles, comments, tag and
 * attribute names, class names and ids are left out: they are not interface text.
 */

const SPOKEN_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'label']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A lowercase identifier (`published`, `hero-photo`, `/admin/api`) is a value for code, not text. */
const isIdentifier = (value: string) => /^[a-z0-9_:./-]*$/.test(value);

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (!isIdentifier(value)) out.push(value);
  }
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out);
}

export interface PageText {
  /** Each piece of readable text, in document order. */
  readonly pieces: readonly string[];
}

/**
 * The readable text of a page. With `skipLang`, elements marked with that `lang` (and
 * everything inside them) are left out: for pages shown before the user's language is
 * known, which give each line in Hindi and then in English marked `lang="en"`.
 */
export function pageText(html: string, options: { skipLang?: string } = {}): PageText {
  const pieces: string[] = [];
  const src = html.replace(/<!--[\s\S]*?-->/g, '');
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  const stack: { name: string; skipped: boolean }[] = [];
  const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  let at = 0;
  const skipped = () => stack.some((e) => e.skipped);
  for (let m = tagRe.exec(src); m; m = tagRe.exec(src)) {
    const text = src.slice(at, m.index);
    if (text.trim() && !skipped()) pieces.push(decodeEntities(text));
    at = tagRe.lastIndex;
    const [, closing, rawName, rawAttrs, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (closing) {
      const i = stack.map((e) => e.name).lastIndexOf(name);
      if (i >= 0) stack.length = i;
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of rawAttrs!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    const skipHere = options.skipLang !== undefined && attrs.get('lang') === options.skipLang;
    if (name === 'script' || name === 'style') {
      const end = src.indexOf(`</${name}`, at);
      const body = src.slice(at, end < 0 ? src.length : end);
      // Structured data (application/ld+json) is for crawlers: schema.org's vocabulary
      // (`WebSite`, `query-input`) and the site's content, never interface labels.
      if (name === 'script' && /json/.test(attrs.get('type') ?? '') && attrs.get('type') !== 'application/ld+json' && !skipped() && !skipHere) {
        try {
          jsonStrings(JSON.parse(body), pieces);
        } catch {
          // Not JSON after all: nothing a reader sees.
        }
      }
      at = end < 0 ? src.length : end;
      continue;
    }
    if (!skipped() && !skipHere) {
      for (const [key, value] of attrs) {
        if (!value.trim()) continue;
        if (SPOKEN_ATTRIBUTES.has(key)) pieces.push(value);
        // Scripts show some data-* values (`data-sending="Sending…"`); a lowercase
        // identifier (`data-status="published"`) is a value for code, not text.
        else if (key.startsWith('data-') && !isIdentifier(value)) pieces.push(value);
        else if (key === 'value' && name === 'input' && /^(submit|button|reset)$/i.test(attrs.get('type') ?? '')) pieces.push(value);
        else if (key === 'content' && name === 'meta' && attrs.get('name') === 'description') pieces.push(value);
      }
    }
    if (!voids.has(name) && !selfClosing) stack.push({ name, skipped: skipHere });
  }
  const tail = src.slice(at);
  if (tail.trim() && !skipped()) pieces.push(decodeEntities(tail));
  return { pieces };
}
