/**
 * The error catalogue: every error a reader or client can see has a stable code,
 * an HTTP status and a public message in Hindi and English. Anything else that is
 * thrown is an internal error: it is logged, and the reader sees only INTERNAL.
 */
export interface CatalogueEntry {
  readonly status: number;
  readonly title: { readonly hi: string; readonly en: string };
  readonly message: { readonly hi: string; readonly en: string };
}

export const ERRORS = {
  NOT_FOUND: {
    status: 404,
    title: { hi: 'पेज नहीं मिला', en: 'Page not found' },
    message: {
      hi: 'आप जो पेज खोज रहे हैं, वह यहां नहीं है। हो सकता है लिंक पुराना हो या पता गलत लिखा गया हो।',
      en: 'The page you are looking for is not here. The link may be old or the address mistyped.',
    },
  },
  BAD_URL: {
    status: 400,
    title: { hi: 'गलत पता', en: 'Bad address' },
    message: {
      hi: 'इस पते को पढ़ा नहीं जा सका। कृपया लिंक जांचकर दोबारा कोशिश करें।',
      en: 'This address could not be read. Please check the link and try again.',
    },
  },
  URL_TOO_LONG: {
    status: 414,
    title: { hi: 'पता बहुत लंबा है', en: 'Address too long' },
    message: {
      hi: 'यह पता बहुत लंबा है। कृपया होम पेज से खबर खोजें।',
      en: 'This address is too long. Please find the story from the home page.',
    },
  },
  REQUEST_TOO_LARGE: {
    status: 431,
    title: { hi: 'अनुरोध बहुत बड़ा है', en: 'Request too large' },
    message: {
      hi: 'यह अनुरोध बहुत बड़ा है। कृपया होम पेज से खबर खोजें।',
      en: 'This request is too large. Please find the story from the home page.',
    },
  },
  BAD_REQUEST: {
    status: 400,
    title: { hi: 'गलत अनुरोध', en: 'Bad request' },
    message: {
      hi: 'यह अनुरोध समझा नहीं जा सका।',
      en: 'This request could not be understood.',
    },
  },
  INVALID_INPUT: {
    status: 400,
    title: { hi: 'जानकारी सही नहीं है', en: 'Invalid input' },
    message: {
      hi: 'भेजी गई जानकारी में कोई गलती है। कृपया जांचकर दोबारा भेजें।',
      en: 'Something in what was sent is not valid. Please check it and send it again.',
    },
  },
  UNAUTHORIZED: {
    status: 401,
    title: { hi: 'साइन इन करें', en: 'Sign in required' },
    message: { hi: 'यह पेज देखने के लिए साइन इन करें।', en: 'Please sign in to see this page.' },
  },
  /** The integration API (/api/v1/admin/) without an `Authorization: Bearer sk_…` header. */
  API_KEY_REQUIRED: {
    status: 401,
    title: { hi: 'API कुंजी चाहिए', en: 'API key required' },
    message: { hi: 'इस पते के लिए Authorization: Bearer हेडर में API कुंजी भेजें।', en: 'Send an API key in an Authorization: Bearer header for this address.' },
  },
  /** A key that is malformed, unknown or revoked: one answer for all, so it says nothing about which. */
  API_KEY_INVALID: {
    status: 401,
    title: { hi: 'API कुंजी मान्य नहीं', en: 'Invalid API key' },
    message: { hi: 'यह API कुंजी मान्य नहीं है: हो सकता है यह गलत हो या रद्द कर दी गई हो।', en: 'This API key is not valid: it may be wrong or revoked.' },
  },
  /** /metrics without the right `Authorization: Bearer` token (METRICS_TOKEN); one answer for missing and wrong. */
  METRICS_TOKEN_REQUIRED: {
    status: 401,
    title: { hi: 'टोकन चाहिए', en: 'Token required' },
    message: { hi: 'मेट्रिक्स देखने के लिए Authorization: Bearer हेडर में सही टोकन भेजें।', en: 'Send the right token in an Authorization: Bearer header to read the metrics.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { hi: 'अनुमति नहीं', en: 'Not allowed' },
    message: { hi: 'आपके खाते को यह करने की अनुमति नहीं है।', en: 'Your account is not allowed to do this.' },
  },
  CSRF: {
    status: 403,
    title: { hi: 'अनुरोध सत्यापित नहीं हुआ', en: 'Request not verified' },
    message: {
      hi: 'यह अनुरोध इस साइट के फॉर्म से आया नहीं लगता। कृपया पेज दोबारा खोलकर कोशिश करें।',
      en: 'This request does not seem to come from this site’s own form. Please reload the page and try again.',
    },
  },
  COMMENTS_CLOSED: {
    status: 403,
    title: { hi: 'टिप्पणियां बंद हैं', en: 'Comments are closed' },
    message: {
      hi: 'इस खबर पर अब टिप्पणियां नहीं की जा सकतीं।',
      en: 'Comments on this story are closed.',
    },
  },
  CONFLICT: {
    status: 409,
    title: { hi: 'पहले से मौजूद', en: 'Already exists' },
    message: { hi: 'यह पहले से मौजूद है।', en: 'This already exists.' },
  },
  EDIT_CONFLICT: {
    status: 409,
    title: { hi: 'किसी और ने बदलाव सहेजे', en: 'Someone else saved changes' },
    message: {
      hi: 'आपके यह खबर खोलने के बाद किसी और ने इसमें बदलाव सहेजे हैं। उनका संस्करण देखें, या अपना संस्करण नए रिविज़न के रूप में रखें।',
      en: 'Someone else saved changes to this story after you opened it. Load their version, or keep yours as a new revision.',
    },
  },
  GONE: {
    status: 410,
    title: { hi: 'यह खबर हटा दी गई है', en: 'This story has been removed' },
    message: {
      hi: 'यह खबर अब उपलब्ध नहीं है: इसे वेबसाइट से हटा दिया गया है। ताज़ा खबरें होम पेज पर पढ़ें।',
      en: 'This story is no longer available: it has been removed from the site. Read the latest news on the home page.',
    },
  },
  MEDIA_IN_USE: {
    status: 409,
    title: { hi: 'फोटो इस्तेमाल में है', en: 'Photo in use' },
    message: {
      hi: 'यह फोटो किसी खबर में इस्तेमाल हो रही है, इसलिए हटाई नहीं जा सकती। पहले उन खबरों में इसकी जगह दूसरी फोटो लगाएं।',
      en: 'This photo is used by a story, so it cannot be deleted. Replace it in those stories first.',
    },
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    title: { hi: 'बहुत ज़्यादा कोशिशें', en: 'Too many attempts' },
    message: { hi: 'बहुत ज़्यादा कोशिशें हुईं। कृपया थोड़ी देर बाद दोबारा कोशिश करें।', en: 'Too many attempts. Please wait a little and try again.' },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: { hi: 'यह तरीका मान्य नहीं', en: 'Method not allowed' },
    message: {
      hi: 'इस पते पर यह अनुरोध नहीं किया जा सकता।',
      en: 'This request cannot be made at this address.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { hi: 'बहुत बड़ा', en: 'Too large' },
    message: { hi: 'भेजी गई जानकारी बहुत बड़ी है।', en: 'What was sent is too large.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { hi: 'यह प्रारूप मान्य नहीं', en: 'Unsupported format' },
    message: { hi: 'भेजी गई जानकारी का प्रारूप मान्य नहीं है।', en: 'The format of what was sent is not supported.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: { hi: 'साइट अभी उपलब्ध नहीं', en: 'Temporarily unavailable' },
    message: {
      hi: 'साइट अभी कुछ देर के लिए उपलब्ध नहीं है। कृपया थोड़ी देर बाद दोबारा कोशिश करें।',
      en: 'The site is unavailable for a moment. Please try again shortly.',
    },
  },
  /** A live-blog post or end on a story that is not a live blog (start it first). */
  LIVE_BLOG_NOT_STARTED: {
    status: 409,
    title: { hi: 'लाइव ब्लॉग शुरू नहीं हुआ', en: 'Live blog not started' },
    message: { hi: 'यह खबर अभी लाइव ब्लॉग नहीं है। पहले लाइव ब्लॉग शुरू करें।', en: 'This story is not a live blog yet. Start the live blog first.' },
  },
  /** The live blog was ended: no new posts until it is started again. */
  LIVE_BLOG_ENDED: {
    status: 409,
    title: { hi: 'लाइव ब्लॉग समाप्त', en: 'Live blog ended' },
    message: { hi: 'यह लाइव ब्लॉग समाप्त हो चुका है। नया अपडेट जोड़ने के लिए इसे फिर से शुरू करें।', en: 'This live blog has ended. Start it again to add a new update.' },
  },
  /** This process holds its cap of live streams (LIVE_MAX_CONNECTIONS): 503 with Retry-After; the page polls instead. */
  LIVE_FULL: {
    status: 503,
    title: { hi: 'लाइव अपडेट अभी भरे हुए हैं', en: 'Live updates are full' },
    message: {
      hi: 'अभी बहुत से पाठक लाइव अपडेट देख रहे हैं। पेज अपने आप कुछ देर में ताज़ा होता रहेगा।',
      en: 'Very many readers are following live updates right now. The page will refresh itself every little while.',
    },
  },
  /** Heavy work (photo encodes, revision comparisons) has a bounded queue; past it, 503 with Retry-After. */
  BUSY: {
    status: 503,
    title: { hi: 'सर्वर अभी व्यस्त है', en: 'The server is busy' },
    message: {
      hi: 'सर्वर अभी दूसरी फोटो या तुलनाएं तैयार कर रहा है। कुछ सेकंड बाद दोबारा कोशिश करें; कुछ भी आधा सहेजा नहीं गया है।',
      en: 'The server is busy preparing other photos or comparisons. Please try again in a few seconds; nothing was half-saved.',
    },
  },
  /** The photo store (S3, MEDIA_STORAGE=s3) does not answer or is misconfigured: 503 with Retry-After; nothing was half-saved. */
  MEDIA_STORAGE_UNAVAILABLE: {
    status: 503,
    title: { hi: 'फोटो भंडार अभी उपलब्ध नहीं', en: 'Photo storage unavailable' },
    message: {
      hi: 'फोटो भंडार (ऑब्जेक्ट स्टोरेज) से अभी संपर्क नहीं हो पा रहा है। फोटो सहेजी नहीं गई है; थोड़ी देर बाद दोबारा कोशिश करें।',
      en: 'The photo storage (object storage) cannot be reached right now. The photo was not saved; please try again shortly.',
    },
  },
  INTERNAL: {
    status: 500,
    title: { hi: 'कुछ गड़बड़ हो गई', en: 'Something went wrong' },
    message: {
      hi: 'हमारी ओर से कुछ गड़बड़ हो गई। कृपया थोड़ी देर बाद दोबारा कोशिश करें।',
      en: 'Something went wrong on our side. Please try again shortly.',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** An error with a catalogue code, thrown by services and mapped to HTTP by the error plugin. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    /** The input field at fault, if one is. */
    readonly field?: string,
    /** Internal detail for logs; never shown to readers. */
    detail?: string,
    /** Facts a newsroom client needs to recover (e.g. who saved first); sent in the JSON answer. Never secret. */
    readonly data?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? (field ? `${code}: ${field}` : code));
  }
}

export function catalogueEntry(code: ErrorCode): CatalogueEntry {
  return ERRORS[code];
}

/**
 * What kind of storage failure `error` is, or null when it is not one (a bug, bad input).
 * Every kind is the database being unable to serve right now, not the request's fault:
 * the answer is 503 with Retry-After, the log names the kind (a full disk says so), and
 * the next request tries again. Reads only the error's own fields (`code`, `message`, as
 * better-sqlite3 and pg set them), so it needs no database driver.
 */
export type DatabaseFailureKind = 'disk-full' | 'read-only' | 'corrupt' | 'locked' | 'io' | 'unreachable' | 'timeout' | 'no-database' | 'login' | 'unavailable';

/** Network failures of a connection to the database (or any service). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** pg's own words for a connection that broke or was closed under a query. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Connection refused)/;
/** The server's statement_timeout (57014), pg's query_timeout and connectionTimeoutMillis: a partition fails fast. */
const PG_TIMEOUT_MESSAGES = /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;
/** PostgreSQL: shutting down or starting up, too many connections, out of memory or resources. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '53000', '53200']);

export function databaseFailureKind(error: unknown): DatabaseFailureKind | null {
  if (typeof error !== 'object' || error === null) return null;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const kind = databaseFailureKind(inner);
      if (kind) return kind;
    }
    return null;
  }
  const { code: rawCode, message: rawMessage } = error as { code?: unknown; message?: unknown };
  const code = typeof rawCode === 'string' ? rawCode : '';
  const message = typeof rawMessage === 'string' ? rawMessage : '';
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === '53100') return 'disk-full';
  // 25006: a read-only transaction (DATABASE_URL names a replica).
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === '25006') return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_BUSY')) return 'locked';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PROTOCOL' || code === '58030') return 'io';
  if (code === '3D000') return 'no-database';
  if (code === '28P01' || code === '28000') return 'login';
  if (code === '57014' || PG_TIMEOUT_MESSAGES.test(message)) return 'timeout';
  if (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || PG_CONNECTION_MESSAGES.test(message)) return 'unreachable';
  if (PG_UNAVAILABLE.has(code)) return 'unavailable';
  return null;
}

const FAILURE_WORDS: Record<DatabaseFailureKind, string> = {
  'disk-full': 'disk full',
  'read-only': 'read-only',
  corrupt: 'damaged database file',
  locked: 'locked',
  io: 'disk error',
  unreachable: 'unreachable',
  timeout: 'timed out',
  'no-database': 'no such database',
  login: 'login refused',
  unavailable: 'unavailable',
};

/** A few words for a log line: `disk full`, `timed out`… */
export function databaseFailureWords(kind: DatabaseFailureKind): string {
  return FAILURE_WORDS[kind];
}

/**
 * Whether `error` means the database cannot serve right now (not a bug, not bad input):
 * the answer is 503 with Retry-After, and the next request tries again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailureKind(error) !== null;
}
