import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { englishKey } from './english.ts';

/** Asserts that every form gets the first one's key. */
function same(...forms: string[]) {
  const first = englishKey(forms[0] ?? '');
  for (const f of forms) assert.equal(englishKey(f), first, `${f} ≠ ${forms[0]}`);
}

describe('englishKey', () => {
  it('meets plurals: -s, -es after s x z ch sh, -ies', () => {
    same('farmer', 'farmers');
    same('election', 'elections');
    same('tax', 'taxes');
    same('match', 'matches');
    same('crash', 'crashes');
    same('city', 'cities');
  });

  it('meets participles, with a doubled consonant or a final e', () => {
    same('arrest', 'arrested', 'arrests', 'arresting');
    same('ban', 'banned', 'banning', 'bans');
    same('charge', 'charged', 'charges', 'charging');
    same('carry', 'carried');
    same('rule', 'ruled', 'rules', 'ruling');
  });

  it('knows the irregular forms readers type', () => {
    same('woman', 'women');
    same('child', 'children');
    same('win', 'won');
    same('shoot', 'shot');
  });

  it('leaves short words and words that only look inflected alone', () => {
    for (const w of ['tax', 'bus', 'gas', 'war', 'red', 'king', 'bed']) assert.equal(englishKey(w), w);
    for (const w of ['crisis', 'status', 'press', 'virus']) assert.equal(englishKey(w), w);
    assert.notEqual(englishKey('ring'), englishKey('r'));
    for (const w of ['constructor', '__proto__', 'tostring', 'hasownproperty']) assert.equal(typeof englishKey(w), 'string', w);
  });
});
