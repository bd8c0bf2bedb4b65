/**
 * The queries and their graded relevance, judged by reading every article of the corpus
 * (corpus.ts). Grades: 3 = the story is about exactly this; 2 = a substantial part of the
 * story is about it; 1 = the story touches it (a mention that a reader would still find
 * useful). Unlisted stories are 0. MRR and recall count grades 2 and 3 as relevant; nDCG
 * uses every grade (gain 2^grade − 1).
 *
 * Kinds of query, as readers of a Hindi news site search:
 * - devanagari: plain Hindi, spelt as in the stories;
 * - variant: Hindi spelt differently from the story (nukta, chandrabindu, half nasal, glide);
 * - romanized: Hindi typed in Latin letters without a scheme;
 * - english: English for loanwords the stories write in Devanagari;
 * - mixed: scripts mixed in one query;
 * - typo: a slip of one letter (or a swap), in either script;
 * - synonym: English words for Hindi words that are not loanwords (`farmers` for किसान), and
 *   Hindi synonyms or the other register (`चिकित्सालय` for अस्पताल): the query's key words are
 *   not in the relevant story at all (checked when they were written);
 * - negative: a topic no story covers; the right answer is no results (no grades).
 *
 * The synonym and negative queries were written by reading the articles (corpus.ts), before
 * the cross-lingual lexicon (search/lexicon/) was looked at, so they test it rather than echo it.
 */

export type QueryKind = 'devanagari' | 'variant' | 'romanized' | 'english' | 'mixed' | 'typo' | 'synonym' | 'negative';

/** Kinds with relevant stories (MRR, nDCG, recall, precision@5). */
export const QUERY_KINDS: readonly QueryKind[] = ['devanagari', 'variant', 'romanized', 'english', 'mixed', 'typo', 'synonym'];
/** Every kind, negative last (scored by whether nothing came back). */
export const ALL_KINDS: readonly QueryKind[] = [...QUERY_KINDS, 'negative'];

export interface JudgedQuery {
  readonly q: string;
  readonly kind: QueryKind;
  /** Corpus key → grade (1–3). */
  readonly grades: Readonly<Record<string, 1 | 2 | 3>>;
}

/** Judgments shared by queries that ask the same thing in another script or spelling. */
const PUTIN_JINPING_MEETING = { ref: 3, 'us-warning-ceasefire': 2, 'china-peace-plan': 1 } as const;
const MEETING = { ref: 3, 'pm-japan-meeting': 3, 'border-talks': 2, murdoch: 1 } as const;
const GOLD_PRICE = { 'gold-record': 3, 'gold-falls': 3 } as const;
const NO_CONFIDENCE = { 'panchayat-no-confidence': 3, 'france-pension': 2 } as const;
const HOLI_TRAINS = { 'holi-trains': 3, 'metro-holi': 1 } as const;
const CHESS = { 'chess-aarav': 3, 'state-chess': 3 } as const;
const FARMERS = { 'wheat-rain': 3, 'onion-price': 3, 'agritech-funding': 3, 'wheat-procurement': 3, 'budget-session': 1 } as const;
const HOSPITAL = { 'cancer-camp': 3, 'covid-rise': 2, telemedicine: 2, h3n2: 1, allergy: 1, 'half-marathon': 1 } as const;

