/**
 * Each kind's form reads what a newsroom types (Indian grouping, Devanagari digits, IST)
 * and refuses bad input naming the field and reason the screen shows; and BoxSchema, the
 * one check of stored JSON, takes every kind and old figures without a kind.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../errors.ts';
import { type CricketInput, type ElectionInput, readCricket, readElection, readTable, type TableInput } from './box-forms.ts';
import { BoxSchema } from './widget.ts';

const when = { source: 'चुनाव आयोग', asOf: '2024-06-04T20:00' };

/** The field and reason of the DomainError `fn` throws. */
function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DomainError && err.code === 'INVALID_INPUT', String(err));
    return err.message.startsWith('INVALID_INPUT') ? err.field! : `${err.field}:${err.message}`;
  }
  assert.fail('accepted');
}

describe('election form', () => {
  const good: ElectionInput = {
    kind: 'election',
    title: 'लोकसभा 2024',
    totalSeats: '543',
    majority: '२७२',
    parties: [
      { name: 'भाजपा', colour: '', won: '2,40', leading: '', },
      { name: 'कांग्रेस', colour: '#1A5FB4', won: '99', leading: '1' },
      { name: '', colour: '', won: '', leading: '' },
    ],
    ...when,
  };

  test('reads seats in any digits, fills a colour, skips empty rows, reads the time as IST', () => {
    // '2,40' is not a grouping anyone writes: refused; '240' is read.
    assert.equal(refused(() => readElection(good)), 'parties.0.won:not-a-count');
    const e = readElection({ ...good, parties: [{ ...good.parties[0]!, won: '240' }, good.parties[1]!, good.parties[2]!] });
    assert.equal(e.majority, 272);
    assert.deepEqual(
      e.parties.map((p) => [p.name, p.won, p.leading, p.colour]),
      [
        ['भाजपा', 240, 0, '#e66100'],
        ['कांग्रेस', 99, 1, '#1a5fb4'],
      ],
    );
    assert.equal(e.asOf, '2024-06-04T20:00:00+05:30');
    assert.ok(BoxSchema.safeParse(e).success);
  });

  test('refuses what cannot be a result', () => {
    const party = (p: Partial<ElectionInput['parties'][number]>) => ({ ...good, parties: [{ name: 'भाजपा', colour: '', won: '1', leading: '', ...p }] });
    const cases: [ElectionInput, string][] = [
      [{ ...good, title: ' ' }, 'title'],
      [{ ...good, totalSeats: 'पांच सौ' }, 'totalSeats:not-a-count'],
      [{ ...good, totalSeats: '0' }, 'totalSeats'],
      [{ ...good, majority: '600' }, 'majority:above-total'],
      [{ ...good, majority: '-5' }, 'majority:not-a-count'],
      [{ ...good, parties: [] }, 'parties:empty'],
      [party({ won: '1.5' }), 'parties.0.won:not-a-count'],
      [party({ leading: 'x' }), 'parties.0.leading:not-a-count'],
      [party({ colour: 'red' }), 'parties.0.colour'],
      [party({ name: '' }), 'parties.0.name'],
      [party({ won: '544' }), 'parties:above-total'],
      [{ ...good, parties: Array.from({ length: 13 }, (_, i) => ({ name: `दल ${i}`, colour: '', won: '1', leading: '' })) }, 'parties:too-many'],
      [{ ...party({}), asOf: 'कल' }, 'asOf'],
    ];
    for (const [input, field] of cases) assert.equal(refused(() => readElection(input)), field, field);
  });
});

