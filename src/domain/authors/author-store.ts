import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.ts';
import { syncArticlesIndex } from '../../search/search-index-store.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { Author, AuthorInput, NewAuthor } from './author.ts';

export class AuthorStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly media: MediaStore,
  ) {}

  async exists(id: number): Promise<boolean> {
    return (await this.db.selectFrom('authors').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async list(): Promise<{ id: number; name: string; slug: string }[]> {
    return this.db.selectFrom('authors').select(['id', 'name', 'slug']).orderBy('name').execute();
  }

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

  async findById(id: number): Promise<Author | null> {
    const row = await this.db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const photo = row.photo_media_id === null ? null : await this.media.findById(row.photo_media_id);
    return { id: row.id, slug: row.slug, name: row.name, nameLatin: row.name_latin, bio: row.bio, photo };
  }

  /** Every byline with its photo, by name. */
  async listFull(): Promise<Author[]> {
    const rows = await this.db.selectFrom('authors').selectAll().orderBy('name').orderBy('id').execute();
    const photos = await this.media.findByIds(rows.flatMap((r) => (r.photo_media_id === null ? [] : [r.photo_media_id])));
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      nameLatin: r.name_latin,
      bio: r.bio,
      photo: r.photo_media_id === null ? null : (photos.get(r.photo_media_id) ?? null),
    }));
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  }

  async mediaExists(id: number): Promise<boolean> {
    return (await this.media.findById(id)) !== null;
  }

  /** Changes the byline, and re-indexes its stories in the same transaction (search finds them by the new name at once). */
  async update(id: number, input: AuthorInput): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('authors')
        .set({ name: input.name, name_latin: input.nameLatin, bio: input.bio, photo_media_id: input.photoMediaId })
        .where('id', '=', id)
        .execute();
      const rows = await trx.selectFrom('article_authors').select('article_id').where('author_id', '=', id).execute();
      await syncArticlesIndex(trx, rows.map((r) => r.article_id));
    });
  }
}
