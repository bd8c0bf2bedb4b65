/**
 * Brings a WordPress site into Samachar from its export (WXR) and uploads folder, through
 * the services the newsroom uses: authors → bylines, top-level categories → sections
 * (sub-categories → tags, their stories in the top category's section), tags, photos
 * (re-encoded by the media library with alt, caption and credit), posts and pages with
 * their comments, sticky posts → home pins, and every old address → a redirect.
 *
 * Safe to run again: everything made is recorded by its WordPress id (wordpress_ids), and
 * what is recorded is not made twice. Safe on bad files: the file is read through once
 * before anything is written (a malformed, truncated or hostile file stops with a
 * WxrError and nothing changes), and each story is written whole in one transaction.
 * See docs/decisions/019-wordpress-import.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { type Block, type Inline, parseRichText, RichTextError } from '../../richtext/rich-text.ts';
import type { Services } from '../../services.ts';
import { AUTHOR_LIMITS } from '../../domain/authors/author.ts';
import { bodyKey, emailKey } from '../../domain/comments/comment-spam.ts';
import type { CommentStatusColumn } from '../../storage/schema.ts';
import { sectionSlugProblem } from '../../domain/sections/section.ts';
import { TAG_NAME_MAX } from '../../domain/tags/tag.ts';
import { normaliseRedirectPath, REDIRECT_ORIGIN_WORDPRESS } from '../../domain/redirects/redirect.ts';
import { type ConvertedBlock, convertContent, htmlToText } from './wp-content.ts';
import { type StoryComment, type StoryRow, WordpressStore } from './wordpress-store.ts';
import { DEFAULT_WXR_LIMITS, readWxr, type WxrAuthor, WxrError, type WxrItem, type WxrLimits, type WxrSite, type WxrSource, type WxrTerm } from './wxr-reader.ts';

export { WxrError } from './wxr-reader.ts';

export interface WordpressImportOptions {
  /** The export file (Tools → Export → All content), or its bytes (read twice). */
  file: WxrSource;
  /** WordPress's `wp-content/uploads` folder, for the photos; without it photos are counted as missing. */
  uploadsDir?: string | null;
  /** Read everything and report what would happen; write nothing. */
  dryRun?: boolean;
  /**
   * Also make a newsroom account (role contributor, linked to the byline) for each author
   * with an email. Its password is never shown: nobody can sign in with it until a password
   * is set through a reset link (`samachar user reset-password`).
   */
  accounts?: boolean;
  limits?: WxrLimits;
  /** Stories done of those to import (posts and pages). */
  onProgress?: (done: number, total: number) => void;
  /** Bytes of the file checked, while it is read through before the import (the first pass). */
  onCheckProgress?: (bytes: number) => void;
}

/** What an import did (or, with dryRun, would do). Counts only; no private data. */
export interface WordpressImportReport {
  site: string;
  dryRun: boolean;
  /** New in Samachar: sections, tags, authors, photos, articles, pages, comments, pins, redirects. */
  created: Record<'sections' | 'tags' | 'authors' | 'accounts' | 'photos' | 'articles' | 'pages' | 'comments' | 'pins' | 'redirects', number>;
  /** Found from an earlier import (or an existing section of the same address) and left as they were. */
  existing: Record<'sections' | 'tags' | 'authors' | 'accounts' | 'photos' | 'articles' | 'pages', number>;
  /** Imported stories by the Samachar status they got. */
  statuses: Record<string, number>;
  /** Not imported, by reason: 'status:trash', 'status:auto-draft', 'type:nav_menu_item', 'comment:pingback' … */
  skipped: Record<string, number>;
  /** Content Samachar has no block for, kept as a paragraph of its text: element or block name → count. */
  keptAsText: Record<string, number>;
  /** Dropped with its content (scripts, styles, frames, forms): name → count. */
  removed: Record<string, number>;
  /** Links that were not http(s), mailto or a site path (their text was kept). */
  unsafeLinks: number;
  /** Photos a story shows that could not be brought in (not in the export, not in the uploads folder, unreadable). */
  missingPhotos: number;
  /** Password-protected posts: imported unpublished (Samachar has no post passwords). */
  passwordProtected: number;
  /** Sticky posts that could not be pinned (not public, or the home page's pins were full). */
  unpinned: number;
  /** One line per thing that went wrong with a single object (at most 100), for the operator. */
  problems: string[];
}