describe('cricket form', () => {
  const good: CricketInput = {
    kind: 'cricket',
    title: 'भारत बनाम ऑस्ट्रेलिया',
    innings: [
      { team: 'ऑस्ट्रेलिया', runs: '240', wickets: '10', overs: '50' },
      { team: 'भारत', runs: '१९६', wickets: '4', overs: '41.2' },
    ],
    batsmen: [
      { name: 'विराट कोहली', runs: '85', balls: '92' },
      { name: '', runs: '', balls: '' },
    ],
    lastBalls: '1 4 w 0 6 WD nb1',
    status: 'भारत को 52 गेंदों में 45 रन चाहिए',
    ...when,
  };

  test('reads both innings, the batter at the crease and the balls as scorers write them', () => {
    const c = readCricket(good);
    assert.deepEqual(c.innings[1], { team: 'भारत', runs: 196, wickets: 4, overs: '41.2' });
    assert.deepEqual(c.batsmen, [{ name: 'विराट कोहली', runs: 85, balls: 92 }]);
    assert.deepEqual(c.lastBalls, ['1', '4', 'W', '0', '6', 'wd', 'nb1']);
    assert.ok(BoxSchema.safeParse(c).success);
    // The second innings not started: its row left empty.
    assert.equal(readCricket({ ...good, innings: [good.innings[0]!, { team: '', runs: '', wickets: '', overs: '' }] }).innings.length, 1);
  });

  test('refuses impossible scores', () => {
    const inn = (p: Partial<CricketInput['innings'][number]>) => ({ ...good, innings: [{ ...good.innings[0]!, ...p }] });
    const cases: [CricketInput, string][] = [
      [inn({ team: '' }), 'innings.0.team'],
      [inn({ wickets: '11' }), 'innings.0.wickets:not-a-count'],
      [inn({ overs: '18.6' }), 'innings.0.overs'],
      [inn({ runs: 'सौ' }), 'innings.0.runs:not-a-count'],
      [{ ...good, batsmen: [{ name: '', runs: '12', balls: '' }] }, 'batsmen.0.name'],
      [{ ...good, lastBalls: '1 7' }, 'lastBalls'],
      [{ ...good, lastBalls: '1 '.repeat(13) }, 'lastBalls'],
      [{ ...good, status: 'x'.repeat(161) }, 'status'],
    ];
    for (const [input, field] of cases) assert.equal(refused(() => readCricket(input)), field, field);
  });
});

describe('table form', () => {
  const good: TableInput = { kind: 'table', title: 'मतदान', columns: 'राज्य | मतदान (%)', rows: 'बिहार | 56.2\r\n\r\nकेरल|71.3\n', ...when };

  test('reads columns and rows split by |, skipping blank lines', () => {
    const t = readTable(good);
    assert.deepEqual(t.columns, ['राज्य', 'मतदान (%)']);
    assert.deepEqual(t.rows, [
      ['बिहार', '56.2'],
      ['केरल', '71.3'],
    ]);
    assert.ok(BoxSchema.safeParse(t).success);
  });

  test('refuses rows that do not fit the columns', () => {
    const cases: [TableInput, string][] = [
      [{ ...good, columns: 'राज्य || मतदान' }, 'columns'],
      [{ ...good, columns: 'a|b|c|d|e|f|g' }, 'columns:too-many'],
      [{ ...good, rows: '\n \n' }, 'rows:empty'],
      [{ ...good, rows: 'बिहार | 56.2\nकेरल' }, 'rows:cells:2'],
      [{ ...good, rows: Array.from({ length: 31 }, () => 'a|1').join('\n') }, 'rows:too-many'],
      [{ ...good, rows: `a|${'x'.repeat(81)}` }, 'rows:long:1'],
    ];
    for (const [input, field] of cases) assert.equal(refused(() => readTable(input)), field, field);
  });
});

test('BoxSchema reads figures saved before kinds, and refuses data of no kind it knows', () => {
  const old = { rows: [{ label: 'कुल मामले', value: 44699418, delta: 699 }], source: '', asOf: '2023-03-21T08:00:00+05:30' };
  assert.equal(BoxSchema.parse(old).kind, 'figures');
  assert.equal(BoxSchema.safeParse({ ...old, kind: 'poll' }).success, false);
  assert.equal(BoxSchema.safeParse({ kind: 'election', totalSeats: 10, majority: 11, parties: [{ name: 'a', colour: '#000000', won: 1, leading: 0 }], source: '', asOf: old.asOf }).success, false);
  assert.equal(BoxSchema.safeParse({ kind: 'table', columns: ['a', 'b'], rows: [['x']], source: '', asOf: old.asOf }).success, false);
});
