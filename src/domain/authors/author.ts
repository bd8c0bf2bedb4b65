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
