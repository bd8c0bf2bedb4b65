import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatRelative, isoDate, toIsoWithOffset, type DateStyle } from './dates.ts';

const at = (iso: string): Date => new Date(iso);

describe('formatDate', () => {
  it('formats both styles', () => {
    const d = at('2023-03-21T05:00:00Z');
    assert.equal(formatDate(d, 'en'), 'March 21, 2023');
    assert.equal(formatDate(d, 'hi'), '21 मार्च 2023');
  });

  it('uses the IST calendar day, not UTC', () => {
    const d = at('2023-03-20T20:00:00Z'); // 01:30 on 21 March in India
    assert.equal(formatDate(d, 'en'), 'March 21, 2023');
    assert.equal(formatDate(d, 'hi'), '21 मार्च 2023');
  });

  it('turns the day at 18:30 UTC', () => {
    assert.equal(formatDate(at('2023-03-20T18:29:59.999Z'), 'en'), 'March 20, 2023');
    assert.equal(formatDate(at('2023-03-20T18:30:00Z'), 'en'), 'March 21, 2023');
  });

  it('turns the year in IST', () => {
    assert.equal(formatDate(at('2022-12-31T18:30:00Z'), 'en'), 'January 1, 2023');
    assert.equal(formatDate(at('2022-12-31T18:30:00Z'), 'hi'), '1 जनवरी 2023');
    assert.equal(formatDate(at('2022-12-31T18:29:00Z'), 'hi'), '31 दिसंबर 2022');
  });

  it('spells every Hindi month the newsroom way', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2023, m, 15, 6)), 'hi'));
    assert.deepEqual(months, [
      '15 जनवरी 2023', '15 फरवरी 2023', '15 मार्च 2023', '15 अप्रैल 2023', '15 मई 2023', '15 जून 2023',
      '15 जुलाई 2023', '15 अगस्त 2023', '15 सितंबर 2023', '15 अक्टूबर 2023', '15 नवंबर 2023', '15 दिसंबर 2023',
    ]);
  });
});

describe('formatDateTime', () => {
  it('formats both styles with AM/PM and IST', () => {
    const d = at('2023-03-21T05:00:00Z');
    assert.equal(formatDateTime(d, 'en'), 'March 21, 2023, 10:30 AM IST');
    assert.equal(formatDateTime(d, 'hi'), '21 मार्च 2023, 10:30 AM IST');
  });

  it('writes midnight and noon as 12', () => {
    assert.equal(formatDateTime(at('2023-03-20T18:30:00Z'), 'en'), 'March 21, 2023, 12:00 AM IST');
    assert.equal(formatDateTime(at('2023-03-21T06:30:00Z'), 'en'), 'March 21, 2023, 12:00 PM IST');
    assert.equal(formatDateTime(at('2023-03-21T13:35:00Z'), 'hi'), '21 मार्च 2023, 7:05 PM IST');
  });

  it('is the same on the day boundary as formatDate', () => {
    assert.equal(formatDateTime(at('2023-03-20T20:00:00Z'), 'hi'), '21 मार्च 2023, 1:30 AM IST');
  });
});

describe('isoDate and toIsoWithOffset', () => {
  it('gives the IST day', () => {
    assert.equal(isoDate(at('2023-03-20T20:00:00Z')), '2023-03-21');
    assert.equal(isoDate(at('2023-03-20T18:29:59Z')), '2023-03-20');
  });

  it('gives IST wall time with +05:30 and names the same instant', () => {
    const d = at('2023-03-21T05:00:00Z');
    assert.equal(toIsoWithOffset(d), '2023-03-21T10:30:00+05:30');
    assert.equal(new Date(toIsoWithOffset(d)).getTime(), d.getTime());
    assert.equal(toIsoWithOffset(at('2023-03-20T20:00:00Z')), '2023-03-21T01:30:00+05:30');
  });

  it('drops milliseconds', () => {
    assert.equal(toIsoWithOffset(at('2023-03-21T05:00:59.999Z')), '2023-03-21T10:30:59+05:30');
  });

  it('uses the offset in force at the time (war time, 1942–45)', () => {
    const d = at('1943-06-01T00:00:00Z');
    assert.equal(toIsoWithOffset(d), '1943-06-01T06:30:00+06:30');
    assert.equal(new Date(toIsoWithOffset(d)).getTime(), d.getTime());
  });
});

