/**
 * The Redirects screen (old addresses that answer 301) in Hindi and English; each user
 * picks one. `en` is typed as `hi`, so a missing translation is a type error.
 */
import type { User } from '../../domain/users/user.ts';

const hi = {
  title: 'रीडायरेक्ट',
  intro: 'पुराने पते (जैसे पुरानी वर्डप्रेस साइट के लिंक) जो अब नए पते पर भेजते हैं (301)। रीडायरेक्ट तभी काम करता है जब उस पते पर साइट का अपना कोई पेज न हो। नया पता इसी साइट का होना चाहिए, जैसे /videsh/khabar-12।',
  count: (n: number) => (n === 1 ? '1 रीडायरेक्ट' : `${n} रीडायरेक्ट`),
  empty: 'कोई रीडायरेक्ट नहीं।',
  searchLabel: 'पुराना या नया पता खोजें',
  search: 'खोजें',
  fromPath: 'पुराना पता',
  fromPathHelp: 'जैसे /2024/03/21/khabar/ या /?p=123 या पूरा पुराना लिंक। आखिरी / और हिंदी अक्षरों की एन्कोडिंग से फर्क नहीं पड़ता।',
  toPath: 'नया पता',
  toPathHelp: 'इसी साइट का पता, / से शुरू, जैसे /videsh या /tag/putin।',
  origin: 'स्रोत',
  origins: { manual: 'हाथ से', wordpress: 'वर्डप्रेस आयात' } as Record<string, string>,
  updated: 'बदला गया',
  actions: 'बदलाव',
  add: 'रीडायरेक्ट जोड़ें',
  edit: 'बदलें',
  editTitle: 'रीडायरेक्ट बदलें',
  save: 'सहेजें',
  delete: 'हटाएं',
  back: '← सभी रीडायरेक्ट',
  saved: 'रीडायरेक्ट सहेजा गया।',
  deleted: 'रीडायरेक्ट हटाया गया।',
  fixErrors: 'नीचे लाल निशान वाली जानकारी ठीक करें।',
  errors: {
    fromPath: 'पुराना पता / से शुरू होना चाहिए (या http(s):// वाला पूरा लिंक), बिना खाली हिस्सों (//) या टूटी एन्कोडिंग के।',
    'fromPath:taken': 'इस पुराने पते का रीडायरेक्ट पहले से है; उसी को बदलें।',
    toPath: 'नया पता इसी साइट का होना चाहिए: / से शुरू, दूसरी साइट (// या http://) नहीं।',
    'toPath:loop': 'नया पता वही है जो पुराना; यह कभी खत्म न होने वाला रीडायरेक्ट बनेगा।',
    origin: 'स्रोत सही नहीं है।',
  } as Record<string, string>,
  invalid: 'यह जानकारी सही नहीं है।',
};

const en: typeof hi = {
  title: 'Redirects',
  intro: 'Old addresses (such as links to the old WordPress site) that send readers on to a new address (301). A redirect works only where the site has no page of its own at that address. The new address must be on this site, such as /videsh/khabar-12.',
  count: (n: number) => (n === 1 ? '1 redirect' : `${n} redirects`),
  empty: 'No redirects.',
  searchLabel: 'Search old or new addresses',
  search: 'Search',
  fromPath: 'Old address',
  fromPathHelp: 'Such as /2024/03/21/story/ or /?p=123, or a whole old link. A final / and how Hindi letters are encoded make no difference.',
  toPath: 'New address',
  toPathHelp: 'An address on this site, starting with /, such as /videsh or /tag/putin.',
  origin: 'Origin',
  origins: { manual: 'by hand', wordpress: 'WordPress import' },
  updated: 'Changed',
  actions: 'Changes',
  add: 'Add redirect',
  edit: 'Edit',
  editTitle: 'Edit redirect',
  save: 'Save',
  delete: 'Delete',
  back: '← All redirects',
  saved: 'Redirect saved.',
  deleted: 'Redirect deleted.',
  fixErrors: 'Please correct the fields marked below.',
  errors: {
    fromPath: 'The old address must start with / (or be a whole http(s):// link), with no empty parts (//) or broken encoding.',
    'fromPath:taken': 'This old address has a redirect already; edit that one.',
    toPath: 'The new address must be on this site: starting with /, not another site (// or http://).',
    'toPath:loop': 'The new address is the old one; it would redirect forever.',
    origin: 'The origin is not valid.',
  },
  invalid: 'This is not valid.',
};

export const REDIRECT_ADMIN_STRINGS = { hi, en } as const;
export type RedirectAdminStrings = typeof hi;

export function redirectStringsFor(user: Pick<User, 'locale'> | null): RedirectAdminStrings {
  return REDIRECT_ADMIN_STRINGS[user?.locale ?? 'hi'];
}

/** The message for a refused field, in the user's language. */
export function redirectFieldMessage(t: RedirectAdminStrings, field: string, reason?: string): string {
  return (reason ? t.errors[`${field}:${reason}`] : undefined) ?? t.errors[field] ?? t.invalid;
}