interface Attachment {
  id: number;
  parent: number;
  /** Relative to the uploads folder, e.g. `2024/03/photo.jpg`. */
  file: string;
  url: string;
  link: string;
  alt: string;
  caption: string;
  credit: string;
}

interface Scan {
  site: WxrSite;
  siteKey: string;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  attachments: Map<number, Attachment>;
  /** Posts and pages: what the progress bar counts. */
  stories: number;
}

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|tiff?)$/i;
const MAX_PROBLEMS = 100;
const META_MAX = { alt: 300, caption: 500, credit: 120 } as const;
const COMMENT_MAX = 5000;
const PAGES_SECTION = { slug: 'pages', name: 'पन्ने', nameLatin: 'Pages' } as const;

/** Reads the whole file once, collecting what the import needs before the posts; throws WxrError on a bad file. */
export async function scanWxr(file: WxrSource, limits: WxrLimits = DEFAULT_WXR_LIMITS, onRead?: (bytes: number) => void): Promise<Scan> {
  let site: WxrSite = { title: '', url: '', language: '' };
  const authors: WxrAuthor[] = [];
  const terms: WxrTerm[] = [];
  const attachments = new Map<number, Attachment>();
  let stories = 0;
  let items = 0;
  for await (const entry of readWxr(file, limits, onRead)) {
    if (entry.kind === 'site') site = entry.site;
    else if (entry.kind === 'author') authors.push(entry.author);
    else if (entry.kind === 'term') terms.push(entry.term);
    else {
      items++;
      const item = entry.item;
      if (item.type === 'post' || item.type === 'page') stories++;
      if (item.type === 'attachment' && item.id > 0) attachments.set(item.id, attachmentOf(item));
    }
  }
  const siteKey = siteKeyOf(site.url);
  if (!siteKey) throw new WxrError('the export names no site address (<wp:base_blog_url>); is it a WordPress export?');
  if (items === 0 && authors.length === 0 && terms.length === 0) throw new WxrError('the export has nothing in it');
  return { site, siteKey, authors, terms, attachments, stories };
}

/** The site's address as one key: lower-case scheme and host, no trailing slash. */
function siteKeyOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return null;
  }
}

function attachmentOf(item: WxrItem): Attachment {
  const metadata = item.meta.get('_wp_attachment_metadata') ?? '';
  return {
    id: item.id,
    parent: item.parent,
    file: (item.meta.get('_wp_attached_file') ?? '').trim() || (/\/uploads\/(.+)$/.exec(item.attachmentUrl)?.[1] ?? ''),
    url: item.attachmentUrl,
    link: item.link,
    alt: oneLine(item.meta.get('_wp_attachment_image_alt') ?? '', META_MAX.alt),
    caption: oneLine(htmlToText(item.excerpt), META_MAX.caption),
    credit: oneLine(phpSerializedString(metadata, 'credit'), META_MAX.credit),
  };
}

/**
 * One string field of PHP-serialized data (`_wp_attachment_metadata` keeps the photo's IPTC
 * credit as `s:6:"credit";s:N:"…";`). N counts bytes, so the value is cut by bytes. Read
 * with a pattern, never unserialized.
 */
function phpSerializedString(serialized: string, key: string): string {
  const m = new RegExp(`s:${Buffer.byteLength(key)}:"${key}";s:(\\d{1,6}):"`).exec(serialized);
  if (!m) return '';
  const bytes = Number(m[1]);
  const start = m.index + m[0].length;
  // N bytes are at most N characters: slicing N characters holds the whole value.
  return Buffer.from(serialized.slice(start, start + bytes)).subarray(0, bytes).toString('utf8');
}

function oneLine(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** WordPress writes Devanagari slugs percent-encoded (`%e0%a4%a6%e0%a5%87%e0%a4%b6`): the text they stand for. */
export function decodeWpSlug(slug: string): string {
  try {
    return decodeURIComponent(slug).normalize('NFC');
  } catch {
    return slug;
  }
}

/** A WordPress date (`2024-03-12 04:00:00`, UTC when it is the _gmt one) as a Date; null for WordPress's zero date. */
function wpDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m || m[1] === '0000') return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}

const STATUS: Record<string, StoryRow['status'] | undefined> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'review',
  // Readers never see a private post; the newsroom keeps it, unpublished.
  private: 'unpublished',
};

const COMMENT_STATUS: Record<string, CommentStatusColumn | undefined> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};

