import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, transliterateWord } from './slug.ts';
import {
  ABBREVIATIONS,
  HINDI_WORDS,
  LETTER_NAMES,
  LOANWORDS,
  PROPER_NOUNS,
} from './transliterate-lexicon.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Asserts transliterateWord for each `word: expected` pair, reporting all mismatches at once. */
function words(cases: Record<string, string>): void {
  const actual = Object.fromEntries(Object.keys(cases).map((w) => [w, transliterateWord(w)]));
  assert.deepEqual(actual, cases);
}

describe('slugify: headlines', () => {
  it('romanizes the reference headline, loanwords in English', () => {
    assert.equal(
      slugify('जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड'),
      'jinping-se-bole-putin-welcome-dear-friend',
    );
  });

  it('keeps digits glued to Hindi ordinals and uses the function-word table', () => {
    assert.equal(
      slugify('92 साल की उम्र में रूपर्ट मर्डोक करेंगे 5वीं शादी'),
      '92-saal-ki-umra-mein-rupert-murdoch-karenge-5vin-shadi',
    );
  });

  it('mixes loanwords, nukta letters and the वाला table', () => {
    assert.equal(
      slugify('फ्रांस में रिटायरमेंट एज बढ़ाने वाला बिल अब कानून बना'),
      'france-mein-retirement-age-badhane-wala-bill-ab-kanun-bana',
    );
  });

  it('reads Hindi plural endings on loanwords as English plurals', () => {
    assert.equal(
      slugify('स्टेट T20 लीग का शेड्यूल जारी, 8 टीमें खेलेंगी 33 मैच'),
      'state-t20-league-ka-schedule-jari-8-teams-khelengi-33-match',
    );
    assert.equal(
      slugify('होली पर घर जाने वालों के लिए रेलवे चलाएगा 20 स्पेशल ट्रेनें'),
      'holi-par-ghar-jane-walon-ke-liye-railway-chalayega-20-special-trains',
    );
  });

  it('handles quotes, Latin abbreviations and 5G', () => {
    assert.equal(
      slugify('फिल्म ‘धूप-छांव’ का ट्रेलर रिलीज, 24 घंटे में मिले 1 करोड़ व्यूज'),
      'film-dhup-chhaon-ka-trailer-release-24-ghante-mein-mile-1-karod-views',
    );
    assert.equal(
      slugify('AI चैटबॉट से असाइनमेंट लिख रहे छात्र, यूनिवर्सिटी ने बनाई गाइडलाइन'),
      'ai-chatbot-se-assignment-likh-rahe-chhatra-university-ne-banai-guideline',
    );
    assert.equal(
      slugify('जिले के 12 और कस्बों में 5G शुरू, पहले हफ्ते में 2 लाख यूजर्स'),
      'jile-ke-12-aur-kasbon-mein-5g-shuru-pahle-hafte-mein-2-lakh-users',
    );
  });
});

describe('transliterateWord: schwa deletion', () => {
  it('drops the word-final inherent a', () => {
    words({ 'पुतिन': 'putin', 'भारत': 'bharat', 'कमल': 'kamal', 'तक': 'tak', 'कार': 'kar' });
  });

  it('drops the medial inherent a in VC_CV, never two in a row', () => {
    words({
      'जिनपिंग': 'jinping',
      'सोमवार': 'somvar',
      'सरकार': 'sarkar',
      'बदलना': 'badalna',
      'समझना': 'samajhna',
      'जनता': 'janta',
      'मतलब': 'matlab',
    });
  });

  it('keeps the a of a single-syllable word and of the first syllable', () => {
    words({ 'न': 'na', 'व': 'va', 'नदी': 'nadi', 'समाचार': 'samachar' });
  });

  it('keeps a final a after a cluster ending in a semivowel or nasal, and in -iya', () => {
    words({
      'महाराष्ट्र': 'maharashtra',
      'उम्र': 'umra',
      'मित्र': 'mitra',
      'राज्य': 'rajya',
      'विश्व': 'vishwa',
      'यज्ञ': 'yagya',
      'धर्म': 'dharm',
      'युद्ध': 'yuddh',
      'भारतीय': 'bhartiya',
      'प्रिय': 'priya',
    });
  });

  it('keeps the a after a cluster, a nasal consonant, and across known compound tails', () => {
    words({
      'राष्ट्रपति': 'rashtrapati',
      'मित्रता': 'mitrata',
      'संगठन': 'sangathan',
      'ज़िंदगी': 'zindagi',
      'जांचने': 'janchne',
      'पहुंचने': 'pahunchne',
      'लोकसभा': 'loksabha',
      'विधानसभा': 'vidhansabha',
      'लखपति': 'lakhpati',
      'रामनगर': 'ramnagar',
    });
  });
});

