/** The words of a live blog on its story's page (and its script's button), in the site's two reader languages. */
import type { ReaderLanguage } from '../../domain/settings/settings.ts';

const hi = {
  title: 'लाइव अपडेट',
  live: 'लाइव',
  ended: 'लाइव ब्लॉग समाप्त',
  keyEvents: 'मुख्य घटनाएं',
  updated: 'अपडेट किया गया',
  earlier: 'पहले के अपडेट देखें',
  newest: 'ताज़ा अपडेट पर लौटें',
  /** The button that shows posts that arrived while the reader was scrolled down. */
  newUpdates: (n: number) => (n === 1 ? '1 नया अपडेट' : `${n} नए अपडेट`),
  noPosts: 'अभी कोई अपडेट नहीं। इस पेज पर बने रहें।',
};

export type LiveBlogStrings = typeof hi;

const en: LiveBlogStrings = {
  title: 'Live updates',
  live: 'Live',
  ended: 'This live blog has ended',
  keyEvents: 'Key events',
  updated: 'Updated',
  earlier: 'See earlier updates',
  newest: 'Back to the latest updates',
  newUpdates: (n: number) => (n === 1 ? '1 new update' : `${n} new updates`),
  noPosts: 'No updates yet. Stay on this page.',
};

export const LIVE_BLOG_STRINGS: Readonly<Record<ReaderLanguage, LiveBlogStrings>> = { hi, en };
