/**
 * The live-blog composer on the story editor (decision 027) in Hindi and English; each user
 * picks one. `en` is typed as `hi`, so a missing translation is a type error.
 */
import type { User } from '../../domain/users/user.ts';

const hi = {
  title: 'लाइव ब्लॉग',
  intro: 'इस खबर पर समय के साथ छोटे अपडेट जोड़ें। हर अपडेट अलग से सहेजा जाता है, इसलिए कई लोग एक साथ लिख सकते हैं।',
  notStarted: 'यह खबर अभी लाइव ब्लॉग नहीं है।',
  readOnly: 'यह खबर प्रकाशित है; इसके लाइव ब्लॉग में अपडेट वही जोड़ या बदल सकते हैं जो इसे प्रकाशित कर सकते हैं।',
  start: 'लाइव ब्लॉग शुरू करें',
  restart: 'लाइव ब्लॉग फिर से शुरू करें',
  startedAt: 'शुरू हुआ:',
  endedAt: 'समाप्त हुआ:',
  end: 'लाइव ब्लॉग समाप्त',
  endConfirm: 'क्या आप सच में यह लाइव ब्लॉग समाप्त करना चाहते हैं? इसके बाद नए अपडेट नहीं जुड़ेंगे।',
  endYes: 'हाँ, समाप्त करें',
  newPost: 'नया अपडेट',
  kind: 'किस तरह का अपडेट',
  kinds: { text: 'लेख', photo: 'फ़ोटो', embed: 'एम्बेड (YouTube या X)', quote: 'उद्धरण (कोट)' } as Record<string, string>,
  text: 'लिखें',
  textHelp: 'सादा लेख; खाली लाइन से नया पैराग्राफ़। फ़ोटो और एम्बेड के लिए यह कैप्शन है, उद्धरण के लिए कथन।',
  source: 'फ़ोटो नंबर / लिंक / किसने कहा',
  sourceHelp: 'फ़ोटो: मीडिया लाइब्रेरी का फ़ोटो नंबर। एम्बेड: YouTube या X का लिंक। उद्धरण: किसने कहा (वैकल्पिक)।',
  keyEvent: 'मुख्य घटना (ऊपर सारांश में दिखेगी)',
  post: 'अपडेट प्रकाशित करें',
  posts: 'अपडेट (नए पहले)',
  noPosts: 'अभी कोई अपडेट नहीं है।',
  updated: 'अपडेट किया गया',
  keyEventMark: 'मुख्य घटना',
  edit: 'बदलें',
  save: 'बदलाव सहेजें',
  pin: 'मुख्य घटना बनाएं',
  unpin: 'मुख्य घटना से हटाएं',
  delete: 'हटाएं',
  deleteConfirm: 'यह अपडेट हमेशा के लिए हट जाएगा।',
  deleteYes: 'हाँ, हटाएं',
  more: 'पुराने अपडेट लाइव ब्लॉग पेज पर देखें।',
  refusedTitle: 'लाइव ब्लॉग: बदलाव नहीं हुआ',
  nothingSaved: 'कुछ भी सहेजा नहीं गया।',
  back: 'खबर पर वापस जाएं',
  errors: {
    'text:empty': 'अपडेट खाली है: कुछ लिखें।',
    'text:too-long': 'अपडेट बहुत लंबा है: ज़्यादा से ज़्यादा 5000 अक्षर।',
    'text:paragraphs': 'अपडेट में बहुत ज़्यादा पैराग्राफ़ हैं: ज़्यादा से ज़्यादा 20।',
    text: 'अपडेट का लेख सही नहीं है।',
    'source:photo': 'फ़ोटो नंबर सही नहीं है: मीडिया लाइब्रेरी में मौजूद फ़ोटो का नंबर लिखें।',
    'source:embed': 'लिंक सही नहीं है: केवल YouTube वीडियो या X पोस्ट का लिंक एम्बेड हो सकता है।',
    source: 'फ़ोटो नंबर, लिंक या नाम सही नहीं है।',
    kind: 'अपडेट का प्रकार सही नहीं है: लेख, फ़ोटो, एम्बेड या उद्धरण चुनें।',
    postId: 'यह अपडेट नहीं मिला; शायद किसी ने इसे हटा दिया है।',
    id: 'पता सही नहीं है।',
    keyEvent: 'मुख्य घटना का निशान सही नहीं है।',
  } as Record<string, string>,
  invalid: 'यह जानकारी सही नहीं है।',
  forbidden: 'आप यह खबर प्रकाशित नहीं कर सकते, इसलिए इसके लाइव ब्लॉग में अपडेट नहीं जोड़ या बदल सकते। किसी संपादक से कहें।',
  notStartedError: 'यह खबर अभी लाइव ब्लॉग नहीं है। पहले लाइव ब्लॉग शुरू करें।',
  endedError: 'यह लाइव ब्लॉग समाप्त हो चुका है। नया अपडेट जोड़ने के लिए इसे फिर से शुरू करें।',
  trashed: 'यह खबर ट्रैश में है।',
};

