import type { ReaderLanguage } from '../domain/settings/settings.ts';

/**
 * The reader site's interface text, in the site's reader language (the setting
 * `readerLanguage`): `hi` is Hindi throughout; `en` is the same Hindi page with the
 * reference page's own English labels (`Updates`, and the comment form below, `Leave a
 * Reply` …), which are marked `lang="en"` where they appear so screen readers pronounce
 * them right. Dates follow the same setting (lib/dates.ts). Pages read these through
 * `readerLocale()` (reader-locale.ts), never by language directly.
 */
const hi = {
  home: 'होम',
  skipToContent: 'मुख्य सामग्री पर जाएं',
  sections: 'सेक्शन',
  updates: 'अपडेट्स',
  /** The label of the breaking-news banner (decision 029). */
  breaking: 'ब्रेकिंग न्यूज़',
  /** The most-read box in the side column (decision 029). */
  mostRead: 'सबसे ज़्यादा पढ़ी गई',
  latest: 'ताज़ा खबरें',
  topStories: 'बड़ी खबरें',
  more: 'और खबरें',
  published: 'प्रकाशित',
  updated: 'अपडेट',
  by: 'लेखक',
  tags: 'टैग',
  related: 'ये भी पढ़ें',
  correction: 'सुधार',
  /** The heading of a story's dated corrections (decision 025). */
  corrections: 'सुधार',
  photo: 'फोटो',
  commentsCount: (n: number) => (n === 1 ? '1 टिप्पणी' : `${n} टिप्पणियां`),
  noComments: 'अभी कोई टिप्पणी नहीं। पहली टिप्पणी आप करें।',
  commentsClosed: 'इस खबर पर टिप्पणियां बंद हैं।',
  page: (n: number) => `पेज ${n}`,
  previous: 'पिछला',
  next: 'अगला',
  pagination: 'पेज',
  noStories: 'इस पेज पर अभी कोई खबर नहीं है।',
  tagTitle: (name: string) => `${name}: टैग की सभी खबरें`,
  authorStories: 'की खबरें',
  goHome: 'होम पेज पर जाएं',
  source: 'स्रोत',
  asOf: 'अपडेट',
  footerNote: 'समाचार: एक खुला न्यूज़ पब्लिशिंग प्लेटफॉर्म।',
  search: {
    label: 'खबरें खोजें',
    placeholder: 'खोजें: हिंदी, Hinglish या English',
    submit: 'खोजें',
    title: 'खोज',
    resultsFor: (q: string) => `‘${q}’ के लिए खोज के नतीजे`,
    count: (n: number, capped: boolean) => `${capped ? `${n} से ज़्यादा` : n} ${n === 1 ? 'खबर मिली' : 'खबरें मिलीं'}`,
    noResults: (q: string) => `‘${q}’ से जुड़ी कोई खबर नहीं मिली।`,
    noResultsFiltered: 'इन फ़िल्टर के साथ कोई खबर नहीं मिली। सेक्शन या तारीख बदलकर देखें।',
    tips: 'कम शब्दों से, दूसरी वर्तनी में, या हिंदी, रोमन (जैसे putin jinping mulakat) या अंग्रेज़ी में खोजकर देखें।',
    empty: 'खोजने के लिए कोई शब्द लिखें: हिंदी में, रोमन में (जैसे putin jinping mulakat) या अंग्रेज़ी में।',
    didYouMean: 'क्या आप यह खोज रहे थे:',
    /** Before "typed → found" pairs: a result found through another script or a translation. */
    matchedAs: 'इस शब्द से मिली:',
    pastEnd: 'इस पेज पर कोई नतीजा नहीं है।',
    firstPage: 'पहले पेज पर जाएं',
    section: 'सेक्शन',
    allSections: 'सभी सेक्शन',
    from: 'इस तारीख से',
    to: 'इस तारीख तक',
    filters: 'फ़िल्टर',
    results: 'खोज के नतीजे',
  },
};

export type ReaderStrings = typeof hi;

/** The reference page's English labels; everything it shows in Hindi stays Hindi. */
const en: ReaderStrings = { ...hi, updates: 'Updates', corrections: 'Correction' };

export const READER_STRINGS: Readonly<Record<ReaderLanguage, ReaderStrings>> = { hi, en };

/**
 * The Hindi catalogue, for text that is Hindi in both reader languages. A label that
 * differs by language must come from `readerLocale(settings).t` instead.
 */
export const T = hi;

/** The comment form's language: the site's reader language. */
export type CommentLanguage = ReaderLanguage;

