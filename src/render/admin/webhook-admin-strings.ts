/**
 * The Webhooks screens (endpoints and the delivery log) in Hindi and English; each user
 * picks one. `en` is typed as `hi`, so a missing translation is a type error.
 */
import type { User } from '../../domain/users/user.ts';

const hi = {
  title: 'वेबहुक',
  intro: 'खबर प्रकाशित, अपडेट, अप्रकाशित या हटाए जाने पर और टिप्पणी आने या मंज़ूर होने पर Samachar इन पतों पर JSON भेजता है, हर बार गुप्त कुंजी से हस्ताक्षर करके (x-samachar-signature)। न पहुंचने पर बाद में दोबारा भेजता है (10 सेकंड से 6 घंटे तक, 7 कोशिशें)।',
  endpoints: 'पते',
  none: 'अभी कोई वेबहुक नहीं।',
  url: 'पता (URL)',
  urlHelp: 'http:// या https:// वाला पूरा पता, जैसे https://example.com/hooks/samachar',
  events: 'कब भेजें',
  eventNames: {
    'story.published': 'खबर प्रकाशित हुई',
    'story.updated': 'प्रकाशित खबर अपडेट हुई',
    'story.unpublished': 'खबर अप्रकाशित हुई (या ट्रैश में गई)',
    'story.deleted': 'खबर हमेशा के लिए हटी',
    'comment.posted': 'नई टिप्पणी आई',
    'comment.approved': 'टिप्पणी मंज़ूर हुई',
  } as Record<string, string>,
  active: 'चालू',
  paused: 'रुका हुआ',
  activeHelp: 'रुके हुए वेबहुक की डिलीवरी इंतज़ार करती हैं और चालू करने पर भेजी जाती हैं।',
  add: 'वेबहुक जोड़ें',
  edit: 'बदलें',
  editTitle: 'वेबहुक',
  save: 'सहेजें',
  delete: 'वेबहुक और उसकी डिलीवरी हटाएं',
  back: '← सभी वेबहुक',
  secret: 'हस्ताक्षर की गुप्त कुंजी',
  secretHelp: 'पाने वाला सर्वर हर अनुरोध पर HMAC-SHA256(कुंजी, "<x-samachar-timestamp>.<body>") जांचे और 5 मिनट से पुराने अनुरोध ठुकरा दे। कुंजी किसी को न दिखाएं।',
  created: 'वेबहुक जोड़ा गया। नीचे की गुप्त कुंजी पाने वाले सर्वर में डालें।',
  saved: 'वेबहुक सहेजा गया।',
  deleted: 'वेबहुक हटाया गया।',
  log: 'डिलीवरी लॉग',
  logEmpty: 'अभी कोई डिलीवरी नहीं।',
  when: 'कब',
  event: 'घटना',
  state: 'स्थिति',
  states: { pending: 'भेजनी बाकी', delivered: 'पहुंची', failed: 'छोड़ दी गई' } as Record<string, string>,
  attempts: 'कोशिशें',
  response: 'जवाब (HTTP)',
  noResponse: 'कोई जवाब नहीं',
  nextAttempt: 'अगली कोशिश',
  error: 'गड़बड़ी',
  fixErrors: 'नीचे लाल निशान वाली जानकारी ठीक करें।',
  errors: {
    url: 'यह पता पढ़ा नहीं जा सका। http:// या https:// वाला पूरा पता लिखें।',
    'url:url': 'यह पता पढ़ा नहीं जा सका। http:// या https:// वाला पूरा पता लिखें।',
    'url:scheme': 'सिर्फ http:// या https:// वाले पते चलते हैं।',
    'url:too-long': 'पता बहुत लंबा है (2000 अक्षरों तक)।',
    'url:credentials': 'पते में यूज़रनेम या पासवर्ड न डालें; हस्ताक्षर से पहचान होती है।',
    'url:private': 'यह पता इसी सर्वर या अंदरूनी नेटवर्क का है (localhost, 127.0.0.1, 10.x, 192.168.x …)। ऐसे पते तभी चलते हैं जब सर्वर पर COMMENT_WEBHOOK_ALLOW_PRIVATE=true हो।',
    events: 'कम से कम एक घटना चुनें।',
  } as Record<string, string>,
  invalid: 'यह जानकारी सही नहीं है।',
};

const en: typeof hi = {
  title: 'Webhooks',
  intro: 'When a story is published, updated, unpublished or deleted, and when a comment is posted or approved, Samachar POSTs JSON to these addresses, signed with a secret key (x-samachar-signature). Deliveries that do not get through are tried again later (from 10 seconds to 6 hours, 7 attempts).',
  endpoints: 'Endpoints',
  none: 'No webhooks yet.',
  url: 'Address (URL)',
  urlHelp: 'A whole http:// or https:// address, such as https://example.com/hooks/samachar',
  events: 'Send on',
  eventNames: {
    'story.published': 'Story published',
    'story.updated': 'Published story updated',
    'story.unpublished': 'Story unpublished (or moved to the trash)',
    'story.deleted': 'Story deleted for good',
    'comment.posted': 'Comment posted',
    'comment.approved': 'Comment approved',
  },
  active: 'Active',
  paused: 'Paused',
  activeHelp: 'A paused webhook’s deliveries wait, and are sent when it is active again.',
  add: 'Add webhook',
  edit: 'Edit',
  editTitle: 'Webhook',
  save: 'Save',
  delete: 'Delete the webhook and its deliveries',
  back: '← All webhooks',
  secret: 'Signing secret',
  secretHelp: 'The receiving server checks HMAC-SHA256(secret, "<x-samachar-timestamp>.<body>") on every request and refuses requests older than 5 minutes. Keep the secret private.',
  created: 'Webhook added. Put the signing secret below into the receiving server.',
  saved: 'Webhook saved.',
  deleted: 'Webhook deleted.',
  log: 'Delivery log',
  logEmpty: 'No deliveries yet.',
  when: 'When',
  event: 'Event',
  state: 'State',
  states: { pending: 'pending', delivered: 'delivered', failed: 'given up' },
  attempts: 'Attempts',
  response: 'Response (HTTP)',
  noResponse: 'no response',
  nextAttempt: 'Next attempt',
  error: 'Error',
  fixErrors: 'Please correct the fields marked below.',
  errors: {
    url: 'This address could not be read. Write a whole http:// or https:// address.',
    'url:url': 'This address could not be read. Write a whole http:// or https:// address.',
    'url:scheme': 'Only http:// and https:// addresses are allowed.',
    'url:too-long': 'The address is too long (2,000 characters at most).',
    'url:credentials': 'Leave user names and passwords out of the address; the signature identifies the sender.',
    'url:private': 'This address is this server or an internal network (localhost, 127.0.0.1, 10.x, 192.168.x …). Such addresses are allowed only when the server runs with COMMENT_WEBHOOK_ALLOW_PRIVATE=true.',
    events: 'Choose at least one event.',
  },
  invalid: 'This is not valid.',
};

export const WEBHOOK_ADMIN_STRINGS = { hi, en } as const;
export type WebhookAdminStrings = typeof hi;

export function webhookStringsFor(user: Pick<User, 'locale'> | null): WebhookAdminStrings {
  return WEBHOOK_ADMIN_STRINGS[user?.locale ?? 'hi'];
}

export function webhookFieldMessage(t: WebhookAdminStrings, field: string, reason?: string): string {
  return (reason ? t.errors[`${field}:${reason}`] : undefined) ?? t.errors[field] ?? t.invalid;
}