export const JUDGMENTS: readonly JudgedQuery[] = [
  // --- plain Devanagari
  { kind: 'devanagari', q: 'पुतिन जिनपिंग मुलाकात', grades: PUTIN_JINPING_MEETING },
  { kind: 'devanagari', q: 'बेमौसम बारिश से गेहूं की फसल खराब', grades: { 'wheat-rain': 3, 'wheat-procurement': 1 } },
  { kind: 'devanagari', q: 'होली स्पेशल ट्रेन', grades: HOLI_TRAINS },
  { kind: 'devanagari', q: 'सोने का भाव', grades: GOLD_PRICE },
  { kind: 'devanagari', q: 'चेरी ब्लॉसम टोक्यो', grades: { 'cherry-blossom': 3 } },
  { kind: 'devanagari', q: 'एवरेस्ट परमिट', grades: { everest: 3 } },
  { kind: 'devanagari', q: 'प्याज के दाम मंडी', grades: { 'onion-price': 3, 'agritech-funding': 1 } },
  { kind: 'devanagari', q: 'कैंसर जांच कैंप', grades: { 'cancer-camp': 3 } },
  { kind: 'devanagari', q: 'नगर निगम वार्ड आरक्षण', grades: { 'ward-reservation': 3 } },
  { kind: 'devanagari', q: 'इलेक्ट्रिक बस', grades: { 'lucknow-ebus': 3, 'escooter-sales': 1 } },
  { kind: 'devanagari', q: 'शतरंज खिलाड़ी', grades: CHESS },
  { kind: 'devanagari', q: 'अविश्वास प्रस्ताव', grades: NO_CONFIDENCE },
  { kind: 'devanagari', q: 'महिला क्रिकेट', grades: { 'women-cricket-final': 3 } },
  { kind: 'devanagari', q: 'रूस', grades: { ref: 3, 'china-peace-plan': 2, 'us-warning-ceasefire': 2, 'srilanka-tourism': 1 } },
  { kind: 'devanagari', q: 'किसान', grades: { 'wheat-rain': 3, 'onion-price': 3, 'agritech-funding': 3, 'wheat-procurement': 3, 'budget-session': 1 } },

  // --- spelling variants (the stories spell these words the other way)
  { kind: 'variant', q: 'मुलाक़ात', grades: MEETING },
  { kind: 'variant', q: 'पहुँचे मॉस्को जिनपिंग', grades: { ref: 3, 'us-warning-ceasefire': 2, 'china-peace-plan': 1 } },
  { kind: 'variant', q: 'सम्बन्ध भारत चीन', grades: { 'border-talks': 3 } },
  { kind: 'variant', q: 'संबंध रूस चीन', grades: { ref: 3, 'china-peace-plan': 2, 'us-warning-ceasefire': 2 } },
  { kind: 'variant', q: 'नयी वेब सीरीज़ की शूटिंग', grades: { 'varanasi-webseries': 3 } },
  { kind: 'variant', q: 'कब्जे वाले इलाके', grades: { 'china-peace-plan': 3, 'us-warning-ceasefire': 3 } },
  { kind: 'variant', q: 'कॉपियाँ जाँचने का काम', grades: { 'board-exam': 3 } },
  { kind: 'variant', q: 'बाज़ार में होली की ख़रीदारी', grades: { 'holi-market': 3 } },
  { kind: 'variant', q: 'पर्वतारोहियों के लिये GPS', grades: { everest: 3 } },
  { kind: 'variant', q: 'पेन्शन सुधार फ्रांस', grades: { 'france-pension': 3, 'paris-garbage': 3 } },
  { kind: 'variant', q: 'क़ानून बना बिल', grades: { 'france-pension': 3 } },
  { kind: 'variant', q: 'फ़िल्म का ट्रेलर', grades: { 'dhoop-chhaon': 3 } },
  { kind: 'variant', q: 'स्वास्थ्य केन्द्र', grades: { telemedicine: 3 } },
  { kind: 'variant', q: 'चाँदी के दाम', grades: { 'gold-record': 3, 'gold-falls': 3 } },

  // --- romanized Hindi
  { kind: 'romanized', q: 'putin jinping mulakat', grades: PUTIN_JINPING_MEETING },
  { kind: 'romanized', q: 'rus yukren jang', grades: { 'china-peace-plan': 3, 'us-warning-ceasefire': 3, ref: 2 } },
  { kind: 'romanized', q: 'bemausam barish gehun', grades: { 'wheat-rain': 3, 'wheat-procurement': 1 } },
  { kind: 'romanized', q: 'lucknow electric bus', grades: { 'lucknow-ebus': 3 } },
  { kind: 'romanized', q: 'sone ka bhav', grades: GOLD_PRICE },
  { kind: 'romanized', q: 'pyaj ke daam', grades: { 'onion-price': 3 } },
  { kind: 'romanized', q: 'board pariksha kopiyan', grades: { 'board-exam': 3 } },
  { kind: 'romanized', q: 'nepal everest parmit', grades: { everest: 3 } },
  { kind: 'romanized', q: 'shatranj', grades: CHESS },
  { kind: 'romanized', q: 'holi ki kharidari bazar', grades: { 'holi-market': 3 } },
  { kind: 'romanized', q: 'cancer ki jaanch', grades: { 'cancer-camp': 3 } },
  { kind: 'romanized', q: 'avishwas prastav', grades: NO_CONFIDENCE },
  { kind: 'romanized', q: 'chini rashtrapati', grades: { ref: 3, 'us-warning-ceasefire': 2, 'china-peace-plan': 1 } },
  { kind: 'romanized', q: 'vidhansabha bajat satra', grades: { 'budget-session': 3 } },

  // --- English for loanwords written in Devanagari
  { kind: 'english', q: 'informal meeting', grades: { ref: 3, 'pm-japan-meeting': 1 } },
  { kind: 'english', q: 'peace plan', grades: { 'china-peace-plan': 3, ref: 2, 'us-warning-ceasefire': 1 } },
  { kind: 'english', q: 'welcome dear friend', grades: { ref: 3 } },
  { kind: 'english', q: 'electric bus route', grades: { 'lucknow-ebus': 3 } },
  { kind: 'english', q: 'special train holi', grades: HOLI_TRAINS },
  { kind: 'english', q: 'web series shooting', grades: { 'varanasi-webseries': 3, 'dhoop-chhaon': 1 } },
  { kind: 'english', q: 'box office collection', grades: { 'dhadkan-boxoffice': 3, 'dhadkan-song': 1 } },
  { kind: 'english', q: 'coding lab', grades: { 'coding-labs': 3 } },
  { kind: 'english', q: 'startup funding', grades: { 'agritech-funding': 3, 'upi-soundbox': 3 } },
  { kind: 'english', q: 'retirement age bill', grades: { 'france-pension': 3, 'paris-garbage': 2 } },
  { kind: 'english', q: 'telemedicine video call', grades: { telemedicine: 3 } },
  { kind: 'english', q: 'cyber fraud', grades: { 'electricity-fraud': 3, 'upi-fraud': 3 } },
  { kind: 'english', q: 'ceasefire', grades: { 'us-warning-ceasefire': 3, 'china-peace-plan': 2, ref: 1 } },
  { kind: 'english', q: 'hockey final shootout', grades: { 'women-hockey': 3 } },
  { kind: 'english', q: 'series A funding round', grades: { 'agritech-funding': 3, 'upi-soundbox': 2 } },

  // --- mixed scripts
  { kind: 'mixed', q: 'jinping की visit', grades: { ref: 3, 'us-warning-ceasefire': 2, 'china-peace-plan': 1 } },
  { kind: 'mixed', q: 'पुतिन welcome', grades: { ref: 3 } },
  { kind: 'mixed', q: 'holi पर special ट्रेनें', grades: HOLI_TRAINS },
  { kind: 'mixed', q: '5G टावर', grades: { '5g-towns': 3, '5g-phones': 1 } },
  { kind: 'mixed', q: 'AI chatbot असाइनमेंट', grades: { 'ai-chatbot': 3 } },
  { kind: 'mixed', q: 'बॉक्स ऑफिस collection', grades: { 'dhadkan-boxoffice': 3, 'dhadkan-song': 1 } },
  { kind: 'mixed', q: 'sona का record', grades: { 'gold-record': 3, 'gold-falls': 2 } },
  { kind: 'mixed', q: 'electric बस lucknow', grades: { 'lucknow-ebus': 3 } },
  { kind: 'mixed', q: 'T20 league का schedule', grades: { 't20-league': 3 } },
  { kind: 'mixed', q: 'H3N2 flu के लक्षण', grades: { h3n2: 3, 'covid-rise': 2, allergy: 1 } },
  { kind: 'mixed', q: 'UPI से ठगी', grades: { 'upi-fraud': 3, 'electricity-fraud': 1 } },
  { kind: 'mixed', q: 'cherry blossom का season', grades: { 'cherry-blossom': 3 } },
  { kind: 'mixed', q: 'मोबाइल app पर live मैच', grades: { 't20-league': 3 } },
  { kind: 'mixed', q: 'कोविड mock drill', grades: { 'covid-rise': 3 } },

  // --- typos
  { kind: 'typo', q: 'jinpign putin', grades: PUTIN_JINPING_MEETING },
  { kind: 'typo', q: 'mulakta', grades: MEETING },
  { kind: 'typo', q: 'electirc bus', grades: { 'lucknow-ebus': 3, 'escooter-sales': 1 } },
  { kind: 'typo', q: 'chery blosom', grades: { 'cherry-blossom': 3 } },
  { kind: 'typo', q: 'everset permit', grades: { everest: 3 } },
  { kind: 'typo', q: 'marathn', grades: { 'half-marathon': 3 } },
  { kind: 'typo', q: 'पुतीन जिनपींग', grades: PUTIN_JINPING_MEETING },
  { kind: 'typo', q: 'टेलिमेडिसन', grades: { telemedicine: 3 } },
  { kind: 'typo', q: 'kremlim', grades: { ref: 3, 'us-warning-ceasefire': 1 } },
  { kind: 'typo', q: 'cricekt league', grades: { 't20-league': 3, 'women-cricket-final': 2, 'ipl-fitness': 1 } },
  { kind: 'typo', q: 'avishvas prastaw', grades: NO_CONFIDENCE },
  { kind: 'typo', q: 'प्याज़ के दम', grades: { 'onion-price': 3 } },
  { kind: 'typo', q: 'shatranz', grades: CHESS },
  { kind: 'typo', q: 'धड़कन एक्सप्रैस', grades: { 'dhadkan-boxoffice': 3, 'dhadkan-song': 3 } },

  // --- synonyms and translations (the words are not in the relevant story)
  { kind: 'synonym', q: 'farmers', grades: FARMERS },
  { kind: 'synonym', q: 'कृषक', grades: FARMERS },
  { kind: 'synonym', q: 'gold price', grades: GOLD_PRICE },
  { kind: 'synonym', q: 'स्वर्ण', grades: GOLD_PRICE },
  { kind: 'synonym', q: 'silver', grades: { 'gold-record': 2, 'gold-falls': 2 } },
  { kind: 'synonym', q: 'onion prices', grades: { 'onion-price': 3 } },
  { kind: 'synonym', q: 'प्याज का मूल्य', grades: { 'onion-price': 3 } },
  { kind: 'synonym', q: 'wheat purchase registration', grades: { 'wheat-procurement': 3, 'wheat-rain': 1 } },
  { kind: 'synonym', q: 'no confidence motion', grades: NO_CONFIDENCE },
  { kind: 'synonym', q: 'chess player', grades: CHESS },
  { kind: 'synonym', q: 'women hockey', grades: { 'women-hockey': 3, 'women-cricket-final': 1 } },
  { kind: 'synonym', q: 'election commission voters', grades: { 'voter-camp': 3 } },
  { kind: 'synonym', q: 'municipal corporation wards', grades: { 'ward-reservation': 3 } },
  { kind: 'synonym', q: 'assembly budget session', grades: { 'budget-session': 3 } },
  { kind: 'synonym', q: 'electricity bill fraud', grades: { 'electricity-fraud': 3, 'upi-fraud': 1 } },
  { kind: 'synonym', q: 'children learn programming', grades: { 'coding-labs': 3 } },
  { kind: 'synonym', q: 'विद्यालय कंप्यूटर लैब', grades: { 'coding-labs': 3 } },
  { kind: 'synonym', q: 'teachers evaluation', grades: { 'board-exam': 3 } },
  { kind: 'synonym', q: 'विद्यार्थी', grades: { 'ai-chatbot': 3, 'board-exam': 2, 'voter-camp': 2, 'coding-labs': 2 } },
  { kind: 'synonym', q: 'weather department alert', grades: { 'wheat-rain': 3, 'delhi-rain': 2, 'cherry-blossom': 1 } },
  { kind: 'synonym', q: 'heavy rain traffic jam', grades: { 'delhi-rain': 3 } },
  { kind: 'synonym', q: 'वर्षा से फसल', grades: { 'wheat-rain': 3, 'delhi-rain': 1 } },
  { kind: 'synonym', q: 'festival shopping', grades: { 'holi-market': 3, 'escooter-sales': 1 } },
  { kind: 'synonym', q: 'sweets', grades: { 'holi-market': 3 } },
  { kind: 'synonym', q: 'होली रेलगाड़ी', grades: HOLI_TRAINS },
  { kind: 'synonym', q: 'tourists sri lanka', grades: { 'srilanka-tourism': 3 } },
  { kind: 'synonym', q: 'mountaineers garbage', grades: { everest: 3 } },
  { kind: 'synonym', q: 'movie trailer', grades: { 'dhoop-chhaon': 3 } },
  { kind: 'synonym', q: 'song fans', grades: { 'dhadkan-song': 3 } },
  { kind: 'synonym', q: 'folk music festival', grades: { 'folk-festival': 3 } },
  { kind: 'synonym', q: 'village doctor advice', grades: { telemedicine: 3, h3n2: 1 } },
  { kind: 'synonym', q: 'चिकित्सालय', grades: HOSPITAL },
  { kind: 'synonym', q: 'fever cough', grades: { 'covid-rise': 3, h3n2: 3, allergy: 2 } },
  { kind: 'synonym', q: 'prime minister japan', grades: { 'pm-japan-meeting': 3 } },
  { kind: 'synonym', q: 'प्रधान मंत्री जापान', grades: { 'pm-japan-meeting': 3 } },
  { kind: 'synonym', q: 'border army talks', grades: { 'border-talks': 3 } },
  { kind: 'synonym', q: 'युद्ध', grades: { 'china-peace-plan': 3, 'us-warning-ceasefire': 3, ref: 2 } },
  { kind: 'synonym', q: 'strike paris garbage', grades: { 'paris-garbage': 3, 'france-pension': 1 } },
  { kind: 'synonym', q: 'wedding murdoch', grades: { murdoch: 3 } },
  { kind: 'synonym', q: 'विवाह', grades: { murdoch: 3 } },
  { kind: 'synonym', q: 'cheap smartphones', grades: { '5g-phones': 3, '5g-towns': 1 } },
  { kind: 'synonym', q: 'electric scooter sales', grades: { 'escooter-sales': 3 } },
  { kind: 'synonym', q: 'bus fare lucknow', grades: { 'lucknow-ebus': 3 } },

  // --- negative: no story covers these; the right answer is nothing
  { kind: 'negative', q: 'qxzzkq', grades: {} },
  { kind: 'negative', q: 'asdfgh', grades: {} },
  { kind: 'negative', q: 'modi', grades: {} },
  { kind: 'negative', q: 'court verdict', grades: {} },
  { kind: 'negative', q: 'अदालत का फैसला', grades: {} },
  { kind: 'negative', q: 'road accident', grades: {} },
  { kind: 'negative', q: 'सड़क हादसा', grades: {} },
  { kind: 'negative', q: 'earthquake', grades: {} },
  { kind: 'negative', q: 'भूकंप के झटके', grades: {} },
  { kind: 'negative', q: 'flood relief', grades: {} },
  { kind: 'negative', q: 'बाढ़ राहत शिविर', grades: {} },
  { kind: 'negative', q: 'cyclone warning', grades: {} },
  { kind: 'negative', q: 'तूफान', grades: {} },
  { kind: 'negative', q: 'petrol diesel price', grades: {} },
  { kind: 'negative', q: 'पेट्रोल डीजल', grades: {} },
  { kind: 'negative', q: 'nasa mars mission', grades: {} },
  { kind: 'negative', q: 'bitcoin', grades: {} },
  { kind: 'negative', q: 'दहेज हत्या', grades: {} },
  { kind: 'negative', q: 'tiger reserve', grades: {} },
  { kind: 'negative', q: 'बाघ अभयारण्य', grades: {} },
  { kind: 'negative', q: 'monsoon kerala', grades: {} },
  { kind: 'negative', q: 'chandrayaan', grades: {} },
  { kind: 'negative', q: 'प्रदूषण', grades: {} },
  { kind: 'negative', q: 'kidney transplant', grades: {} },
  { kind: 'negative', q: 'ओलंपिक पदक', grades: {} },
];
