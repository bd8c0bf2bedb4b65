/**
 * Data boxes over HTTP, on every database: the newsroom opens a box of each kind from the
 * widgets list, saves it through its plain form (no JavaScript), and the box shows on the
 * next request wherever it is placed; a form with a mistake comes back 400 with the
 * field's Hindi message and what was typed, and nothing is saved; every save is kept in the
 * box's history; a reporter may not edit boxes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dataBoxAdminStrings } from '../../render/admin/data-box-admin-strings.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const E = dataBoxAdminStrings(null).errors;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const dialect of DIALECTS) {
  describe(`data box screens (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor, reporter: Actor;

    before(async () => {
      t = await openDemoApp(dialect);
      [editor, reporter] = await Promise.all([actor(t.services, 'editor'), actor(t.services, 'reporter')]);
    });
    after(() => t.close());

    const post = (who: Actor, url: string, fields: Record<string, string>) => {
      const params = new URLSearchParams(fields);
      params.set('_csrf', who.csrf);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      });
    };
    const get = (who: Actor, url: string) => asActor(t.app, who, { method: 'GET', url });
    const site = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res.body;
    };
    const saved = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, key: string) => {
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      assert.equal(res.headers.location, `/admin/widgets/${key}?saved=1`);
    };
    const invalid = (res: { statusCode: number; body: string }, message: string) => {
      assert.equal(res.statusCode, 400, res.body.slice(0, 500));
      assert.ok(res.body.includes(`>${esc(message)}<`), `message "${message}" shown`);
    };

    const election = {
      kind: 'election',
      title: 'आम चुनाव 2029',
      totalSeats: '543',
      majority: '272',
      'name.0': 'भाजपा',
      'won.0': '240',
      'leading.0': '',
      'colour.0': '',
      'name.1': 'कांग्रेस',
      'won.1': '९९',
      'leading.1': '1',
      'colour.1': '#1a5fb4',
      source: 'चुनाव आयोग',
      asOf: '2024-06-04T20:00',
      placement: 'sidebar',
    };

    test('an election box: opened by kind, saved, shown in the sidebar with its seat bar, kept in history', async () => {
      const open = await get(editor, '/admin/widgets?key=chunav&kind=election');
      assert.equal(open.statusCode, 303);
      assert.equal(open.headers.location, '/admin/widgets/chunav?kind=election');
      const form = await get(editor, '/admin/widgets/chunav?kind=election');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="totalSeats"/);
      assert.match(form.body, /<input type="hidden" name="kind" value="election"/);

      const before = await site('/');
      assert.ok(!before.includes('आम चुनाव 2029'));
      saved(await post(editor, '/admin/widgets/chunav', election), 'chunav');
      const box = (await t.services.widgets.find('chunav'))!;
      assert.equal(box.placement, 'sidebar');
      assert.ok(box.box.kind === 'election');
      assert.deepEqual(
        box.box.parties.map((p) => [p.won, p.leading]),
        [
          [240, 0],
          [99, 1],
        ],
      );
      // The cached home page was purged: the placed box shows on the next request, chart and all.
      const home = await site('/');
      assert.match(home, /आम चुनाव 2029/);
      assert.match(home, /<svg[^>]+role="img"[^>]+aria-labelledby="box-chunav-side-chart-title box-chunav-side-chart-desc"/);
      // The COVID box the settings name is still there, first.
      assert.ok(home.indexOf('COVID-19 CASES') < home.indexOf('आम चुनाव 2029'));

      saved(await post(editor, '/admin/widgets/chunav', { ...election, 'won.0': '241', placement: '' }), 'chunav');
      assert.ok(!(await site('/')).includes('आम चुनाव 2029'), 'taken out of the sidebar');
      const history = await t.services.widgets.history('chunav');
      assert.equal(history.length, 2);
      assert.ok(history[0]!.box.kind === 'election' && history[0]!.box.parties[0]!.won === 241, 'newest first');
      assert.ok(history[1]!.box.kind === 'election' && history[1]!.box.parties[0]!.won === 240);
      assert.match((await get(editor, '/admin/widgets/chunav')).body, /पिछले संस्करण[\s\S]*भाजपा 241\+0[\s\S]*भाजपा 240\+0/);
    });

    test('a bad election form comes back 400 with the Hindi message and what was typed; nothing saved', async () => {
      const before = await t.services.widgets.find('chunav');
      const historyBefore = (await t.services.widgets.history('chunav')).length;
      const cases: [Record<string, string>, string][] = [
        [{ majority: '600' }, E['majority:above-total']!],
        [{ totalSeats: 'पांच सौ' }, E['totalSeats:not-a-count']!],
        [{ 'won.1': '-3' }, E.won!],
        [{ 'colour.0': 'लाल' }, E.colour!],
        [{ 'won.0': '500' }, E['parties:above-total']!],
        [{ title: '' }, E.title!],
        [{ asOf: 'कल' }, E.asOf!],
        [{ placement: 'footer' }, E.placement!],
      ];
      for (const [change, message] of cases) {
        const res = await post(editor, '/admin/widgets/chunav', { ...election, ...change });
        invalid(res, message);
        for (const [k, v] of Object.entries(change)) if (v && k !== 'placement') assert.ok(res.body.includes(esc(v)), `typed ${v} shown again`);
      }
      assert.deepEqual(await t.services.widgets.find('chunav'), before);
      assert.equal((await t.services.widgets.history('chunav')).length, historyBefore);
      // Another kind for a saved key: refused, the box unchanged.
      invalid(await post(editor, '/admin/widgets/chunav', { kind: 'table', title: 'x', columns: 'a', rows: 'b', source: '', asOf: '2024-06-04T20:00' }), E['kind:changed']!);
      invalid(await post(editor, '/admin/widgets/covid', { ...election }), E['kind:changed']!);
      assert.deepEqual(await t.services.widgets.find('chunav'), before);
    });

    const cricket = {
      kind: 'cricket',
      title: 'भारत बनाम ऑस्ट्रेलिया',
      'team.0': 'ऑस्ट्रेलिया',
      'runs.0': '240',
      'wickets.0': '10',
      'overs.0': '50',
      'team.1': 'भारत',
      'runs.1': '196',
      'wickets.1': '4',
      'overs.1': '41.2',
      'batter.0': 'विराट कोहली',
      'batterRuns.0': '85',
      'batterBalls.0': '92',
      lastBalls: '1 4 W 6',
      status: 'भारत को 45 रन चाहिए',
      source: '',
      asOf: '2023-11-19T20:30',
      placement: 'home',
    };

    test('a cricket scorecard: saved, shown on the home page, pushed on the live stream; bad scores refused', async () => {
      // A reader following the box's channel gets the saved box's HTML.
      let frames = '';
      let arrived: () => void = () => {};
      const box = new Promise<void>((resolve) => (arrived = resolve));
      const stream = t.services.live.open(['box:score'], null, {
        write: (chunk) => {
          frames += chunk;
          if (frames.includes('event: box')) arrived();
        },
        buffered: () => 0,
        end: () => {},
      });
      assert.ok(stream);
      saved(await post(editor, '/admin/widgets/score', cricket), 'score');
      await box;
      stream.close();
      const data = JSON.parse(/event: box\ndata: (.*)\n/.exec(frames)![1]!) as { key: string; html: string };
      assert.equal(data.key, 'score');
      assert.match(data.html, /196\/4/);
      assert.match(data.html, /id="box-score-__place__"/, 'the page fills in its own ids');
      const home = await site('/');
      assert.match(home, /196\/4/);
      assert.match(home, /<script src="\/live\/data-box.js" defer><\/script>/);
      const script = await t.app.inject({ method: 'GET', url: '/live/data-box.js' });
      assert.equal(script.statusCode, 200);
      assert.match(String(script.headers['content-type']), /javascript/);
      assert.match(home, /भारत को 45 रन चाहिए/);
      const before = await t.services.widgets.find('score');
      invalid(await post(editor, '/admin/widgets/score', { ...cricket, 'overs.1': '41.7' }), E.overs!);
      invalid(await post(editor, '/admin/widgets/score', { ...cricket, 'wickets.0': '12' }), E.wickets!);
      invalid(await post(editor, '/admin/widgets/score', { ...cricket, 'batterRuns.0': 'सौ' }), E.batterRuns!);
      invalid(await post(editor, '/admin/widgets/score', { ...cricket, lastBalls: '1 9' }), E.lastBalls!);
      assert.deepEqual(await t.services.widgets.find('score'), before);
    });

    test('a table: saved and shown; a row with the wrong number of cells names its line', async () => {
      const table = { kind: 'table', title: 'मतदान', columns: 'राज्य | मतदान (%)', rows: 'बिहार | 56.2\nकेरल | 71.3', source: '', asOf: '2024-06-01T19:00', placement: 'sidebar' };
      saved(await post(editor, '/admin/widgets/matdan', table), 'matdan');
      assert.match(await site('/'), /<td>71.3<\/td>/);
      invalid(await post(editor, '/admin/widgets/matdan', { ...table, rows: 'बिहार | 56.2\nकेरल' }), `पंक्ति 2: ${E['rows:cells']}`);
      invalid(await post(editor, '/admin/widgets/matdan', { ...table, columns: '' }), E.columns!);
      const box = (await t.services.widgets.find('matdan'))!;
      assert.ok(box.box.kind === 'table' && box.box.rows.length === 2);
    });

    test('a reporter may not open or save a box', async () => {
      assert.equal((await get(reporter, '/admin/widgets/chunav')).statusCode, 403);
      assert.equal((await post(reporter, '/admin/widgets/chunav', election)).statusCode, 403);
    });
  });
}