describe('transliterateWord: letters and signs', () => {
  it('writes vowels without length or diacritics', () => {
    words({
      'मुलाकात': 'mulakat',
      'चीनी': 'chini',
      'रूसी': 'rusi',
      'बोले': 'bole',
      'हिंदी': 'hindi',
      'ऐसे': 'aise',
      'और': 'aur',
      'कृषि': 'krishi',
      'ऋषि': 'rishi',
      'डॉक्टरी': 'doktari',
    });
  });

  it('writes aspirates and sibilants as digraphs', () => {
    words({
      'छोड़ने': 'chhodne',
      'खिलाड़ी': 'khiladi',
      'घर': 'ghar',
      'झटका': 'jhatka',
      'धूप': 'dhup',
      'भाव': 'bhav',
      'फल': 'phal',
      'शादी': 'shadi',
      'भाषा': 'bhasha',
    });
  });

  it('writes anusvara and chandrabindu as n, m before labials', () => {
    words({
      'हिंदी': 'hindi',
      'संबंध': 'sambandh',
      'लंबा': 'lamba',
      'संवाद': 'samvad',
      'हँसी': 'hansi',
      'यहाँ': 'yahan',
      'गांव': 'gaon',
    });
  });

  it('drops visarga', () => {
    words({ 'दुःख': 'dukh', 'अतः': 'at' });
  });

  it('reads nukta letters, precomposed or not, and फ closing a syllable as f', () => {
    words({
      'ज़मीन': 'zamin',
      'फ़ैसला': 'faisla',
      'क़ानून': 'kanun',
      'गाड़ी': 'gadi',
      'बढ़ाने': 'badhane',
      'मुफ्त': 'muft',
    });
    // U+095B (precomposed ज़) and U+095C (precomposed ड़) give the same as base + U+093C.
    assert.equal(transliterateWord('\u095Bमीन'), 'zamin');
    assert.equal(transliterateWord('गा\u095Cी'), 'gadi');
  });

  it('handles ए after a vowel, ज्ञ, च्छ, and व in clusters', () => {
    words({
      'गए': 'gaye',
      'लिए': 'liye',
      'नई': 'nai',
      'हुआ': 'hua',
      'ज्ञान': 'gyan',
      'विज्ञान': 'vigyan',
      'स्वच्छ': 'swachh',
      'स्वागत': 'swagat',
      'द्वारा': 'dwara',
    });
  });

  it('uses the short table for common words the rule would misspell', () => {
    words({ 'में': 'mein', 'हैं': 'hain', 'है': 'hai', 'की': 'ki', 'नहीं': 'nahin', 'बाद': 'baad', 'साल': 'saal' });
  });
});

