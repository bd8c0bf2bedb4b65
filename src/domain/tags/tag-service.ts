import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import type { Tag } from './tag.ts';
import type { TagStore } from './tag-store.ts';

export class TagService {
  constructor(private readonly store: TagStore) {}

  findBySlug(slug: string): Promise<Tag | null> {
    return this.store.findBySlug(slug);
  }

  /** The tag with this name, made if it does not exist yet, with a unique transliterated slug. */
  async findOrCreate(name: string): Promise<Tag> {
    const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!clean || clean.length > 80) throw new DomainError('INVALID_INPUT', 'tags');
    const existing = await this.store.findByName(clean);
    if (existing) return existing;
    const base = slugify(clean, { maxLength: 60 }) || 'tag';
    let slug = base;
    for (let n = 2; await this.store.slugExists(slug); n++) slug = `${base}-${n}`;
    return this.store.insert(slug, clean);
  }
}
