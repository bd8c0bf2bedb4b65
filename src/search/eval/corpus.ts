/**
 * The evaluation corpus: the 34 demo stories (keyed by their headline, so a changed demo
 * story fails loudly instead of silently changing the judgments) and the articles written
 * for the evaluation (eval-articles.ts). Every system is measured on exactly these texts.
 */
import { demoArticles, demoAuthors } from '../../demo/content/index.ts';
import type { DemoArticle } from '../../demo/demo-content.ts';
import { type EvalArticle, evalArticles } from './eval-articles.ts';

/** Demo stories by the key the judgments use. */
export const DEMO_KEYS: Readonly<Record<string, string>> = {
  ref: 'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड',
  murdoch: '92 साल की उम्र में रूपर्ट मर्डोक करेंगे 5वीं शादी',
  'france-pension': 'फ्रांस में रिटायरमेंट एज बढ़ाने वाला बिल अब कानून बना',
  'wheat-rain': 'बेमौसम बारिश और ओलों से गेहूं की फसल को नुकसान, किसानों की चिंता बढ़ी',
  'lucknow-ebus': 'लखनऊ में इलेक्ट्रिक बसों के 5 नए रूट शुरू, किराया 10 रुपए से',
  'holi-trains': 'होली पर घर जाने वालों के लिए रेलवे चलाएगा 20 स्पेशल ट्रेनें',
  'board-exam': 'बोर्ड परीक्षा की कॉपियां जांचने का काम 20 मार्च से, मई में आएंगे नतीजे',
  'cherry-blossom': 'टोक्यो में तय समय से पहले खिले चेरी ब्लॉसम, पार्कों में उमड़ी भीड़',
  everest: 'एवरेस्ट पर चढ़ाई के सीजन की तैयारी, नेपाल ने जारी किए 200 परमिट',
  'srilanka-tourism': 'श्रीलंका में लौटे पर्यटक, दो महीने में पहुंचे 30 हजार भारतीय',
  'ward-reservation': 'नगर निगम के 85 वार्डों का आरक्षण तय, 43 वार्ड महिलाओं के लिए',
  'budget-session': 'विधानसभा का बजट सत्र खत्म, 11 दिन में 14 विधेयक पास',
  'voter-camp': 'कॉलेजों में वोटर रजिस्ट्रेशन कैंप लगाएगा चुनाव आयोग, पहली बार के वोटर्स पर फोकस',
  'panchayat-no-confidence': 'जिला पंचायत अध्यक्ष के खिलाफ अविश्वास प्रस्ताव गिरा, सिर्फ 9 सदस्यों ने दिया साथ',
  't20-league': 'स्टेट T20 लीग का शेड्यूल जारी, 8 टीमें खेलेंगी 33 मैच',
  'women-hockey': 'जूनियर महिला हॉकी में प्रदेश की टीम चैंपियन, शूटआउट में 4-3 से जीता फाइनल',
  'half-marathon': 'हाफ मैराथन में दौड़े 12 हजार लोग, केन्या के धावक ने जीता खिताब',
  'chess-aarav': '14 साल के आरव को इंटरनेशनल मास्टर नॉर्म, प्रदेश के सबसे युवा खिलाड़ी',
  'agritech-funding': 'किसानों को मंडी के भाव बताने वाले एग्रीटेक स्टार्टअप ने जुटाए 40 करोड़ रुपए',
  'gold-record': 'सोना रिकॉर्ड ऊंचाई पर, 10 ग्राम का भाव 60 हजार रुपए के करीब',
  'holi-market': 'होली पर बाजारों में जमकर हुई खरीदारी, कारोबार 25% बढ़ने का अनुमान',
  'onion-price': 'मंडी में प्याज 5 रुपए किलो तक गिरा, लागत नहीं निकाल पा रहे किसान',
  'dhoop-chhaon': 'फिल्म ‘धूप-छांव’ का ट्रेलर रिलीज, 24 घंटे में मिले 1 करोड़ व्यूज',
  'varanasi-webseries': 'बनारस के घाटों पर शुरू हुई नई वेब सीरीज की शूटिंग, देखने उमड़ी भीड़',
  'folk-festival': 'लोक संगीत महोत्सव में 18 राज्यों के कलाकार, पहली शाम चैती के नाम',
  'dhadkan-boxoffice': 'बॉक्स ऑफिस पर ‘धड़कन एक्सप्रेस’ की तेज रफ्तार, तीन दिन में कमाए 38 करोड़',
  'electricity-fraud': 'बिजली बिल के नाम पर ठगी, ‘आज रात कटेगा कनेक्शन’ वाले मैसेज से सावधान',
  'coding-labs': 'सरकारी स्कूलों में खुलेंगी 500 कोडिंग लैब, 6वीं से बच्चे सीखेंगे प्रोग्रामिंग',
  '5g-towns': 'जिले के 12 और कस्बों में 5G शुरू, पहले हफ्ते में 2 लाख यूजर्स',
  'ai-chatbot': 'AI चैटबॉट से असाइनमेंट लिख रहे छात्र, यूनिवर्सिटी ने बनाई गाइडलाइन',
  'cancer-camp': 'जिला अस्पताल में हर शनिवार मुफ्त कैंसर जांच, पहले कैंप में पहुंचे 300 लोग',
  h3n2: 'H3N2 फ्लू के मामले बढ़े, डॉक्टरों की सलाह- खुद से न लें एंटीबायोटिक',
  allergy: 'मौसम बदलते ही बढ़े एलर्जी और वायरल के मरीज, ऐसे करें बचाव',
  telemedicine: 'गांव के स्वास्थ्य केंद्र से वीडियो कॉल पर मिलेगी विशेषज्ञ डॉक्टर की सलाह',
};

