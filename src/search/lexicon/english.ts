/**
 * A small English normaliser for lexicon lookups: readers type `farmers`, `arrested`,
 * `elections`, `floods`, while the lexicon lists `farmer`, `arrest`, `election`, `flood`.
 * It is a crude, symmetric key (the same function runs on the data and on the query), not
 * a lemmatiser: `rule`, `ruled`, `rules` and `ruling` all give `rul`. Lookups try the exact
 * word first and this key only when the exact word is not in the lexicon, so `ruling` (an
 * entry of its own) never reaches `rule`'s translations; `rulings` reaches both.
 *
 * Rules, in order (each test in english.test.ts):
 * 1. words of three letters or fewer stay as they are (`tax`, `bus`, `gas`, `war`);
 * 2. plural: `-ies` → `-y` (`cities` → `city`), `-sses` → `-ss`, `-es` after s x z ch sh
 *    is dropped (`taxes` → `tax`, `matches` → `match`), else a final `s` is dropped unless
 *    the word ends in `ss`, `us` or `is` (`farmers` → `farmer`; `crisis`, `status`, `press` stay);
 * 3. participles: `-ied` → `-y` (`carried` → `carry`), `-ed` and `-ing` are dropped when
 *    three letters with a vowel remain (`arrested` → `arrest`, `rising` → `ris`, not `red`, `king`);
 * 4. a doubled final consonant (not l, s, z) left by step 3 is single (`banned` → `ban`);
 * 5. a final `e` is dropped when three letters remain (`charge`, `charged` → `charg`).
 *
 * A handful of irregular forms readers type in news searches are listed (`women` → `woman`,
 * `won` → `win`, `shot` → `shoot`, ...). Everything returned is lowercase ASCII.
 */

const IRREGULAR_FORMS: Readonly<Record<string, string>> = {
  men: 'man', women: 'woman', children: 'child', policemen: 'policeman', policewomen: 'policewoman',
  won: 'win', lost: 'lose', shot: 'shoot', held: 'hold', met: 'meet', fled: 'flee', stole: 'steal',
  stolen: 'steal', caught: 'catch', struck: 'strike', fell: 'fall', fallen: 'fall', hit: 'hit', led: 'lead',
  sold: 'sell', bought: 'buy', paid: 'pay', rose: 'rise', risen: 'rise', spoke: 'speak', wrote: 'write',
  written: 'write', chose: 'choose', chosen: 'choose', sworn: 'swear', swore: 'swear', beaten: 'beat',
  taught: 'teach', built: 'build', burnt: 'burn', froze: 'freeze', frozen: 'freeze', drove: 'drive',
  driven: 'drive', killed: 'kill', died: 'die', dying: 'die', lying: 'lie', mice: 'mouse', teeth: 'tooth',
  feet: 'foot', crises: 'crisis', analyses: 'analysis', thieves: 'thief', wives: 'wife', lives: 'life',
  knives: 'knife', leaves: 'leaf', data: 'data', media: 'media', criteria: 'criterion',
};
// A Map, so that a query word like `constructor` finds nothing inherited.
const IRREGULAR = new Map(Object.entries(IRREGULAR_FORMS));

// Plain string tests rather than regular expressions: this runs on every headword word when
// the lexicon loads, and a handful of regular expressions there cost more than the rest of the load.
const VOWELS = 'aeiouy';

function hasStem(stem: string): boolean {
  if (stem.length < 3) return false;
  for (const ch of stem) if (VOWELS.includes(ch)) return true;
  return false;
}

function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

// A final doubled consonant that a participle leaves (bann-ed, shopp-ing), not l, s or z (sell, miss, buzz).
function doubledConsonant(w: string): boolean {
  const last = w[w.length - 1] ?? '';
  return w.length >= 2 && last === w[w.length - 2] && !'aeiouylsz'.includes(last);
}

/** The lookup key of one folded Latin word (lowercase ASCII letters and digits). */
export function englishKey(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  if (w.length <= 3 || !isLowerAscii(w)) return w;
  // 2. plural
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 4 && (w.endsWith('ses') || w.endsWith('xes') || w.endsWith('zes') || w.endsWith('ches') || w.endsWith('shes'))) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // 3. participles
  let cut = false;
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && hasStem(w.slice(0, -2))) {
    w = w.slice(0, -2);
    cut = true;
  } else if (w.endsWith('ing') && hasStem(w.slice(0, -3))) {
    w = w.slice(0, -3);
    cut = true;
  }
  // 4. doubled consonant
  if (cut && doubledConsonant(w)) w = w.slice(0, -1);
  // 5. final e
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
