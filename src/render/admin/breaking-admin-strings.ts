/**
 * The Breaking news screen in Hindi and English; each user picks one. `en` is typed as
 * `hi`, so a missing translation is a type error.
 */
import type { User } from '../../domain/users/user.ts';

const hi = {
  title: 'ब्रेकिंग न्यूज़',
  intro: 'एक लाइन की ब्रेकिंग खबर, जो पाठकों को हर पेज पर ऊपर दिखती है। सहेजते ही (एक सेकंड के अंदर) सभी पेजों पर दिखने लगती है, और तय समय पर अपने-आप हट जाती है।',
  showing: 'अभी दिख रही है:',
  expired: 'समय खत्म हो गया, अब नहीं दिख रही:',
  none: 'अभी कोई ब्रेकिंग न्यूज़ नहीं है।',
  until: (when: string) => `${when} तक`,
  noExpiry: 'हटाने तक',
  text: 'खबर की लाइन',
  textHelp: 'एक लाइन, ज़्यादा से ज़्यादा 160 अक्षर।',
  link: 'लिंक (वैकल्पिक)',
  linkHelp: 'इसी साइट का पता (/ से शुरू, जैसे /videsh/khabar-12) या https:// वाला पूरा लिंक।',
  expiresAt: 'कब हटे (वैकल्पिक, भारतीय समय)',
  expiresAtHelp: 'खाली छोड़ें तो तब तक दिखेगी जब तक आप हटाएं नहीं।',
  save: 'सहेजें और दिखाएं',
  clear: 'ब्रेकिंग न्यूज़ हटाएं',
  saved: 'ब्रेकिंग न्यूज़ सहेजी गई; अब सभी पेजों पर दिख रही है।',
  cleared: 'ब्रेकिंग न्यूज़ हटा दी गई।',
  fixErrors: 'नीचे लाल निशान वाली जानकारी ठीक करें।',
  errors: {
    'text:empty': 'खबर की लाइन लिखें।',
    'text:too-long': 'लाइन बहुत लंबी है: ज़्यादा से ज़्यादा 160 अक्षर।',
    text: 'खबर की लाइन सही नहीं है।',
    link: 'लिंक इसी साइट का पता (/ से शुरू) या http:// या https:// वाला पूरा लिंक होना चाहिए।',
    'expiresAt:past': 'हटने का समय आगे का होना चाहिए।',
    expiresAt: 'समय सही नहीं है: तारीख और समय चुनें।',
  } as Record<string, string>,
  invalid: 'यह जानकारी सही नहीं है।',
};

const en: typeof hi = {
  title: 'Breaking news',
  intro: 'A one-line breaking alert readers see at the top of every page. It shows on every page as soon as it is saved (within a second) and disappears by itself at the time you set.',
  showing: 'Showing now:',
  expired: 'Expired, no longer showing:',
  none: 'There is no breaking news at the moment.',
  until: (when: string) => `until ${when}`,
  noExpiry: 'until cleared',
  text: 'Alert text',
  textHelp: 'One line, at most 160 characters.',
  link: 'Link (optional)',
  linkHelp: 'An address on this site (starting with /, such as /videsh/khabar-12) or a whole https:// link.',
  expiresAt: 'Remove at (optional, India time)',
  expiresAtHelp: 'Leave empty to show it until you clear it.',
  save: 'Save and show',
  clear: 'Clear breaking news',
  saved: 'Breaking news saved; it now shows on every page.',
  cleared: 'Breaking news cleared.',
  fixErrors: 'Please correct the fields marked below.',
  errors: {
    'text:empty': 'Write the alert text.',
    'text:too-long': 'The line is too long: at most 160 characters.',
    text: 'The alert text is not valid.',
    link: 'The link must be an address on this site (starting with /) or a whole http:// or https:// link.',
    'expiresAt:past': 'The removal time must be in the future.',
    expiresAt: 'The time is not valid: choose a date and time.',
  },
  invalid: 'This is not valid.',
};

export const BREAKING_ADMIN_STRINGS = { hi, en } as const;
export type BreakingAdminStrings = typeof hi;

export function breakingStringsFor(user: Pick<User, 'locale'> | null): BreakingAdminStrings {
  return BREAKING_ADMIN_STRINGS[user?.locale ?? 'hi'];
}

/** The message for a refused field, in the user's language. */
export function breakingFieldMessage(t: BreakingAdminStrings, field: string, reason?: string): string {
  return (reason ? t.errors[`${field}:${reason}`] : undefined) ?? t.errors[field] ?? t.invalid;
}