export async function importWordpress(services: Services, options: WordpressImportOptions): Promise<WordpressImportReport> {
  const scan = await scanWxr(options.file, options.limits, options.onCheckProgress);
  return new Importer(services, scan, options).run();
}

class Importer {
  private readonly store: WordpressStore;
  private readonly report: WordpressImportReport;
  private readonly dry: boolean;
  private readonly site: string;
  /** By the old address as the redirect map compares them, so each is counted once. */
  private readonly redirects = new Map<string, { fromPath: string; toPath: string }>();
  private readonly authorIds = new Map<string, number>();
  private readonly authorSlugs = new Map<number, string>();
  /** Category slug (as exported) → where its stories go, and the tag a sub-category adds. */
  private readonly categories = new Map<string, { sectionId: number; sectionSlug: string; tagId: number | null }>();
  private readonly tagIds = new Map<string, number>();
  private readonly media = new Map<number, number>();
  private readonly mediaByFile = new Map<string, number>();
  /** Where imported stories now live, by WordPress id (for attachment pages). */
  private readonly storyPaths = new Map<number, string>();
  private pagesSection: { id: number; slug: string } | null = null;
  private nextFakeId = -1;

  constructor(
    private readonly services: Services,
    private readonly scan: Scan,
    private readonly options: WordpressImportOptions,
  ) {
    this.store = new WordpressStore(services.storage.db);
    this.dry = options.dryRun === true;
    this.site = scan.siteKey;
    const zero = () => ({ sections: 0, tags: 0, authors: 0, accounts: 0, photos: 0, articles: 0, pages: 0 });
    this.report = {
      site: scan.site.url,
      dryRun: this.dry,
      created: { ...zero(), comments: 0, pins: 0, redirects: 0 },
      existing: zero(),
      statuses: {},
      skipped: {},
      keptAsText: {},
      removed: {},
      unsafeLinks: 0,
      missingPhotos: 0,
      passwordProtected: 0,
      unpinned: 0,
      problems: [],
    };
  }

  async run(): Promise<WordpressImportReport> {
    await this.importAuthors();
    await this.importTerms();
    await this.importPhotos();
    await this.importStories();
    this.attachmentRedirects();
    await this.saveRedirects();
    if (!this.dry) {
      // Stories were written outside the newsroom's workflow: index them and key their headlines for the desk.
      await this.services.search.reindex();
      await this.services.deskList.refreshKeys();
      this.services.changes.emitAll();
    }
    return this.report;
  }

  private problem(line: string): void {
    if (this.report.problems.length < MAX_PROBLEMS) this.report.problems.push(line);
  }

  private skip(reason: string): void {
    this.report.skipped[reason] = (this.report.skipped[reason] ?? 0) + 1;
  }

  /** A redirect from an old address (a URL or path of the old site) to a Samachar path. */
  private redirect(oldAddress: string, to: string): void {
    let fromPath = oldAddress.trim();
    const base = this.scan.site.url.replace(/\/+$/, '');
    if (base && fromPath.toLowerCase().startsWith(base.toLowerCase())) fromPath = fromPath.slice(base.length) || '/';
    else if (/^https?:\/\//i.test(fromPath)) {
      try {
        const u = new URL(fromPath);
        fromPath = u.pathname + u.search;
      } catch {
        return;
      }
    }
    if (!fromPath.startsWith('/')) return;
    // Addresses Samachar already answers itself (/author/asha/ when the byline kept its slug) need none.
    const key = normaliseRedirectPath(fromPath);
    if (key === null || key === normaliseRedirectPath(to)) return;
    this.redirects.set(key, { fromPath, toPath: to });
  }

  private async saveRedirects(): Promise<void> {
    const entries: { fromPath: string; toPath: string }[] = [];
    for (const r of this.redirects.values()) {
      // Only new or changed ones are written (and counted): a second run leaves the map as it was.
      if ((await this.services.redirects.find(r.fromPath)) !== r.toPath) entries.push(r);
    }
    this.report.created.redirects = entries.length;
    if (this.dry || entries.length === 0) return;
    for (let i = 0; i < entries.length; i += 500) {
      const part = entries.slice(i, i + 500).map((r) => ({ ...r, origin: REDIRECT_ORIGIN_WORDPRESS }));
      try {
        await this.services.redirects.putMany(part);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // One bad address must not cost the others: save them one by one, noting the bad.
        for (const r of part) {
          try {
            await this.services.redirects.put(r.fromPath, r.toPath, r.origin);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            this.report.created.redirects--;
            this.problem(`redirect ${r.fromPath.slice(0, 200)}: refused (${e.field ?? e.code})`);
          }
        }
      }
    }
  }