const en: typeof hi = {
  title: 'Live blog',
  intro: 'Add short timestamped updates to this story. Each update is saved on its own, so several people can write at once.',
  notStarted: 'This story is not a live blog yet.',
  readOnly: 'This story is published; only those who may publish it can add to or change its live blog.',
  start: 'Start live blog',
  restart: 'Restart live blog',
  startedAt: 'Started:',
  endedAt: 'Ended:',
  end: 'End live blog',
  endConfirm: 'Do you really want to end this live blog? No new updates can be added afterwards.',
  endYes: 'Yes, end it',
  newPost: 'New update',
  kind: 'Kind of update',
  kinds: { text: 'Text', photo: 'Photo', embed: 'Embed (YouTube or X)', quote: 'Quote' },
  text: 'Text',
  textHelp: 'Plain text; a blank line starts a new paragraph. For photos and embeds this is the caption, for quotes the words quoted.',
  source: 'Photo number / link / who said it',
  sourceHelp: 'Photo: its number in the media library. Embed: a YouTube or X link. Quote: who said it (optional).',
  keyEvent: 'Key event (shown in the summary at the top)',
  post: 'Publish update',
  posts: 'Updates (newest first)',
  noPosts: 'No updates yet.',
  updated: 'updated',
  keyEventMark: 'Key event',
  edit: 'Edit',
  save: 'Save changes',
  pin: 'Mark as key event',
  unpin: 'Remove from key events',
  delete: 'Delete',
  deleteConfirm: 'This update will be removed for good.',
  deleteYes: 'Yes, delete',
  more: 'Older updates are on the live blog page.',
  refusedTitle: 'Live blog: nothing changed',
  nothingSaved: 'Nothing was saved.',
  back: 'Back to the story',
  errors: {
    'text:empty': 'The update is empty: write something.',
    'text:too-long': 'The update is too long: at most 5000 characters.',
    'text:paragraphs': 'The update has too many paragraphs: at most 20.',
    text: 'The text of the update is not valid.',
    'source:photo': 'The photo number is not valid: give the number of a photo in the media library.',
    'source:embed': 'The link is not valid: only YouTube videos and X posts can be embedded.',
    source: 'The photo number, link or name is not valid.',
    kind: 'The kind of update is not valid: choose text, photo, embed or quote.',
    postId: 'This update was not found; perhaps someone deleted it.',
    id: 'The address is not valid.',
    keyEvent: 'The key-event mark is not valid.',
  },
  invalid: 'This is not valid.',
  forbidden: 'You may not publish this story, so you cannot add to or change its live blog. Ask an editor.',
  notStartedError: 'This story is not a live blog yet. Start the live blog first.',
  endedError: 'This live blog has ended. Start it again to add a new update.',
  trashed: 'This story is in the trash.',
};

export const LIVE_BLOG_ADMIN_STRINGS = { hi, en } as const;
export type LiveBlogAdminStrings = typeof hi;

export function liveBlogStringsFor(user: Pick<User, 'locale'> | null): LiveBlogAdminStrings {
  return LIVE_BLOG_ADMIN_STRINGS[user?.locale ?? 'hi'];
}

/** The message for a refused field, in the user's language. */
export function liveBlogFieldMessage(t: LiveBlogAdminStrings, field: string, reason?: string): string {
  return (reason ? t.errors[`${field}:${reason}`] : undefined) ?? t.errors[field] ?? t.invalid;
}
