/**
 * `samachar generate`: fills the site with generated stories (generate.ts) for benchmarks and
 * scale tests. Sections, tags and bylines go through their services; the stories and comments
 * are written in bulk by the generate store (the same rows the services write, checked by
 * the tests reading them back through the services); then every process's page cache is
 * told that anything may have changed, and the search index is rebuilt.
 */
import { DomainError } from '../errors.ts';
import { bodyKey, emailKey } from '../domain/comments/comment-spam.ts';
import { parseRichText } from '../richtext/rich-text.ts';
import { evalCorpus } from '../search/eval/corpus.ts';
import type { Services } from '../services.ts';
import { DEFAULT_COMMENTS_PER_ARTICLE, DEFAULT_SEED, type GeneratedArticle, generateArticles, type LibraryPhoto } from './generate.ts';
import { GenerateStore, type NewGeneratedArticle } from './generate-store.ts';
import { GENERATED_AUTHORS } from './people.ts';

export const MAX_ARTICLES = 1_000_000;
export const MAX_COMMENTS_PER_ARTICLE = 100;
export const MAX_SEED = 0xffff_ffff;

/** Stories per transaction. */
const BATCH = 2000;

export interface GenerateOptions {
  /** How many stories (1 to MAX_ARTICLES). */
  readonly articles: number;
  readonly seed?: number;
  /** Most comments on one story, replies included (0 to MAX_COMMENTS_PER_ARTICLE). */
  readonly commentsPerArticle?: number;
  /** The newest story's time; default now (the services' clock). */
  readonly end?: Date;
  /** Rebuild the search index and refresh the planner's statistics afterwards (default true). */
  readonly index?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onIndexProgress?: (done: number, total: number) => void;
}

export interface GenerateReport {
  readonly articles: number;
  readonly comments: number;
  /** Ids of the first and last generated story (ids are consecutive only if nothing else wrote meanwhile). */
  readonly firstId: number;
  readonly lastId: number;
  readonly generateSeconds: number;
  /** Null when the index was not rebuilt. */
  readonly indexed: number | null;
  readonly indexSeconds: number;
}

/** Whole number in [min, max], or a DomainError naming the option. */
function checkRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new DomainError('INVALID_INPUT', field);
  return value;
}

/**
 * Generates `articles` published stories on the site's sections, with bylines (40, made if
 * missing), tags, photos from the media library and comments. Errors: INVALID_INPUT on
 * articles, seed or commentsPerArticle; INVALID_INPUT 'sections' when the site has none.
 */