  // --- authors --------------------------------------------------------------------------

  private async importAuthors(): Promise<void> {
    const known = await this.store.mapOf(this.site, 'author');
    const accounts = this.options.accounts ? await this.store.mapOf(this.site, 'account') : new Map<number, number>();
    const existing = new Map((await this.services.authors.list()).map((a) => [a.id, a.slug]));
    for (const a of this.scan.authors) {
      if (!a.login) continue;
      let id = known.get(a.id);
      if (id !== undefined && existing.has(id)) {
        this.report.existing.authors++;
      } else {
        const name = oneLine(a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login, AUTHOR_LIMITS.name);
        const latinFull = [a.firstName, a.lastName].filter(Boolean).join(' ');
        const nameLatin = oneLine(/^[\p{Script=Latin}\p{N} .'-]+$/u.test(name) ? name : /^[\p{Script=Latin} .'-]+$/u.test(latinFull) ? latinFull : a.login, AUTHOR_LIMITS.nameLatin);
        this.report.created.authors++;
        if (this.dry) id = this.nextFakeId--;
        else {
          const author = await this.services.authors.add({ name, nameLatin, bio: '', photoMediaId: null });
          id = author.id;
          existing.set(id, author.slug);
          await this.store.remember(this.site, 'author', a.id, id);
        }
      }
      this.authorIds.set(a.login, id);
      if (this.options.accounts) await this.account(a, id, accounts);
      const slug = existing.get(id) ?? (slugify(a.login, { maxLength: 70 }) || 'author');
      this.authorSlugs.set(id, slug);
      const wpSlug = encodeURIComponent(a.login.toLowerCase());
      this.redirect(`/author/${wpSlug}/`, `/author/${slug}`);
      this.redirect(`/author/${wpSlug}/feed/`, `/author/${slug}/feed`);
      this.redirect(`/?author=${a.id}`, `/author/${slug}`);
    }
  }

  /** A newsroom account for an author: contributor, linked to the byline, no password anyone knows. */
  private async account(a: WxrAuthor, authorId: number, known: Map<number, number>): Promise<void> {
    if (known.has(a.id)) {
      this.report.existing.accounts++;
      return;
    }
    if (!a.email) {
      this.skip('account:no-email');
      return;
    }
    this.report.created.accounts++;
    if (this.dry) return;
    try {
      const name = oneLine(a.displayName || a.login, 100);
      const { user } = await this.services.users.create({ email: a.email, name, role: 'contributor', ...(authorId > 0 ? { authorId } : {}) });
      await this.store.remember(this.site, 'account', a.id, user.id);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.report.created.accounts--;
      // An account with this email already exists (or the email is not one): the byline stands alone.
      this.skip(err.code === 'CONFLICT' ? 'account:email-taken' : 'account:invalid');
    }
  }

  // --- categories and tags --------------------------------------------------------------