describe('formatRelative', () => {
  const now = at('2023-03-21T12:00:00Z');
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  const S = 1000;
  const M = 60 * S;
  const H = 60 * M;
  const rel = (ms: number, style: DateStyle): string => formatRelative(ago(ms), now, style);

  it('says just now under a minute, and for a little clock skew', () => {
    assert.equal(rel(0, 'en'), 'just now');
    assert.equal(rel(59 * S, 'en'), 'just now');
    assert.equal(rel(59 * S, 'hi'), 'अभी-अभी');
    assert.equal(rel(-30 * S, 'en'), 'just now');
    assert.equal(rel(-M, 'hi'), 'अभी-अभी');
  });

  it('counts minutes', () => {
    assert.equal(rel(M, 'en'), '1 minute ago');
    assert.equal(rel(M, 'hi'), '1 मिनट पहले');
    assert.equal(rel(5 * M + 30 * S, 'en'), '5 minutes ago');
    assert.equal(rel(5 * M, 'hi'), '5 मिनट पहले');
    assert.equal(rel(H - 1, 'en'), '59 minutes ago');
  });

  it('counts hours', () => {
    assert.equal(rel(H, 'en'), '1 hour ago');
    assert.equal(rel(H, 'hi'), '1 घंटा पहले');
    assert.equal(rel(3 * H, 'en'), '3 hours ago');
    assert.equal(rel(3 * H + 59 * M, 'hi'), '3 घंटे पहले');
    assert.equal(rel(24 * H - 1, 'en'), '23 hours ago');
  });

  it('falls back to the date from 24 hours on', () => {
    assert.equal(rel(24 * H, 'en'), 'March 20, 2023');
    assert.equal(rel(24 * H, 'hi'), '20 मार्च 2023');
    assert.equal(rel(40 * 24 * H, 'en'), 'February 9, 2023');
  });

  it('shows the date for times further in the future', () => {
    assert.equal(rel(-M - 1, 'en'), 'March 21, 2023');
    assert.equal(rel(-3 * H, 'hi'), '21 मार्च 2023');
  });

  it('uses the IST day in the fallback', () => {
    const n = at('2023-03-22T19:00:00Z');
    assert.equal(formatRelative(at('2023-03-20T20:00:00Z'), n, 'en'), 'March 21, 2023');
  });
});

describe('invalid input', () => {
  const bad = new Date('not a date');

  it('throws a RangeError naming the function', () => {
    assert.throws(() => formatDate(bad, 'en'), { name: 'RangeError', message: /formatDate: invalid Date/ });
    assert.throws(() => formatDateTime(bad, 'hi'), { name: 'RangeError', message: /formatDateTime: invalid Date/ });
    assert.throws(() => isoDate(bad), { name: 'RangeError', message: /isoDate: invalid Date/ });
    assert.throws(() => toIsoWithOffset(bad), { name: 'RangeError', message: /toIsoWithOffset: invalid Date/ });
    assert.throws(() => formatRelative(bad, new Date(0), 'en'), { name: 'RangeError', message: /formatRelative: invalid Date/ });
    assert.throws(() => formatRelative(new Date(0), bad, 'en'), { name: 'RangeError', message: /\(now\): invalid Date/ });
  });

  it('rejects non-Date values and unknown styles from untyped callers', () => {
    assert.throws(() => isoDate('2023-03-21' as unknown as Date), RangeError);
    assert.throws(() => formatDate(new Date(0), 'fr' as DateStyle), { name: 'RangeError', message: /style/ });
  });
});

describe('parseIstLocal', () => {
  it('reads datetime-local values as India time', async () => {
    const { parseIstLocal } = await import('./dates.ts');
    assert.equal(parseIstLocal('2023-03-21T10:30')?.toISOString(), '2023-03-21T05:00:00.000Z');
    assert.equal(parseIstLocal('2023-03-21T00:15:30')?.toISOString(), '2023-03-20T18:45:30.000Z');
    for (const bad of ['', '2023-02-30T10:00', '2023-03-21 10:30', '2023-03-21T25:00', '21/03/2023', '2023-03-21T10:30Z']) {
      assert.equal(parseIstLocal(bad), null, bad);
    }
  });
});