export async function generateSite(services: Services, options: GenerateOptions): Promise<GenerateReport> {
  const count = checkRange(options.articles, 1, MAX_ARTICLES, 'articles');
  const seed = checkRange(options.seed ?? DEFAULT_SEED, 0, MAX_SEED, 'seed');
  const commentsPerArticle = checkRange(options.commentsPerArticle ?? DEFAULT_COMMENTS_PER_ARTICLE, 0, MAX_COMMENTS_PER_ARTICLE, 'commentsPerArticle');
  const started = performance.now();

  const sections = await services.sections.list();
  if (sections.length === 0) throw new DomainError('INVALID_INPUT', 'sections', 'the site has no sections: load the demo first');
  const sectionIds = new Map(sections.map((s) => [s.slug, s.id]));
  const authorIds = new Map<string, number>();
  for (const a of GENERATED_AUTHORS) {
    const author = (await services.authors.findBySlug(a.slug)) ?? (await services.authors.create({ slug: a.slug, name: a.name, nameLatin: a.nameLatin, bio: a.bio }));
    authorIds.set(a.slug, author.id);
  }
  const tagIds = new Map<string, number>();
  const tagId = async (name: string): Promise<number> => {
    let id = tagIds.get(name);
    if (id === undefined) tagIds.set(name, (id = (await services.tags.findOrCreate(name)).id));
    return id;
  };

  const articles = generateArticles(
    { docs: evalCorpus(), sections: sections.map((s) => s.slug), authors: GENERATED_AUTHORS, photos: await libraryPhotos(services), end: options.end ?? services.now(), seed, commentsPerArticle },
    count,
  );
  const store = new GenerateStore(services.storage.db);
  // While one batch is written, the next is generated (on PostgreSQL the two run side by side).
  let writing: Promise<{ ids: number[]; comments: number }> | null = null;
  let done = 0;
  let comments = 0;
  let firstId = 0;
  let lastId = 0;
  const collect = async () => {
    if (!writing) return;
    const written = await writing;
    writing = null;
    if (firstId === 0) firstId = written.ids[0] ?? 0;
    lastId = written.ids.at(-1) ?? lastId;
    done += written.ids.length;
    comments += written.comments;
    options.onProgress?.(done, count);
  };
  options.onProgress?.(0, count);
  let batch: NewGeneratedArticle[] = [];
  for (const article of articles) {
    batch.push(await toRow(article, sectionIds, authorIds, tagId, batch.length === 0));
    if (batch.length === BATCH) {
      await collect();
      writing = store.insertPublished(batch);
      // Awaited in collect(); this only keeps a failure from counting as unhandled meanwhile.
      writing.catch(() => undefined);
      batch = [];
    }
  }
  await collect();
  if (batch.length > 0) {
    writing = store.insertPublished(batch);
    await collect();
  }
  const generateSeconds = (performance.now() - started) / 1000;
  // New stories may show on any page (lists, sections, tags, bylines, the front page): every
  // process drops its cached pages.
  services.changes.emitAll();

  if (options.index === false) return { articles: done, comments, firstId, lastId, generateSeconds, indexed: null, indexSeconds: 0 };
  const indexStarted = performance.now();
  // A bulk tool: emptying the index first makes the rebuild faster (searches see a partial index meanwhile).
  const { indexed } = await services.search.reindex({ fresh: true, ...(options.onIndexProgress ? { onProgress: options.onIndexProgress } : {}) });
  // The desk's headline keys too, so the newsroom's first search does not key every new story.
  await services.deskList.refreshKeys();
  await store.settle();
  return { articles: done, comments, firstId, lastId, generateSeconds, indexed, indexSeconds: (performance.now() - indexStarted) / 1000 };
}

/** Planner statistics (and VACUUM on PostgreSQL) after a bulk load; for callers that rebuild the index themselves. */
export async function settleDatabase(services: Services): Promise<void> {
  await new GenerateStore(services.storage.db).settle();
}

/** Every photo of the media library, oldest first. */
async function libraryPhotos(services: Services): Promise<LibraryPhoto[]> {
  const photos: LibraryPhoto[] = [];
  for (let page = 1; ; page++) {
    const { items } = await services.media.search('', page, 500);
    photos.push(...items.map((m) => ({ id: m.id, caption: m.caption })));
    if (items.length < 500) break;
  }
  return photos.sort((a, b) => a.id - b.id);
}

async function toRow(
  a: GeneratedArticle,
  sectionIds: ReadonlyMap<string, number>,
  authorIds: ReadonlyMap<string, number>,
  tagId: (name: string) => Promise<number>,
  validate: boolean,
): Promise<NewGeneratedArticle> {
  // The body is built from allowed blocks only; one per batch still passes the same gate as the newsroom's.
  if (validate) parseRichText(a.body);
  const tags: number[] = [];
  for (const name of a.tags) tags.push(await tagId(name));
  return {
    sectionId: sectionIds.get(a.section)!,
    slug: a.slug,
    headline: a.headline,
    dek: a.dek,
    bodyJson: JSON.stringify(a.body),
    heroMediaId: a.hero,
    publishedAt: a.publishedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    commentsOpen: a.commentsOpen,
    tagIds: [...new Set(tags)],
    authorIds: a.authors.map((slug) => authorIds.get(slug)!),
    comments: a.comments.map((c) => ({ ...c, body: c.body.normalize('NFC'), emailKey: emailKey(c.authorEmail), bodyKey: bodyKey(c.body) })),
  };
}