  private async importTerms(): Promise<void> {
    const sectionMap = await this.store.mapOf(this.site, 'category');
    const tagMap = await this.store.mapOf(this.site, 'tag');
    const categories = this.scan.terms.filter((t) => t.taxonomy === 'category' && t.slug);
    const bySlug = new Map(categories.map((c) => [c.slug, c]));
    /** The category's path of slugs from its top ancestor (WordPress's /category/a/b/ address). */
    const lineage = (c: WxrTerm): WxrTerm[] => {
      const chain = [c];
      for (let p = bySlug.get(c.parentSlug); p && chain.length < 20 && !chain.includes(p); p = bySlug.get(p.parentSlug)) chain.unshift(p);
      return chain;
    };
    const sections = new Map((await this.services.sections.list()).map((s) => [s.slug, s]));
    // Top-level categories first, so sub-categories find their section.
    for (const c of [...categories].sort((a, b) => lineage(a).length - lineage(b).length)) {
      const chain = lineage(c);
      const top = chain[0]!;
      const wpPath = chain.map((t) => t.slug).join('/');
      if (chain.length === 1) {
        const section = await this.sectionFor(c, sectionMap.get(c.id), sections);
        this.categories.set(c.slug, { sectionId: section.id, sectionSlug: section.slug, tagId: null });
        this.redirect(`/category/${wpPath}/`, `/${section.slug}`);
        this.redirect(`/category/${wpPath}/feed/`, `/${section.slug}/feed`);
        this.redirect(`/?cat=${c.id}`, `/${section.slug}`);
      } else {
        // Samachar's sections are one level: a sub-category's stories go to the top
        // category's section, and the sub-category becomes a tag on them.
        const parent = this.categories.get(top.slug);
        if (!parent) continue;
        const tag = await this.tagFor(c, tagMap.get(c.id));
        if (tag === null) continue;
        this.categories.set(c.slug, { sectionId: parent.sectionId, sectionSlug: parent.sectionSlug, tagId: tag.id });
        this.redirect(`/category/${wpPath}/`, `/tag/${tag.slug}`);
        this.redirect(`/category/${wpPath}/feed/`, `/tag/${tag.slug}/feed`);
        this.redirect(`/?cat=${c.id}`, `/tag/${tag.slug}`);
      }
    }
    for (const t of this.scan.terms.filter((t) => t.taxonomy === 'post_tag' && t.slug)) {
      const tag = await this.tagFor(t, tagMap.get(t.id));
      if (tag === null) continue;
      this.tagIds.set(t.slug, tag.id);
      this.redirect(`/tag/${t.slug}/`, `/tag/${tag.slug}`);
      this.redirect(`/tag/${t.slug}/feed/`, `/tag/${tag.slug}/feed`);
      this.redirect(`/?tag=${t.slug}`, `/tag/${tag.slug}`);
    }
  }

  private async sectionFor(c: WxrTerm, known: number | undefined, sections: Map<string, { id: number; slug: string }>): Promise<{ id: number; slug: string }> {
    if (known !== undefined && (this.dry ? known > 0 : await this.store.sectionExists(known))) {
      const found = [...sections.values()].find((s) => s.id === known);
      if (found) {
        this.report.existing.sections++;
        return found;
      }
    }
    const name = oneLine(htmlToText(c.name), 60) || decodeWpSlug(c.slug).slice(0, 60);
    let slug = (slugify(name, { maxLength: 50 }) || slugify(decodeWpSlug(c.slug), { maxLength: 50 }) || `category-${c.id}`).replace(/^-+|-+$/g, '');
    if (sectionSlugProblem(slug) === 'reserved') slug = `${slug}-news`;
    if (sectionSlugProblem(slug)) slug = `category-${c.id}`;
    // A section of the same address already on the site (the demo's देश, an earlier import) is the one.
    const same = sections.get(slug);
    if (same) {
      this.report.existing.sections++;
      if (!this.dry) await this.store.remember(this.site, 'category', c.id, same.id);
      return same;
    }
    this.report.created.sections++;
    const nameLatin = slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ').slice(0, 60);
    if (this.dry) {
      const fake = { id: this.nextFakeId--, slug };
      sections.set(slug, fake);
      return fake;
    }
    const section = await this.services.sections.create({ slug, name, nameLatin, description: oneLine(htmlToText(c.description), 300) });
    await this.store.remember(this.site, 'category', c.id, section.id);
    sections.set(slug, section);
    return section;
  }

  private async tagFor(t: WxrTerm, known: number | undefined): Promise<{ id: number; slug: string } | null> {
    const name = oneLine(htmlToText(t.name), TAG_NAME_MAX) || decodeWpSlug(t.slug).slice(0, TAG_NAME_MAX);
    if (known !== undefined) {
      const tag = this.dry ? null : await this.services.tags.findById(known);
      if (tag) {
        this.report.existing.tags++;
        return tag;
      }
    }
    const existing = await this.services.tags.findByName(name);
    if (existing) {
      this.report.existing.tags++;
      if (!this.dry) await this.store.remember(this.site, 'tag', t.id, existing.id);
      return existing;
    }
    this.report.created.tags++;
    if (this.dry) return { id: this.nextFakeId--, slug: slugify(name, { maxLength: 60 }) || 'tag' };
    try {
      const tag = await this.services.tags.findOrCreate(name);
      await this.store.remember(this.site, 'tag', t.id, tag.id);
      return tag;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.report.created.tags--;
      this.skip('term:invalid');
      this.problem(`tag ${t.id}: refused (${err.field ?? err.code})`);
      return null;
    }
  }

  // --- photos ---------------------------------------------------------------------------