/** One article of the corpus as plain text: what every system indexes. */
export interface EvalDoc {
  readonly key: string;
  readonly section: string;
  readonly headline: string;
  readonly dek: string;
  readonly tags: readonly string[];
  /** Author names as shown (Hindi and Latin). */
  readonly authors: readonly string[];
  readonly captions: readonly string[];
  /** Body paragraphs, subheadings, quotes and list items, without captions. */
  readonly body: readonly string[];
  readonly publishedAt: Date;
  readonly demo: boolean;
}

const authorName = (slug: string): string => {
  const a = demoAuthors.find((x) => x.slug === slug);
  if (!a) throw new Error(`eval corpus: unknown author ${slug}`);
  return `${a.name} ${a.nameLatin}`;
};

function fromDemo(key: string, a: DemoArticle): EvalDoc {
  return {
    key,
    section: a.section,
    headline: a.headline,
    dek: a.dek,
    tags: a.tags,
    authors: a.authors.map(authorName),
    captions: [a.hero.caption, ...a.body.flatMap((b) => ('photo' in b ? [b.photo.caption] : []))],
    body: a.body.flatMap((b) => ('p' in b ? [b.p] : 'h' in b ? [b.h] : 'quote' in b ? [b.quote] : 'list' in b ? b.list : [])),
    publishedAt: new Date(a.publishedAt),
    demo: true,
  };
}

function fromEval(a: EvalArticle): EvalDoc {
  return {
    key: a.key,
    section: a.section,
    headline: a.headline,
    dek: a.dek,
    tags: a.tags,
    authors: a.authors.map(authorName),
    captions: a.captions,
    body: a.body.map((p) => p.replace(/^## /, '')),
    publishedAt: new Date(a.publishedAt),
    demo: false,
  };
}

/** The whole corpus; throws if a demo story the judgments name is missing. */
export function evalCorpus(): EvalDoc[] {
  const docs: EvalDoc[] = [];
  const seen = new Set<string>();
  for (const [key, headline] of Object.entries(DEMO_KEYS)) {
    const a = demoArticles.find((x) => x.headline === headline);
    if (!a) throw new Error(`eval corpus: demo story "${headline}" (${key}) not found; update DEMO_KEYS and the judgments`);
    docs.push(fromDemo(key, a));
    seen.add(headline);
  }
  const unkeyed = demoArticles.filter((a) => !seen.has(a.headline));
  if (unkeyed.length > 0) throw new Error(`eval corpus: demo stories without a key: ${unkeyed.map((a) => a.headline).join(' | ')}`);
  for (const a of evalArticles) docs.push(fromEval(a));
  const keys = new Set(docs.map((d) => d.key));
  if (keys.size !== docs.length) throw new Error('eval corpus: duplicate keys');
  return docs;
}
