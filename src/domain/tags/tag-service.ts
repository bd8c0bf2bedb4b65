import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { cleanTagName, TAG_NAME_MAX, type Tag, type TagWithCount } from './tag.ts';
import type { TagStore } from './tag-store.ts';

export class TagService {
  constructor(
    private readonly store: TagStore,
    private readonly changes: ChangeFeed,
  ) {}

  findBySlug(slug: string): Promise<Tag | null> {
    return this.store.findBySlug(slug);
  }

  /** The tag with this name, made if it does not exist yet, with a unique transliterated slug. */
  async findOrCreate(name: string): Promise<Tag> {
    const clean = cleanTagName(name);
    if (!clean || clean.length > TAG_NAME_MAX) throw new DomainError('INVALID_INPUT', 'tags');
    const existing = await this.store.findByName(clean);
    if (existing) return existing;
    const base = slugify(clean, { maxLength: 60 }) || 'tag';
    let slug = base;
    for (let n = 2; await this.store.slugExists(slug); n++) slug = `${base}-${n}`;
    return this.store.insert(slug, clean);
  }

  /** The tag with exactly this name (after cleaning), without making one. */
  findByName(name: string): Promise<Tag | null> {
    return this.store.findByName(cleanTagName(name));
  }

  findById(id: number): Promise<Tag | null> {
    return this.store.findById(id);
  }

  /** Tags whose name or slug contains `query` (all when empty), by name, with article counts. */
  list(query: string, page: number, pageSize: number): Promise<{ items: TagWithCount[]; total: number }> {
    return this.store.listWithCounts(query.normalize('NFC').trim().slice(0, 80), pageSize, (page - 1) * pageSize);
  }

  /**
   * Renames a tag. The slug stays, so links to the tag's page keep working.
   * Errors: NOT_FOUND; INVALID_INPUT on name (empty, too long, or 'taken' by another tag).
   */
  async rename(id: number, name: string): Promise<Tag> {
    if (!(await this.store.findById(id))) throw new DomainError('NOT_FOUND');
    const clean = cleanTagName(name);
    if (!clean || clean.length > TAG_NAME_MAX) throw new DomainError('INVALID_INPUT', 'name');
    const other = await this.store.findByName(clean);
    if (other && other.id !== id) throw new DomainError('INVALID_INPUT', 'name', 'taken');
    await this.store.rename(id, clean);
    this.changes.emit([contentTags.tag(id), contentTags.search]);
    return (await this.store.findById(id))!;
  }
}
