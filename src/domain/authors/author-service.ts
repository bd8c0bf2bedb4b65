import { DomainError } from '../../errors.ts';
import type { Author, NewAuthor } from './author.ts';
import type { AuthorStore } from './author-store.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class AuthorService {
  constructor(private readonly store: AuthorStore) {}

  findBySlug(slug: string): Promise<Author | null> {
    return this.store.findBySlug(slug);
  }

  create(input: NewAuthor): Promise<Author> {
    if (!SLUG.test(input.slug) || input.slug.length > 80) throw new DomainError('INVALID_INPUT', 'slug');
    if (!input.name.trim()) throw new DomainError('INVALID_INPUT', 'name');
    return this.store.insert(input);
  }
}
