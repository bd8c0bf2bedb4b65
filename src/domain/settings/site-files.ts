/**
 * The two text files a site serves from its settings: robots.txt's rules and ads.txt. Both
 * are plain text an admin types; these checks keep out what would make a broken file
 * (control characters, over-long documents) and, for ads.txt, lines a buyer's crawler
 * would skip without a word, so the admin hears about a typo at once. Pure.
 */

/** Longest robots.txt rules kept (Google reads the first 500 KiB; a real file is a few lines). */
export const MAX_ROBOTS_TXT = 20_000;
/** Longest ads.txt kept (large publishers list a few thousand sellers). */
export const MAX_ADS_TXT = 200_000;

/** A character no text file of the site may carry: C0 controls but tab, LF and CR; DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Line breaks as LF and no trailing blanks on any line: the form's textarea sends CR LF. */
export function normalizeLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/** An ads.txt variable (IAB ads.txt 1.1: contact, subdomain, ownerdomain, managerdomain, inventorypartnerdomain…). */
const VARIABLE = /^[A-Za-z][A-Za-z0-9_-]*=\S.*$/;
/** An ad system's domain: labels of letters, digits and hyphens. */
const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * The first line of an ads.txt that is not a record, a variable, a comment or blank
 * (1-based), or null when every line is. A record is `domain, publisher id, DIRECT|RESELLER`
 * with an optional certification authority id.
 */
export function adsTxtBadLine(text: string): number | null {
  const lines = text.split(/\r\n?|\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '' || VARIABLE.test(line)) continue;
    const fields = line.split(',').map((f) => f.trim());
    const ok = (fields.length === 3 || fields.length === 4) && DOMAIN.test(fields[0]!) && fields[1] !== '' && /^(DIRECT|RESELLER)$/i.test(fields[2]!) && (fields.length === 3 || fields[3] !== '');
    if (!ok) return i + 1;
  }
  return null;
}
