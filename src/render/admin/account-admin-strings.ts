/**
 * Interface text of account management (bylines on the users screen, password reset
 * links and the reset form) in Hindi and English. `en` is typed by `hi`, so a missing
 * translation is a type error. Kept apart from admin-strings.ts so these screens can
 * grow without touching the shared catalogue.
 */
import type { Locale } from '../../domain/users/user.ts';

const hi = {
  // Users screen: bylines
  byline: 'लेखक प्रोफ़ाइल (बायलाइन)',
  bylineHelp: 'खाते से जुड़ी लेखक प्रोफ़ाइल उसकी हर नई खबर पर अपने-आप बायलाइन बनकर लगती है। एक प्रोफ़ाइल एक ही खाते से जुड़ सकती है।',
  noByline: '— कोई नहीं —',
  linkedTo: (name: string) => `(${name} से जुड़ी)`,
  linkByline: 'जोड़ें',
  createByline: 'इस खाते से नई प्रोफ़ाइल बनाएं',
  bylineLinked: (account: string, byline: string) => `${account} अब "${byline}" बायलाइन से लिखेंगे।`,
  bylineUnlinked: (account: string) => `${account} से लेखक प्रोफ़ाइल हटा दी गई।`,
  bylineCreated: (byline: string, slug: string) => `लेखक प्रोफ़ाइल "${byline}" बनी (पता: /author/${slug}) और खाते से जुड़ गई।`,
  bylineTaken: 'यह लेखक प्रोफ़ाइल पहले से किसी दूसरे खाते से जुड़ी है। पहले उसे वहां से हटाएं।',
  bylineMissing: 'यह लेखक प्रोफ़ाइल नहीं मिली।',
  alreadyHasByline: 'इस खाते से पहले से एक लेखक प्रोफ़ाइल जुड़ी है। नई बनाने से पहले उसे हटाएं।',
  noBylineYet: 'अभी कोई नहीं जुड़ी; आपकी खबरों पर बायलाइन के लिए एडमिन से कहें।',

  // Users screen: reset links
  passwordColumn: 'पासवर्ड',
  makeResetLink: 'रीसेट लिंक बनाएं',
  resetIssued: (email: string, until: string) =>
    `${email} के लिए पासवर्ड रीसेट लिंक: ${until} तक और सिर्फ एक बार चलेगा। इसे व्यक्ति तक सुरक्षित तरीके से पहुंचाएं; यह दोबारा नहीं दिखेगा, और इस खाते का कोई पुराना लिंक अब नहीं चलेगा।`,
  resetLinkLabel: 'रीसेट लिंक',
  resetDisabledAccount: 'बंद खाते का पासवर्ड रीसेट नहीं किया जा सकता। पहले खाता चालू करें।',

  // The reset form (signed out)
  resetTitle: 'नया पासवर्ड बनाएं',
  resetFor: (email: string) => `${email} खाते के लिए नया पासवर्ड चुनें।`,
  resetValidUntil: (until: string) => `यह लिंक ${until} तक चलेगा। पासवर्ड बदलते ही इस खाते के सभी सत्र बंद हो जाएंगे।`,
  newPassword: 'नया पासवर्ड',
  repeatPassword: 'नया पासवर्ड दोबारा',
  passwordRules: 'पासवर्ड 8 से 128 अक्षरों का होना चाहिए।',
  passwordsDiffer: 'दोनों पासवर्ड एक जैसे नहीं हैं।',
  savePassword: 'पासवर्ड सेव करें',
  resetDoneTitle: 'पासवर्ड बदल गया',
  resetDone: 'नया पासवर्ड सेव हो गया। इस खाते के सभी सत्र बंद कर दिए गए हैं; अब नए पासवर्ड से साइन इन करें।',
  goToSignIn: 'साइन इन करें',
  resetInvalidTitle: 'यह लिंक मान्य नहीं है',
  resetInvalid:
    'यह पासवर्ड रीसेट लिंक काम नहीं करता। हो सकता है इसका समय (1 घंटा) निकल गया हो, यह पहले इस्तेमाल हो चुका हो, इसकी जगह नया लिंक बना हो या यह अधूरा कॉपी हुआ हो। एडमिन से नया लिंक मांगें।',
  resetThrottled: (seconds: number) => `बहुत ज़्यादा गलत लिंक आज़माए गए। ${seconds} सेकंड बाद दोबारा कोशिश करें।`,
};

export type AccountAdminStrings = { readonly [K in keyof typeof hi]: (typeof hi)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: AccountAdminStrings = {
  byline: 'Byline (author profile)',
  bylineHelp: 'The byline linked to an account is put on each new story it writes. A byline can be linked to one account only.',
  noByline: '— none —',
  linkedTo: (name: string) => `(linked to ${name})`,
  linkByline: 'Link',
  createByline: 'Create a byline from this account',
  bylineLinked: (account: string, byline: string) => `${account} now writes as "${byline}".`,
  bylineUnlinked: (account: string) => `${account} has no byline now.`,
  bylineCreated: (byline: string, slug: string) => `Byline "${byline}" created (page: /author/${slug}) and linked to the account.`,
  bylineTaken: 'This byline is linked to another account already. Unlink it there first.',
  bylineMissing: 'This byline does not exist.',
  alreadyHasByline: 'This account has a byline already. Unlink it before creating a new one.',
  noBylineYet: 'None linked yet; ask an admin to link one so your stories carry your byline.',

  passwordColumn: 'Password',
  makeResetLink: 'Make a reset link',
  resetIssued: (email: string, until: string) =>
    `Password reset link for ${email}: it works once, until ${until}. Pass it to the person safely; it will not be shown again, and any earlier link of this account no longer works.`,
  resetLinkLabel: 'Reset link',
  resetDisabledAccount: 'A disabled account’s password cannot be reset. Enable the account first.',

  resetTitle: 'Set a new password',
  resetFor: (email: string) => `Choose a new password for ${email}.`,
  resetValidUntil: (until: string) => `This link works until ${until}. Setting the password signs this account out everywhere.`,
  newPassword: 'New password',
  repeatPassword: 'New password again',
  passwordRules: 'The password must be 8 to 128 characters long.',
  passwordsDiffer: 'The two passwords are not the same.',
  savePassword: 'Save password',
  resetDoneTitle: 'Password changed',
  resetDone: 'Your new password is saved. Every session of this account has been ended; sign in with the new password.',
  goToSignIn: 'Sign in',
  resetInvalidTitle: 'This link is not valid',
  resetInvalid:
    'This password reset link does not work. It may have run out (links last 1 hour), been used already, been replaced by a newer link, or been copied incompletely. Ask an admin for a new link.',
  resetThrottled: (seconds: number) => `Too many wrong links tried. Try again in ${seconds} seconds.`,
};

export const ACCOUNT_ADMIN_STRINGS: Readonly<Record<Locale, AccountAdminStrings>> = { hi, en };

export function accountStringsFor(user: { locale: Locale } | null): AccountAdminStrings {
  return ACCOUNT_ADMIN_STRINGS[user?.locale ?? 'hi'];
}