  private async importPhotos(): Promise<void> {
    const known = await this.store.mapOf(this.site, 'attachment');
    const uploads = this.options.uploadsDir ? await fs.realpath(this.options.uploadsDir).catch(() => null) : null;
    if (this.options.uploadsDir && !uploads) this.problem(`uploads folder ${this.options.uploadsDir}: not found`);
    for (const a of this.scan.attachments.values()) {
      const mapped = known.get(a.id);
      if (mapped !== undefined) {
        this.report.existing.photos++;
        this.remember(a, mapped);
        continue;
      }
      if (!IMAGE_FILE.test(a.file || a.url)) {
        this.skip('attachment:not-a-photo');
        continue;
      }
      const bytes = uploads ? await readInside(uploads, a.file) : null;
      if (!bytes) {
        this.skip('attachment:file-missing');
        continue;
      }
      this.report.created.photos++;
      if (this.dry) {
        this.remember(a, this.nextFakeId--);
        continue;
      }
      try {
        const media = await this.services.media.ingest(bytes, { alt: a.alt, caption: a.caption, credit: a.credit });
        await this.store.remember(this.site, 'attachment', a.id, media.id);
        this.remember(a, media.id);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        this.report.created.photos--;
        this.skip('attachment:unreadable');
        this.problem(`photo ${a.id} (${a.file.slice(0, 200)}): refused by the media library (${err.field ?? err.code})`);
      }
    }
  }

  private remember(a: Attachment, mediaId: number): void {
    this.media.set(a.id, mediaId);
    if (a.file) this.mediaByFile.set(a.file.toLowerCase(), mediaId);
  }

