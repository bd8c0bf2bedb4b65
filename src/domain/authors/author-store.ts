import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { Author, NewAuthor } from './author.ts';

export class AuthorStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly media: MediaStore,
  ) {}

  async findBySlug(slug: string): Promise<Author | null> {
    const row = await this.db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) return null;
    const photo = row.photo_media_id === null ? null : await this.media.findById(row.photo_media_id);
    return { id: row.id, slug: row.slug, name: row.name, nameLatin: row.name_latin, bio: row.bio, photo };
  }

  async insert(input: NewAuthor): Promise<Author> {
    const row = await this.db
      .insertInto('authors')
      .values({
        slug: input.slug,
        name: input.name,
        name_latin: input.nameLatin,
        bio: input.bio ?? '',
        photo_media_id: input.photoMediaId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const photo = row.photo_media_id === null ? null : await this.media.findById(row.photo_media_id);
    return { id: row.id, slug: row.slug, name: row.name, nameLatin: row.name_latin, bio: row.bio, photo };
  }
}