/**
 * The comment form, its notices and messages, in the site's reader language (`en` as the
 * reference page shows it). Field messages are keyed by field, then by problem (see
 * domain/comments/comment-input.ts), each saying what to do.
 */
export const COMMENT_STRINGS = {
  en: {
    leaveReply: 'Leave a Reply',
    replyTo: (name: string) => `Reply to ${name}`,
    cancelReply: 'Cancel reply',
    emailNotice: 'Your email address will not be published.',
    requiredNotice: 'Required fields are marked',
    commentLabel: 'Comment',
    nameLabel: 'Name',
    emailLabel: 'Email',
    websiteLabel: 'Website',
    postComment: 'Post Comment',
    sending: 'Sending…',
    reply: 'Reply',
    inReplyTo: 'in reply to',
    newsroom: 'Newsroom',
    honeypot: 'Leave this field empty',
    published: 'Thank you! Your comment has been published.',
    held: 'Thank you! Your comment is awaiting moderation and will appear once an editor has approved it.',
    fixErrors: 'Please correct the fields marked below; what you typed has been kept.',
    tooMany: (minutes: number) => `You have posted many comments in a short time. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    closed: 'Comments on this story are closed.',
    network: 'Your comment could not be sent. Please check your connection and try again; what you typed has been kept.',
    tooLarge: 'What was sent is too large. A comment may have at most 5,000 characters.',
    failed: 'Your comment could not be posted. Please try again.',
    fields: {
      comment: {
        required: 'Please write your comment.',
        'too-long': 'Your comment is longer than 5,000 characters. Please shorten it.',
        control: 'Your comment contains control characters that cannot be stored. Please remove them.',
        bidi: 'Your comment contains invisible text-direction override characters. Please remove them.',
        encoding: 'Your comment could not be read as text (it was not valid UTF-8). Please type it again.',
        duplicate: 'You have already posted this comment.',
      },
      author: {
        required: 'Please enter your name.',
        'too-long': 'Your name is longer than 100 characters.',
        control: 'Your name cannot contain line breaks or control characters.',
        bidi: 'Your name contains invisible text-direction override characters. Please remove them.',
        invisible: 'Your name contains invisible characters (such as zero-width spaces). Please remove them.',
        encoding: 'Your name could not be read as text (it was not valid UTF-8). Please type it again.',
      },
      email: {
        required: 'Please enter your email address.',
        invalid: 'Please enter a valid email address, like name@example.com.',
        'too-long': 'Your email address is longer than 254 characters.',
        control: 'Your email address cannot contain line breaks or control characters.',
        bidi: 'Your email address contains invisible text-direction override characters.',
        encoding: 'Your email address could not be read as text (it was not valid UTF-8).',
      },
      url: {
        invalid: 'Please enter a website address like https://example.com, or leave it empty.',
        scheme: 'Only http:// and https:// website addresses are allowed.',
        'too-long': 'The website address is longer than 200 characters.',
        control: 'The website address cannot contain line breaks or control characters.',
        bidi: 'The website address contains invisible text-direction override characters.',
        encoding: 'The website address could not be read as text (it was not valid UTF-8).',
      },
      parent: {
        invalid: 'The comment you are replying to is not available any more.',
        'not-found': 'The comment you are replying to is not available any more.',
      },
    },
    fallback: 'Please check this field.',
  },
  hi: {
    leaveReply: 'अपनी टिप्पणी लिखें',
    replyTo: (name: string) => `${name} को जवाब दें`,
    cancelReply: 'जवाब रद्द करें',
    emailNotice: 'आपका ईमेल पता प्रकाशित नहीं किया जाएगा।',
    requiredNotice: 'ज़रूरी फ़ील्ड पर निशान लगा है',
    commentLabel: 'टिप्पणी',
    nameLabel: 'नाम',
    emailLabel: 'ईमेल',
    websiteLabel: 'वेबसाइट',
    postComment: 'टिप्पणी भेजें',
    sending: 'भेजी जा रही है…',
    reply: 'जवाब दें',
    inReplyTo: 'के जवाब में',
    newsroom: 'संपादकीय टीम',
    honeypot: 'इस फ़ील्ड को खाली छोड़ें',
    published: 'धन्यवाद! आपकी टिप्पणी प्रकाशित हो गई है।',
    held: 'धन्यवाद! आपकी टिप्पणी मॉडरेशन के लिए रुकी है; संपादक की मंज़ूरी के बाद दिखेगी।',
    fixErrors: 'कृपया नीचे निशान लगे फ़ील्ड ठीक करें; आपका लिखा हुआ सुरक्षित है।',
    tooMany: (minutes: number) => `आपने कम समय में बहुत सारी टिप्पणियां भेजी हैं। कृपया ${minutes} मिनट बाद दोबारा कोशिश करें।`,
    closed: 'इस खबर पर टिप्पणियां बंद हैं।',
    network: 'टिप्पणी भेजी नहीं जा सकी। कृपया इंटरनेट कनेक्शन जांचकर दोबारा कोशिश करें; आपका लिखा हुआ सुरक्षित है।',
    tooLarge: 'भेजी गई जानकारी बहुत बड़ी है। टिप्पणी ज़्यादा से ज़्यादा 5,000 अक्षरों की हो सकती है।',
    failed: 'टिप्पणी प्रकाशित नहीं हो सकी। कृपया दोबारा कोशिश करें।',
    fields: {
      comment: {
        required: 'कृपया अपनी टिप्पणी लिखें।',
        'too-long': 'टिप्पणी 5,000 अक्षरों से लंबी है। कृपया इसे छोटा करें।',
        control: 'टिप्पणी में ऐसे कंट्रोल अक्षर हैं जिन्हें सहेजा नहीं जा सकता। कृपया उन्हें हटाएं।',
        bidi: 'टिप्पणी में दिशा बदलने वाले अदृश्य अक्षर हैं। कृपया उन्हें हटाएं।',
        encoding: 'टिप्पणी टेक्स्ट के रूप में पढ़ी नहीं जा सकी (UTF-8 सही नहीं है)। कृपया दोबारा लिखें।',
        duplicate: 'आप यह टिप्पणी पहले ही भेज चुके हैं।',
      },
      author: {
        required: 'कृपया अपना नाम लिखें।',
        'too-long': 'नाम 100 अक्षरों से लंबा है।',
        control: 'नाम में लाइन ब्रेक या कंट्रोल अक्षर नहीं हो सकते।',
        bidi: 'नाम में दिशा बदलने वाले अदृश्य अक्षर हैं। कृपया उन्हें हटाएं।',
        invisible: 'नाम में अदृश्य अक्षर (जैसे ज़ीरो-विड्थ स्पेस) हैं। कृपया उन्हें हटाएं।',
        encoding: 'नाम टेक्स्ट के रूप में पढ़ा नहीं जा सका (UTF-8 सही नहीं है)। कृपया दोबारा लिखें।',
      },
      email: {
        required: 'कृपया अपना ईमेल पता लिखें।',
        invalid: 'कृपया सही ईमेल पता लिखें, जैसे name@example.com।',
        'too-long': 'ईमेल पता 254 अक्षरों से लंबा है।',
        control: 'ईमेल पते में लाइन ब्रेक या कंट्रोल अक्षर नहीं हो सकते।',
        bidi: 'ईमेल पते में दिशा बदलने वाले अदृश्य अक्षर हैं।',
        encoding: 'ईमेल पता टेक्स्ट के रूप में पढ़ा नहीं जा सका (UTF-8 सही नहीं है)।',
      },
      url: {
        invalid: 'कृपया https://example.com जैसा वेबसाइट पता लिखें, या इसे खाली छोड़ें।',
        scheme: 'सिर्फ़ http:// और https:// वाले वेबसाइट पते स्वीकार हैं।',
        'too-long': 'वेबसाइट का पता 200 अक्षरों से लंबा है।',
        control: 'वेबसाइट के पते में लाइन ब्रेक या कंट्रोल अक्षर नहीं हो सकते।',
        bidi: 'वेबसाइट के पते में दिशा बदलने वाले अदृश्य अक्षर हैं।',
        encoding: 'वेबसाइट का पता टेक्स्ट के रूप में पढ़ा नहीं जा सका (UTF-8 सही नहीं है)।',
      },
      parent: {
        invalid: 'जिस टिप्पणी का आप जवाब दे रहे हैं, वह अब उपलब्ध नहीं है।',
        'not-found': 'जिस टिप्पणी का आप जवाब दे रहे हैं, वह अब उपलब्ध नहीं है।',
      },
    },
    fallback: 'कृपया यह फ़ील्ड जांचें।',
  },
} as const;

/** The message for one field's problem, in the form's language. */
export function commentFieldMessage(lang: CommentLanguage, field: string, problem: string): string {
  const s = COMMENT_STRINGS[lang];
  const byField = (s.fields as Record<string, Record<string, string>>)[field];
  return byField?.[problem] ?? s.fallback;
}

