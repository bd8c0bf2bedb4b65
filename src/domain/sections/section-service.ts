import { DomainError } from '../../errors.ts';
import { isValidSectionSlug, type NewSection, type Section } from './section.ts';
import type { SectionStore } from './section-store.ts';

export class SectionService {
  constructor(private readonly store: SectionStore) {}

  list(): Promise<Section[]> {
    return this.store.list();
  }

  findBySlug(slug: string): Promise<Section | null> {
    return this.store.findBySlug(slug);
  }

  async create(input: NewSection): Promise<Section> {
    if (!isValidSectionSlug(input.slug)) throw new DomainError('INVALID_INPUT', 'slug');
    if (!input.name.trim()) throw new DomainError('INVALID_INPUT', 'name');
    return this.store.insert(input);
  }
}
