import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { type Author, AUTHOR_LIMITS, type AuthorInput, type NewAuthor } from './author.ts';
import type { AuthorStore } from './author-store.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class AuthorService {
  constructor(
    private readonly store: AuthorStore,
    private readonly changes: ChangeFeed,
  ) {}

  exists(id: number): Promise<boolean> {
    return this.store.exists(id);
  }

  list(): Promise<{ id: number; name: string; slug: string }[]> {
    return this.store.list();
  }

  findBySlug(slug: string): Promise<Author | null> {
    return this.store.findBySlug(slug);
  }

  create(input: NewAuthor): Promise<Author> {
    if (!SLUG.test(input.slug) || input.slug.length > 80) throw new DomainError('INVALID_INPUT', 'slug');
    if (!input.name.trim()) throw new DomainError('INVALID_INPUT', 'name');
    return this.store.insert(input);
  }

  get(id: number): Promise<Author | null> {
    return this.store.findById(id);
  }

  /** Every byline with bio and photo, for the newsroom's list. */
  listFull(): Promise<Author[]> {
    return this.store.listFull();
  }

  /**
   * Adds a byline from the newsroom's form; its slug is transliterated from the Latin
   * name (or the name), made unique with -2, -3 ….
   * Errors: INVALID_INPUT on name, nameLatin, bio or photoMediaId ('not-found').
   */
  async add(input: AuthorInput): Promise<Author> {
    const clean = await this.clean(input);
    const base = slugify(clean.nameLatin, { maxLength: 70 }) || slugify(clean.name, { maxLength: 70 }) || 'author';
    let slug = base;
    for (let n = 2; await this.store.slugExists(slug); n++) slug = `${base}-${n}`;
    const author = await this.store.insert({ ...clean, slug });
    // Lists of bylines (the content API's, the authors sitemap) show every author.
    this.changes.emit([contentTags.author(author.id), contentTags.search]);
    return author;
  }

  /** Changes a byline's names, bio and photo. The slug stays, so links to the author's page keep working. */
  async update(id: number, input: AuthorInput): Promise<Author> {
    if (!(await this.store.exists(id))) throw new DomainError('NOT_FOUND');
    await this.store.update(id, await this.clean(input));
    this.changes.emit([contentTags.author(id), contentTags.search]);
    return (await this.store.findById(id))!;
  }

  private async clean(input: AuthorInput): Promise<AuthorInput> {
    const oneLine = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
    const name = oneLine(input.name);
    const nameLatin = oneLine(input.nameLatin);
    const bio = input.bio.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (!name || name.length > AUTHOR_LIMITS.name) throw new DomainError('INVALID_INPUT', 'name');
    if (!nameLatin || nameLatin.length > AUTHOR_LIMITS.nameLatin) throw new DomainError('INVALID_INPUT', 'nameLatin');
    if (bio.length > AUTHOR_LIMITS.bio) throw new DomainError('INVALID_INPUT', 'bio');
    const photoMediaId = input.photoMediaId;
    if (photoMediaId !== null && (!Number.isSafeInteger(photoMediaId) || photoMediaId <= 0 || !(await this.store.mediaExists(photoMediaId)))) {
      throw new DomainError('INVALID_INPUT', 'photoMediaId', 'not-found');
    }
    return { name, nameLatin, bio, photoMediaId };
  }
}
