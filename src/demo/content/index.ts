/**
 * The demo site's content: sections, authors, the reference article, the stories of
 * its Updates list, original demo stories for every section, and the COVID box.
 */
import type { DemoArticle } from '../demo-content.ts';
import { businessArticles } from './articles-business.ts';
import { deshArticles } from './articles-desh.ts';
import { khelArticles } from './articles-khel.ts';
import { manoranjanArticles } from './articles-manoranjan.ts';
import { rajneetiArticles } from './articles-rajneeti.ts';
import { swasthyaArticles } from './articles-swasthya.ts';
import { techArticles } from './articles-tech.ts';
import { videshArticles } from './articles-videsh.ts';
import { referenceArticle } from './reference-article.ts';
import { updatesStories } from './updates-stories.ts';

export { demoAuthors } from './authors.ts';
export { referenceArticle } from './reference-article.ts';
export { demoSections } from './sections.ts';
export { updatesStories } from './updates-stories.ts';
export { covidWidget, cricketBox, electionBox } from './widgets.ts';

/** Every demo article: the reference, its Updates stories, then the originals by section. */
export const demoArticles: DemoArticle[] = [
  referenceArticle,
  ...updatesStories,
  ...deshArticles,
  ...videshArticles,
  ...rajneetiArticles,
  ...khelArticles,
  ...businessArticles,
  ...manoranjanArticles,
  ...techArticles,
  ...swasthyaArticles,
];