  /** The photo an <img> shows: by its attachment id, else by its file (a sub-size's name leads to the original). */
  private photoFor(attachmentId: number | null, src: string): number | null {
    if (attachmentId !== null) {
      const id = this.media.get(attachmentId);
      if (id !== undefined) return id;
    }
    const m = /\/uploads\/([^?#]+)$/.exec(src);
    if (!m) return null;
    let file: string;
    try {
      file = decodeURIComponent(m[1]!).toLowerCase();
    } catch {
      return null;
    }
    return this.mediaByFile.get(file) ?? this.mediaByFile.get(file.replace(/-\d{1,5}x\d{1,5}(\.[a-z0-9]+)$/, '$1')) ?? this.mediaByFile.get(file.replace(/-scaled(\.[a-z0-9]+)$/, '$1')) ?? null;
  }

  private attachmentRedirects(): void {
    for (const a of this.scan.attachments.values()) {
      if (!this.media.has(a.id)) continue;
      const to = this.storyPaths.get(a.parent);
      if (!to) continue;
      // An attachment page answers with the story that shows the photo.
      if (a.link) this.redirect(a.link, to);
      this.redirect(`/?attachment_id=${a.id}`, to);
    }
  }

  // --- stories --------------------------------------------------------------------------

  private async importStories(): Promise<void> {
    const posts = await this.store.mapOf(this.site, 'post');
    const pages = await this.store.mapOf(this.site, 'page');
    const stickyPins: number[] = [];
    let done = 0;
    for await (const entry of readWxr(this.options.file, this.options.limits)) {
      if (entry.kind !== 'item') continue;
      const item = entry.item;
      if (item.type !== 'post' && item.type !== 'page') {
        if (item.type !== 'attachment') this.skip(`type:${item.type.slice(0, 40) || 'none'}`);
        continue;
      }
      const id = await this.importStory(item, item.type === 'post' ? posts : pages);
      if (id !== null && item.sticky && item.type === 'post' && item.status === 'publish' && !item.password) stickyPins.push(id);
      done++;
      this.options.onProgress?.(done, this.scan.stories);
    }
    for (const id of stickyPins) {
      if (this.dry) {
        this.report.created.pins++;
        continue;
      }
      const pinned = (await this.services.articles.pinnedForDesk()).some((a) => a.id === id);
      if (pinned) continue;
      try {
        await this.services.articles.pin(id, this.services.now());
        this.report.created.pins++;
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        this.report.unpinned++;
      }
    }
  }

  /** One post or page; returns its Samachar id (new or earlier), or null when skipped. */
  private async importStory(item: WxrItem, known: Map<number, number>): Promise<number | null> {
    const kind = item.type as 'post' | 'page';
    let status = STATUS[item.status];
    if (!status) {
      this.skip(`status:${item.status.slice(0, 40) || 'none'}`);
      return null;
    }
    const headline = oneLine(htmlToText(item.title), 300) || oneLine(htmlToText(item.content), 80) || `WordPress ${item.id}`;
    const place = await this.placeOf(item);
    if (!place) {
      this.skip('post:no-section');
      this.problem(`${kind} ${item.id}: has no category that could be imported`);
      return null;
    }
    const wpSlug = decodeWpSlug(item.slug);
    // A Latin slug an editor chose is kept; a Devanagari one (decoded) is transliterated like Samachar's own.
    const latin = /^[a-z0-9-]+$/i.test(wpSlug) ? wpSlug : '';
    const slug = slugify(latin || headline, { maxLength: 80 });
    const earlier = known.get(item.id);
    if (earlier !== undefined) {
      this.report.existing[kind === 'post' ? 'articles' : 'pages']++;
      this.storyRedirects(item, `/${place.sectionSlug}/${slug ? `${slug}-` : ''}${earlier}`);
      return earlier;
    }

    const converted = convertContent(item.content, { siteUrl: this.scan.site.url });
    const blocks = this.resolvePhotos(converted.blocks);
    const body = { version: 1 as const, blocks };
    try {
      parseRichText(body);
    } catch (err) {
      if (!(err instanceof RichTextError)) throw err;
      this.skip('post:invalid-body');
      this.problem(`${kind} ${item.id}: its text cannot be a Samachar body (${err.message} at ${err.field})`);
      return null;
    }
    for (const [k, n] of Object.entries(converted.report.keptAsText)) this.report.keptAsText[k] = (this.report.keptAsText[k] ?? 0) + n;
    for (const [k, n] of Object.entries(converted.report.removed)) this.report.removed[k] = (this.report.removed[k] ?? 0) + n;
    this.report.unsafeLinks += converted.report.unsafeLinks;

    if (item.password) {
      // Samachar has no post passwords: such a post stays where readers cannot see it.
      this.report.passwordProtected++;
      status = 'unpublished';
    }
    const created = wpDate(item.dateGmt) ?? wpDate(item.date) ?? this.services.now();
    const modified = wpDate(item.modifiedGmt) ?? created;
    const authorId = this.authorIds.get(item.creator);
    const thumbnail = Number(item.meta.get('_thumbnail_id') ?? '');
    let heroMediaId: number | null = null;
    if (Number.isSafeInteger(thumbnail) && thumbnail > 0) {
      heroMediaId = this.media.get(thumbnail) ?? null;
      if (heroMediaId === null) this.report.missingPhotos++;
    }
    const story: StoryRow = {
      sectionId: place.sectionId,
      slug,
      headline,
      dek: oneLine(htmlToText(item.excerpt), 600),
      bodyJson: JSON.stringify(body),
      heroMediaId,
      status,
      commentsOpen: item.commentStatus === 'open',
      publishedAt: status === 'draft' || status === 'review' ? null : created,
      updatedAt: modified < created ? created : modified,
      createdAt: created,
      tagIds: place.tagIds,
      authorIds: authorId === undefined ? [] : [authorId],
    };
    const comments = this.commentsOf(item);
    this.report.statuses[status] = (this.report.statuses[status] ?? 0) + 1;
    this.report.created[kind === 'post' ? 'articles' : 'pages']++;
    this.report.created.comments += comments.length;
    if (this.dry) {
      // Counted with the address it would get (its id is not known before it is written).
      this.storyRedirects(item, `/${place.sectionSlug}/${slug || 'story'}`);
      return this.nextFakeId--;
    }
    const id = await this.store.insertStory(this.site, kind, item.id, story, comments);
    known.set(item.id, id);
    this.storyRedirects(item, `/${place.sectionSlug}/${slug ? `${slug}-` : ''}${id}`);
    return id;
  }

  private storyRedirects(item: WxrItem, to: string): void {
    this.storyPaths.set(item.id, to);
    const byId = item.type === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`;
    this.redirect(byId, to);
    if (item.link && !/[?&](p|page_id)=\d+/.test(item.link)) {
      this.redirect(item.link, to);
      // The story's comment feed on WordPress; Samachar has none, so the story itself.
      this.redirect(`${item.link.replace(/\/?$/, '/')}feed/`, to);
    }
  }

  /** The section a story goes to and the tags it gets (its tags and sub-categories). */
  private async placeOf(item: WxrItem): Promise<{ sectionId: number; sectionSlug: string; tagIds: number[] } | null> {
    const tagIds: number[] = [];
    let section: { sectionId: number; sectionSlug: string } | null = null;
    for (const c of item.categories) {
      if (c.domain === 'category') {
        const place = this.categories.get(c.nicename);
        if (!place) continue;
        section ??= place;
        if (place.tagId !== null && !tagIds.includes(place.tagId)) tagIds.push(place.tagId);
      } else if (c.domain === 'post_tag') {
        const id = this.tagIds.get(c.nicename);
        if (id !== undefined && !tagIds.includes(id)) tagIds.push(id);
      }
    }
    if (item.type === 'page') {
      const pages = await this.pages();
      section = { sectionId: pages.id, sectionSlug: pages.slug };
    }
    if (!section) return null;
    return { ...section, tagIds: tagIds.slice(0, 50) };
  }

  /** The section pages go to, made the first time one is imported. */
  private async pages(): Promise<{ id: number; slug: string }> {
    if (this.pagesSection) return this.pagesSection;
    const existing = await this.services.sections.findBySlug(PAGES_SECTION.slug);
    if (existing) {
      this.pagesSection = existing;
      this.report.existing.sections++;
    } else {
      this.report.created.sections++;
      this.pagesSection = this.dry ? { id: this.nextFakeId--, slug: PAGES_SECTION.slug } : await this.services.sections.create({ ...PAGES_SECTION, description: '' });
    }
    return this.pagesSection;
  }

  /** Pending photos → image blocks of the media library; a photo not found keeps its caption as text, counted. */
  private resolvePhotos(blocks: ConvertedBlock[]): Block[] {
    const out: Block[] = [];
    for (const b of blocks) {
      if (b.type !== 'pending-image') {
        out.push(b);
        continue;
      }
      const mediaId = this.photoFor(b.attachmentId, b.src);
      if (mediaId !== null) {
        out.push({ type: 'image', mediaId: this.dry ? 1 : mediaId, ...(b.caption ? { caption: b.caption } : {}) });
        continue;
      }
      this.report.missingPhotos++;
      const text = b.caption || b.alt;
      if (text) out.push({ type: 'paragraph', content: [{ text } satisfies Inline] });
    }
    return out;
  }

  private commentsOf(item: WxrItem): StoryComment[] {
    const out: StoryComment[] = [];
    const ids = new Set<number>();
    const sorted = [...item.comments].sort((a, b) => a.id - b.id);
    for (const c of sorted) {
      if (ids.has(c.id)) {
        this.skip('comment:repeated-id');
        continue;
      }
      if (c.type && c.type !== 'comment') {
        this.skip(`comment:${c.type.slice(0, 40)}`);
        continue;
      }
      const status = COMMENT_STATUS[c.approved];
      if (!status) {
        this.skip(`comment:status:${c.approved.slice(0, 40)}`);
        continue;
      }
      let body = htmlToText(c.content);
      if (!body) {
        this.skip('comment:empty');
        continue;
      }
      if (body.length > COMMENT_MAX) body = `${body.slice(0, COMMENT_MAX - 1)}…`;
      const url = c.url && /^https?:\/\//i.test(c.url) && c.url.length <= 200 ? c.url : null;
      const email = oneLine(c.email, 254);
      out.push({
        wpId: c.id,
        // A parent later in the file than its reply (or not exported) makes a top-level comment.
        wpParent: ids.has(c.parent) ? c.parent : 0,
        authorName: oneLine(htmlToText(c.author), 100) || 'Anonymous',
        authorEmail: email,
        authorUrl: url,
        body,
        status,
        createdAt: wpDate(c.dateGmt) ?? wpDate(c.date) ?? this.services.now(),
        emailKey: emailKey(email),
        bodyKey: bodyKey(body),
      });
      ids.add(c.id);
    }
    return out;
  }
}

/**
 * A file of the uploads folder, or null. The name comes from the export, so it may not
 * leave the folder: no absolute names, no `..`, no symbolic link pointing out.
 */
async function readInside(root: string, relative: string): Promise<Buffer | null> {
  if (!relative || path.isAbsolute(relative) || relative.includes('\0') || relative.split(/[\\/]/).includes('..')) return null;
  try {
    const real = await fs.realpath(path.join(root, relative));
    if (!real.startsWith(root + path.sep)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > 50 * 1024 * 1024) return null;
    return await fs.readFile(real);
  } catch {
    return null;
  }
}