describe('transliterateWord: lexicon', () => {
  it('spells English loanwords in English', () => {
    words({
      'प्रेसिडेंट': 'president',
      'मीटिंग': 'meeting',
      'इंफॉर्मल': 'informal',
      'पार्टनर': 'partner',
      'रिलायबल': 'reliable',
      'ऑफिशियल': 'official',
      'डिप्लोमैटिक': 'diplomatic',
      'बाइलैटरल': 'bilateral',
      'डॉक्यूमेंट': 'document',
      'सेरेमनी': 'ceremony',
      'कोविड': 'covid',
      'क्रिकेट': 'cricket',
      'स्टार्टअप': 'startup',
      'मेट्रो': 'metro',
    });
  });

  it('keeps Hindi words Hindi', () => {
    words({ 'सरकार': 'sarkar', 'समाचार': 'samachar', 'कानून': 'kanun' });
  });

  it('uses the exonyms Hindi news URLs use', () => {
    words({
      'अमेरिका': 'america',
      'दिल्ली': 'delhi',
      'मॉस्को': 'moscow',
      'यूक्रेन': 'ukraine',
      'रूस': 'russia',
      'चीन': 'china',
      'भारत': 'bharat',
    });
  });

  it('matches spelling variants: nukta, chandrabindu, half nasal', () => {
    words({ 'फ़्रेंड': 'friend', 'फ्रेण्ड': 'friend', 'कम्पनी': 'company', 'माँ': 'maa' });
  });

  it('turns Hindi plural endings on loanwords into English plurals', () => {
    words({
      'लीडर्स': 'leaders',
      'चैनल्स': 'channels',
      'फैंस': 'fans',
      'टीमों': 'teams',
      'मैचों': 'matches',
      'फिल्में': 'films',
      'कंपनियां': 'companies',
      'पॉलिसियों': 'policies',
      'फोटोज़': 'photos',
    });
  });

  it('spells abbreviations of three or more letter names, and listed two-letter ones', () => {
    words({ 'बीजेपी': 'bjp', 'सीबीआई': 'cbi', 'एनडीटीवी': 'ndtv', 'पीएम': 'pm', 'यूपी': 'up' });
    // Two letter names that are also Hindi words stay Hindi.
    words({ 'बीवी': 'bivi', 'सीटी': 'siti' });
  });

  it('reads जी as G only when glued to a number', () => {
    assert.equal(slugify('जी20 समिट'), 'g20-summit');
    assert.equal(slugify('जी-20 समिट'), 'g-20-summit');
    assert.equal(slugify('5जी सेवा'), '5g-seva');
    assert.equal(slugify('मोदी जी ने कहा'), 'modi-ji-ne-kaha');
  });

  it('has well-formed entries and no conflicting duplicates', () => {
    const tables = [LOANWORDS, PROPER_NOUNS, ABBREVIATIONS, HINDI_WORDS, LETTER_NAMES];
    const seen = new Map<string, string>();
    for (const table of tables) {
      for (const [word, latin] of Object.entries(table)) {
        assert.match(word, /^[\u0900-\u097F]+$/, `key ${word}`);
        assert.match(latin, SLUG, `value for ${word}`);
        const before = seen.get(word);
        if (table !== LETTER_NAMES) assert.ok(before === undefined || before === latin, `${word}: ${before} / ${latin}`);
        if (table !== LETTER_NAMES) seen.set(word, latin);
      }
    }
    assert.ok(Object.keys(LOANWORDS).length >= 300);
  });

  it('always reaches every lexicon entry through transliterateWord', () => {
    for (const table of [LOANWORDS, PROPER_NOUNS, ABBREVIATIONS, HINDI_WORDS]) {
      for (const [word, latin] of Object.entries(table)) assert.equal(transliterateWord(word), latin, word);
    }
  });
});

describe('slugify: Latin, digits, punctuation', () => {
  it('lowercases Latin and removes accents', () => {
    assert.equal(slugify('Café Müller in São Paulo'), 'cafe-muller-in-sao-paulo');
    assert.equal(slugify('Straße, Ærø, Łódź'), 'strasse-aero-lodz');
  });

  it('converts Devanagari digits', () => {
    assert.equal(slugify('२०२३ में ५ राज्य'), '2023-mein-5-rajya');
  });

  it('treats punctuation, quotes, dashes, colons and danda as separators', () => {
    assert.equal(slugify('“मन की बात”: मोदी — बोले। फिर…'), 'man-ki-baat-modi-bole-phir');
    assert.equal(slugify('COVID-19 के नए केस'), 'covid-19-ke-naye-case');
    assert.equal(slugify('--a--b--'), 'a-b');
  });

  it("folds dotted abbreviations and apostrophes inside English words", () => {
    assert.equal(slugify("U.S. President's visit"), 'us-presidents-visit');
  });

  it('returns an empty string when nothing is usable', () => {
    for (const input of ['', '   ', '—।॥', '🙂🇮🇳', '世界', 'مرحبا', '\u200D\u200C']) {
      assert.equal(slugify(input), '', JSON.stringify(input));
    }
  });
});

