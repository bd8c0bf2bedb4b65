/**
 * Dates as a Hindi news site shows them: always in India Standard Time, whatever the
 * server's or reader's zone, in English or Hindi wording.
 *
 * Times use AM/PM in both styles. Hindi sites mostly print "10:30 AM IST" too, and the
 * Hindi day-part words (सुबह, दोपहर, शाम, रात) have no agreed boundaries, so a reader could
 * not tell whether "शाम 7:00" and "रात 7:00" are the same time.
 *
 * Calendar fields come from Intl (full ICU in Node); month names are fixed here because
 * ICU spells some Hindi months differently from newsroom usage (फ़रवरी, and across
 * versions अक्तूबर / अक्टूबर), and a date must not change its spelling with a Node upgrade.
 */

export type DateStyle = 'en' | 'hi';

const TIME_ZONE = 'Asia/Kolkata';

/** Month names, January first, in each style (exported for the interface-language tests). */
export const MONTHS: Readonly<Record<DateStyle, readonly string[]>> = {
  en: [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ],
  hi: [
    'जनवरी', 'फरवरी', 'मार्च', 'अप्रैल', 'मई', 'जून',
    'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर',
  ],
};

// h23 rather than hour12:false, which some ICU versions render as "24" at midnight.
const IST_FIELDS = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function assertValid(date: Date, fn: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${fn}: invalid Date (got ${String(date)})`);
  }
}

function assertStyle(style: DateStyle, fn: string): void {
  if (style !== 'en' && style !== 'hi') {
    throw new RangeError(`${fn}: style must be 'en' or 'hi' (got ${String(style)})`);
  }
}

/** India has kept +05:30 without change since 15 October 1945 (Asia/Kolkata). */
const FIXED_OFFSET_SINCE = Date.UTC(1946, 0, 1);
const IST_OFFSET_MS = 330 * 60_000;

function istFields(date: Date, fn: string): Fields {
  assertValid(date, fn);
  const t = date.getTime();
  if (t >= FIXED_OFFSET_SINCE) {
    // Arithmetic, not Intl: the same answer for every date since 1946, and pages format
    // dozens of dates each.
    const w = new Date(t + IST_OFFSET_MS);
    return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() };
  }
  const f: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of IST_FIELDS.formatToParts(date)) {
    if (part.type in f) f[part.type as keyof Fields] = Number(part.value);
  }
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateText(f: Fields, style: DateStyle): string {
  const month = MONTHS[style][f.month - 1] ?? '';
  return style === 'en' ? `${month} ${f.day}, ${f.year}` : `${f.day} ${month} ${f.year}`;
}

/** en: `March 21, 2023`; hi: `21 मार्च 2023` (IST calendar day). */
export function formatDate(date: Date, style: DateStyle): string {
  assertStyle(style, 'formatDate');
  return dateText(istFields(date, 'formatDate'), style);
}

/** en: `March 21, 2023, 10:30 AM IST`; hi: `21 मार्च 2023, 10:30 AM IST`. */
export function formatDateTime(date: Date, style: DateStyle): string {
  assertStyle(style, 'formatDateTime');
  const f = istFields(date, 'formatDateTime');
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const meridiem = f.hour < 12 ? 'AM' : 'PM';
  return `${dateText(f, style)}, ${hour12}:${pad(f.minute)} ${meridiem} IST`;
}

/** The IST calendar day, `2023-03-21`. */
export function isoDate(date: Date): string {
  const f = istFields(date, 'isoDate');
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

/** IST wall time with its offset, `2023-03-21T10:30:00+05:30`, for `<time datetime>`. */
export function toIsoWithOffset(date: Date): string {
  const f = istFields(date, 'toIsoWithOffset');
  // The offset is derived rather than hard-coded: Asia/Kolkata was +06:30 in 1942–45, and
  // the string must name the same instant as `date` for archive dates too (from 1906;
  // the local mean times before that had offsets with seconds, which ISO cannot write).
  const wall = new Date(0);
  wall.setUTCFullYear(f.year, f.month - 1, f.day);
  wall.setUTCHours(f.hour, f.minute, f.second, 0);
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((wall.getTime() - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${isoDate(date)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 मिनट पहले" / "5 minutes ago" within the last day, the date after that.
 * A time up to a minute ahead of `now` counts as "just now": publish times and the
 * reader's clock are rarely in perfect step. Further in the future (a scheduled story)
 * shows the date, since "in 3 hours" would be wrong once the page is cached.
 */
export function formatRelative(date: Date, now: Date, style: DateStyle): string {
  assertStyle(style, 'formatRelative');
  assertValid(date, 'formatRelative');
  assertValid(now, 'formatRelative (now)');
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < -MINUTE || elapsed >= DAY) return formatDate(date, style);
  if (elapsed < MINUTE) return style === 'hi' ? 'अभी-अभी' : 'just now';
  if (elapsed < HOUR) {
    const m = Math.floor(elapsed / MINUTE);
    return style === 'hi' ? `${m} मिनट पहले` : `${m} ${m === 1 ? 'minute' : 'minutes'} ago`;
  }
  const h = Math.floor(elapsed / HOUR);
  return style === 'hi' ? `${h} ${h === 1 ? 'घंटा' : 'घंटे'} पहले` : `${h} ${h === 1 ? 'hour' : 'hours'} ago`;
}

/**
 * Reads a `datetime-local` value (`2023-03-21T10:30`, seconds optional) as a time in
 * IST, which is how the newsroom's forms mean it. Null for anything else.
 */
export function parseIstLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+05:30`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject overflowed fields (Feb 30th) by formatting back.
  return toIsoWithOffset(date).startsWith(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`) ? date : null;
}
