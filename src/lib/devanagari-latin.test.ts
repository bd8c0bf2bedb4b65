/**
 * The shared letter table (devanagari-latin.ts): slugs and search keys read the same
 * spelling of each letter, and the demo's slugs are exactly what they were before the table
 * was shared (URLs are permanent).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoArticles } from '../demo/content/index.ts';
import { devanagariKey } from '../search/hindi/phonetic.ts';
import { CONSONANT_LATIN, skeletonOf, skeletonTable } from './devanagari-latin.ts';
import { slugify, transliterateWord } from './slug.ts';

/** The demo's slugs as they were before issue 16 (in demoArticles order). */
const DEMO_SLUGS = [
  'jinping-se-bole-putin-welcome-dear-friend',
  '92-saal-ki-umra-mein-rupert-murdoch-karenge-5vin-shadi',
  'france-mein-retirement-age-badhane-wala-bill-ab-kanun-bana',
  'bemausam-barish-aur-olon-se-gehun-ki-phasal-ko-nuksan-kisanon-ki-chinta-badhi',
  'lucknow-mein-electric-bason-ke-5-naye-route-shuru-kiraya-10-rupaye-se',
  'holi-par-ghar-jane-walon-ke-liye-railway-chalayega-20-special-trains',
  'board-pariksha-ki-copies-janchne-ka-kaam-20-march-se-mai-mein-ayenge-natije',
  'tokyo-mein-tay-samay-se-pahle-khile-cherry-blossom-parks-mein-umdi-bhid',
  'everest-par-chadhai-ke-season-ki-taiyari-nepal-ne-jari-kiye-200-permit',
  'sri-lanka-mein-laute-paryatak-do-mahine-mein-pahunche-30-hazar-bhartiya',
  'nagar-nigam-ke-85-wards-ka-arakshan-tay-43-ward-mahilaon-ke-liye',
  'vidhansabha-ka-budget-satra-khatm-11-din-mein-14-vidheyak-paas',
  'colleges-mein-voter-registration-camp-lagayega-chunav-ayog-pahli-bar-ke-voters',
  'jila-panchayat-adhyaksh-ke-khilaf-avishwas-prastav-gira-sirph-9-sadasyon-ne-diya',
  'state-t20-league-ka-schedule-jari-8-teams-khelengi-33-match',
  'junior-mahila-hockey-mein-pradesh-ki-team-champion-shootout-mein-4-3-se-jita',
  'half-marathon-mein-daude-12-hazar-log-kenya-ke-dhavak-ne-jita-khitab',
  '14-saal-ke-arav-ko-international-master-norm-pradesh-ke-sabse-yuva-khiladi',
  'kisanon-ko-mandi-ke-bhav-batane-wale-agritech-startup-ne-jutaye-40-karod-rupaye',
  'sona-record-unchai-par-10-gram-ka-bhav-60-hazar-rupaye-ke-karib',
  'holi-par-bajaron-mein-jamkar-hui-kharidari-karobar-25-badhne-ka-anuman',
  'mandi-mein-pyaj-5-rupaye-kilo-tak-gira-lagat-nahin-nikal-pa-rahe-kisan',
  'film-dhup-chhaon-ka-trailer-release-24-ghante-mein-mile-1-karod-views',
  'banaras-ke-ghaton-par-shuru-hui-nai-web-series-ki-shooting-dekhne-umdi-bhid',
  'lok-sangit-mahotsav-mein-18-rajyon-ke-kalakar-pahli-sham-chaiti-ke-naam',
  'box-office-par-dhadkan-express-ki-tej-raftar-tin-din-mein-kamaye-38-karod',
  'bijli-bill-ke-naam-par-thagi-aaj-raat-katega-connection-wale-message-se-savdhan',
  'sarkari-schools-mein-khulengi-500-coding-lab-6vin-se-bachche-sikhenge',
  'jile-ke-12-aur-kasbon-mein-5g-shuru-pahle-hafte-mein-2-lakh-users',
  'ai-chatbot-se-assignment-likh-rahe-chhatra-university-ne-banai-guideline',
  'jila-aspatal-mein-har-shanivar-muft-cancer-janch-pahle-camp-mein-pahunche-300',
  'h3n2-flu-ke-mamle-badhe-doctors-ki-salah-khud-se-na-len-antibiotic',
  'mausam-badalte-hi-badhe-allergy-aur-viral-ke-marij-aise-karen-bachav',
  'gaon-ke-swasthya-kendra-se-video-call-par-milegi-visheshagya-doctor-ki-salah',
];

describe('one Devanagari ↔ Latin table', () => {
  it('a skeleton letter is the first letter of the slug spelling', () => {
    assert.equal(skeletonOf(CONSONANT_LATIN['ख']!), 'k');
    assert.equal(skeletonOf(CONSONANT_LATIN['छ']!), 'c');
    assert.equal(skeletonOf(CONSONANT_LATIN['ष']!), 's');
    assert.deepEqual(skeletonTable({ 'ऋ': 'ri', 'आ': 'a' }, ['ऋ']), { 'ऋ': 'r' });
  });

  it('slug and search key agree letter by letter', () => {
    for (const w of ['खबर', 'भारत', 'शासन', 'छात्र']) {
      const slug = transliterateWord(w).replace(/[aeiou]/g, '').replace(/([kgcjtdpbs])h/g, '$1');
      assert.equal(devanagariKey(w).replace(/(.)\1+/g, '$1'), slug.replace(/(.)\1+/g, '$1').replace(/^ch/, 'c'), w);
    }
  });

  it('the demo stories keep their slugs', () => {
    assert.equal(demoArticles.length, DEMO_SLUGS.length);
    assert.deepEqual(demoArticles.map((a) => a.slug ?? slugify(a.headline)), DEMO_SLUGS);
  });
});