describe('slugify: emoji, joiners, mixed scripts', () => {
  it('ignores emoji, including ZWJ sequences and flags', () => {
    assert.equal(slugify('भारत 🇮🇳 जीता 👨‍👩‍👧 🏏'), 'bharat-jita');
  });

  it('strips ZWJ/ZWNJ inside Devanagari words', () => {
    assert.equal(slugify('स्\u200Dवच्\u200Cछ भारत'), 'swachh-bharat');
    assert.equal(slugify('क्\u200Dष'), slugify('क्ष'));
  });

  it('treats a zero-width space as a word break', () => {
    assert.equal(slugify('नई\u200Bदिल्ली'), 'nai-delhi');
  });

  it('keeps romanizable scripts and separates the rest', () => {
    assert.equal(slugify('iPhone 15 लॉन्च: Apple ने 世界 में पेश किया'), 'iphone-15-launch-apple-ne-mein-pesh-kiya');
    assert.equal(slugify('abc世界def'), 'abc-def');
  });
});

describe('slugify: maxLength', () => {
  const headline = 'कॉलेजों में वोटर रजिस्ट्रेशन कैंप लगाएगा चुनाव आयोग, पहली बार के वोटर्स पर फोकस';

  it('defaults to 80 and cuts at a word boundary', () => {
    const slug = slugify(headline);
    assert.ok(slug.length <= 80);
    assert.equal(slug, 'colleges-mein-voter-registration-camp-lagayega-chunav-ayog-pahli-bar-ke-voters');
  });

  it('honours a smaller limit', () => {
    assert.equal(slugify(headline, { maxLength: 20 }), 'colleges-mein-voter');
    assert.equal(slugify(headline, { maxLength: 18 }), 'colleges-mein');
    assert.equal(slugify(headline, { maxLength: 1000 }).endsWith('-par-focus'), true);
  });

  it('cuts inside a word only when the first word alone is too long', () => {
    assert.equal(slugify('इंफ्रास्ट्रक्चर प्रोजेक्ट', { maxLength: 10 }), 'infrastruc');
  });

  it('rejects a limit below 1', () => {
    assert.throws(() => slugify('x', { maxLength: 0 }), RangeError);
    assert.throws(() => slugify('x', { maxLength: Number.NaN }), RangeError);
  });
});

describe('slugify: output shape', () => {
  const samples = [
    'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड',
    '92 साल की उम्र में रूपर्ट मर्डोक करेंगे 5वीं शादी',
    'फ्रांस में रिटायरमेंट एज बढ़ाने वाला बिल अब कानून बना',
    'H3N2 फ्लू के मामले बढ़े, डॉक्टरों की सलाह- खुद से न लें एंटीबायोटिक',
    'ॐ नमः शिवाय ऽ ॰ ़ ् ं',
    'Ünïcödé ﬁ ① ²',
    'स्‍वास्‍थ्‍य-केंद्र',
    '',
  ];

  it('always matches the slug pattern or is empty', () => {
    for (const s of samples) {
      const slug = slugify(s);
      assert.ok(slug === '' || SLUG.test(slug), `${s} → ${slug}`);
    }
  });

  it('is idempotent on its own output', () => {
    for (const s of samples) {
      const slug = slugify(s);
      assert.equal(slugify(slug), slug);
    }
  });

  it('transliterateWord returns lowercase ASCII words', () => {
    for (const w of ['गांव', 'ॐ', '5वीं', 'नमः', 'न्यूयॉर्क']) assert.match(transliterateWord(w), SLUG);
    assert.equal(transliterateWord('न्यूयॉर्क'), 'new-york');
    assert.equal(transliterateWord(''), '');
  });
});
