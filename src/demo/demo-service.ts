/**
 * Loads the demo site: the reference article, the stories of its Updates list,
 * the original demo stories, sections, authors, tags, photos and the COVID-19 CASES
 * box. Everything goes through the same services the newsroom uses, so the demo is
 * validated like real content.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Block } from '../richtext/rich-text.ts';
import type { Services } from '../services.ts';
import type { DemoArticle, DemoPhoto } from './demo-content.ts';
import { covidWidget, cricketBox, electionBox, demoArticles, demoAuthors, demoSections } from './content/index.ts';
import { demoLiveBlog } from './content/live-blog.ts';
import { DemoStore } from './demo-store.ts';
import { placeholderSvg } from './placeholder-image.ts';

export interface DemoReport {
  loaded: boolean;
  articles: number;
  photos: number;
}

export interface LoadDemoOptions {
  /** Remove existing content first. Without it, a database that has articles is left alone. */
  reset?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function loadDemo(services: Services, options: LoadDemoOptions = {}): Promise<DemoReport> {
  if (options.reset) await new DemoStore(services.storage.db).clearContent();
  else if ((await services.articles.count()) > 0) return { loaded: false, articles: 0, photos: 0 };

  const sectionIds = new Map<string, number>();
  for (const [position, s] of demoSections.entries()) {
    const section = await services.sections.create({ ...s, position });
    sectionIds.set(s.slug, section.id);
  }
  const authorIds = new Map<string, number>();
  for (const a of demoAuthors) authorIds.set(a.slug, (await services.authors.create(a)).id);

  const photoIds = new Map<string, number>();
  const cacheDir = path.join(services.config.mediaDir, 'demo-cache');
  const photo = async (p: DemoPhoto): Promise<number> => {
    const known = photoIds.get(p.key);
    if (known !== undefined) return known;
    // Placeholder drawings: encoded fast (flat colours compress well anyway), so a new site's
    // first start is quick; every real upload gets the 'best' encodes.
    const media = await services.media.ingest(await placeholderPng(p, cacheDir), { alt: p.alt, caption: p.caption, credit: p.credit }, undefined, { effort: 'fast' });
    photoIds.set(p.key, media.id);
    return media.id;
  };
  // Draw every photo up front, a few at a time (sharp works off the event loop).
  const all = demoArticles.flatMap((a) => [a.hero, ...a.body.flatMap((b) => ('photo' in b ? [b.photo] : []))]);
  for (let i = 0; i < all.length; i += 4) await Promise.all(all.slice(i, i + 4).map((p) => placeholderPng(p, cacheDir)));

  let done = 0;
  for (const article of demoArticles) {
    await createDemoArticle(services, article, { sectionIds, authorIds, photo });
    done++;
    options.onProgress?.(done, demoArticles.length);
  }
  // Demo stories are created published, outside the newsroom's workflow: index them all.
  await services.search.reindex();
  await services.widgets.save(covidWidget.key, covidWidget.title, {
    rows: covidWidget.rows,
    source: covidWidget.source,
    asOf: covidWidget.asOf,
  });
  for (const box of [electionBox, cricketBox]) await services.widgets.save(box.key, box.title, box.data, { placement: box.placement });
  await loadDemoLiveBlog(services);
  // A reset may have replaced anything a cached page shows.
  services.changes.emitAll();
  return { loaded: true, articles: done, photos: photoIds.size };
}

/** The finished live blog on the half-marathon story (src/demo/content/live-blog.ts). */
async function loadDemoLiveBlog(services: Services): Promise<void> {
  const story = (await services.articles.latest(services.now(), 200)).find((a) => a.headline === demoLiveBlog.headline);
  if (!story) return;
  const posts = demoLiveBlog.posts.map((p) => ({
    at: new Date(p.at),
    kind: p.quote ? ('quote' as const) : ('text' as const),
    body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: p.text }] }, ...(p.quote ? [{ type: 'quote', content: [{ text: p.quote.text }], cite: p.quote.cite }] : [])] },
    keyEvent: p.keyEvent === true,
    authorName: p.author,
  }));
  await services.liveBlogs.loadFinished(story.id, new Date(demoLiveBlog.startedAt), new Date(demoLiveBlog.endedAt), posts);
}

/**
 * The photo's pixels as PNG. Each drawing is kept on disk under the hash of its SVG and
 * reused by later loads (a --reset, the test suites).
 */
async function placeholderPng(p: DemoPhoto, cacheDir: string): Promise<Buffer> {
  const svg = placeholderSvg(p);
  const file = path.join(cacheDir, `${createHash('sha256').update(svg).digest('hex').slice(0, 24)}.png`);
  try {
    return await fs.readFile(file);
  } catch {
    // Loaded here, not at start: only the demo's first load draws photos.
    const { default: sharp } = await import('sharp');
    const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
    await fs.mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, png);
    await fs.rename(tmp, file);
    return png;
  }
}

interface Lookups {
  sectionIds: Map<string, number>;
  authorIds: Map<string, number>;
  photo: (p: DemoPhoto) => Promise<number>;
}

async function createDemoArticle(services: Services, a: DemoArticle, lookups: Lookups): Promise<number> {
  const sectionId = lookups.sectionIds.get(a.section);
  if (sectionId === undefined) throw new Error(`demo article "${a.headline}": unknown section ${a.section}`);
  const authorIds = a.authors.map((slug) => {
    const id = lookups.authorIds.get(slug);
    if (id === undefined) throw new Error(`demo article "${a.headline}": unknown author ${slug}`);
    return id;
  });
  const tagIds: number[] = [];
  for (const name of a.tags) tagIds.push((await services.tags.findOrCreate(name)).id);
  const blocks: Block[] = [];
  for (const b of a.body) {
    if ('p' in b) blocks.push({ type: 'paragraph', content: [{ text: b.p }] });
    else if ('h' in b) blocks.push({ type: 'heading', level: 2, text: b.h });
    else if ('photo' in b) blocks.push({ type: 'image', mediaId: await lookups.photo(b.photo) });
    else if ('quote' in b) blocks.push({ type: 'quote', content: [{ text: b.quote }], ...(b.cite ? { cite: b.cite } : {}) });
    else blocks.push({ type: 'list', ordered: false, items: b.list.map((text) => [{ text }]) });
  }
  const publishedAt = new Date(a.publishedAt);
  return services.articles.create({
    sectionId,
    headline: a.headline,
    dek: a.dek,
    body: { version: 1, blocks },
    heroMediaId: await lookups.photo(a.hero),
    tagIds,
    authorIds,
    status: 'published',
    publishedAt,
    updatedAt: a.updatedAt ? new Date(a.updatedAt) : publishedAt,
    createdAt: publishedAt,
    commentsOpen: true,
    ...(a.slug ? { slug: a.slug } : {}),
  });
}
