import type { Media } from '../media/media.ts';

/** A byline: a reporter or a desk. */
export interface Author {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly nameLatin: string;
  readonly bio: string;
  readonly photo: Media | null;
}

export interface NewAuthor {
  slug: string;
  name: string;
  nameLatin: string;
  bio?: string;
  photoMediaId?: number | null;
}

/** What the newsroom edits on a byline. The slug is made from the Latin name once and then kept, so links stay. */
export interface AuthorInput {
  name: string;
  nameLatin: string;
  bio: string;
  photoMediaId: number | null;
}

export const AUTHOR_LIMITS = { name: 80, nameLatin: 80, bio: 1000 } as const;
