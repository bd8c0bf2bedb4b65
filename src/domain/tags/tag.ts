/** A tag: a Hindi name readers see, and a transliterated slug for its page. */
export interface Tag {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}
