/**
 * Admin → API keys in Hindi and English; each user picks one. `en` is typed as `hi`, so a
 * missing translation is a type error.
 */
import type { User } from '../../domain/users/user.ts';

const hi = {
  title: 'API कुंजियां',
  intro: 'दूसरे सिस्टम (जैसे एजेंसी फ़ीड या दूसरा डेस्क टूल) इन कुंजियों से /api/v1/admin/ के ज़रिए खबरें भेज, बदल और छाप सकते हैं। हर कुंजी अपनी भूमिका के अधिकारों से काम करती है। कुंजी सिर्फ़ बनाते समय एक बार दिखती है; सर्वर पर उसका सिर्फ़ हैश रहता है।',
  docs: 'API का विवरण',
  add: 'नई कुंजी बनाएं',
  name: 'नाम',
  nameHelp: 'किसके लिए है, जैसे “PTI फ़ीड”। 80 अक्षर तक।',
  role: 'भूमिका',
  roles: { reporter: 'रिपोर्टर (अपनी खबरें भेजे, छापने के लिए जमा करे)', editor: 'एडिटर (कोई भी खबर बदले और छापे)', admin: 'एडमिन (सब कुछ)' } as Record<string, string>,
  roleShort: { reporter: 'रिपोर्टर', editor: 'एडिटर', admin: 'एडमिन', contributor: 'योगदानकर्ता' } as Record<string, string>,
  create: 'कुंजी बनाएं',
  createdTitle: 'नई कुंजी बन गई',
  createdHelp: 'इसे अभी कॉपी करके सुरक्षित जगह रखें: यह दोबारा नहीं दिखेगी। अनुरोधों में भेजें: Authorization: Bearer <कुंजी>',
  prefix: 'शुरुआत',
  createdBy: 'किसने बनाई',
  createdAt: 'कब बनी',
  lastUsed: 'आखिरी इस्तेमाल',
  never: 'कभी नहीं',
  status: 'स्थिति',
  active: 'चालू',
  revokedBy: (who: string) => `रद्द (${who})`,
  revoke: 'रद्द करें',
  revoked: 'कुंजी रद्द कर दी गई। इससे आने वाले अनुरोध अब 401 पाएंगे।',
  empty: 'अभी कोई कुंजी नहीं।',
  fixErrors: 'नीचे लाल निशान वाली जानकारी ठीक करें।',
  errors: {
    name: 'नाम 1 से 80 अक्षरों का होना चाहिए, बिना कंट्रोल अक्षरों के।',
    role: 'भूमिका चुनें: रिपोर्टर, एडिटर या एडमिन।',
  } as Record<string, string>,
  invalid: 'यह जानकारी सही नहीं है।',
};

const en: typeof hi = {
  title: 'API keys',
  intro: 'Other systems (an agency feed, another desk tool) use these keys to file, change and publish stories through /api/v1/admin/. Each key acts with the permissions of its role. A key is shown once, when it is made; the server keeps only its hash.',
  docs: 'API reference',
  add: 'Make a new key',
  name: 'Name',
  nameHelp: 'Who it is for, such as “PTI feed”. Up to 80 characters.',
  role: 'Role',
  roles: { reporter: 'Reporter (files its own stories, submits them for review)', editor: 'Editor (changes and publishes any story)', admin: 'Admin (everything)' },
  roleShort: { reporter: 'Reporter', editor: 'Editor', admin: 'Admin', contributor: 'Contributor' },
  create: 'Make key',
  createdTitle: 'New key made',
  createdHelp: 'Copy it now and keep it safe: it will not be shown again. Send it with requests as: Authorization: Bearer <key>',
  prefix: 'Starts with',
  createdBy: 'Made by',
  createdAt: 'Made',
  lastUsed: 'Last used',
  never: 'never',
  status: 'Status',
  active: 'active',
  revokedBy: (who: string) => `revoked (${who})`,
  revoke: 'Revoke',
  revoked: 'Key revoked. Requests with it now get 401.',
  empty: 'No keys yet.',
  fixErrors: 'Please correct the fields marked below.',
  errors: {
    name: 'The name must be 1 to 80 characters, without control characters.',
    role: 'Choose a role: reporter, editor or admin.',
  },
  invalid: 'This is not valid.',
};

export const API_KEY_ADMIN_STRINGS = { hi, en } as const;
export type ApiKeyAdminStrings = typeof hi;

export function apiKeyStringsFor(user: Pick<User, 'locale'> | null): ApiKeyAdminStrings {
  return API_KEY_ADMIN_STRINGS[user?.locale ?? 'hi'];
}
