/** A tag: a Hindi name readers see, and a transliterated slug for its page. */
export interface Tag {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

/** A tag in the newsroom's list: how many stories (of any status) carry it. */
export interface TagWithCount extends Tag {
  readonly articleCount: number;
}

export const TAG_NAME_MAX = 80;

/** A tag name as stored: NFC, single spaces, trimmed. */
export function cleanTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
