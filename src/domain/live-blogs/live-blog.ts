/**
 * Live blogs (issue 15): a story whose page carries timestamped posts, newest first, written
 * by several staff at once; key events pinned to a summary at the top; ended once
 * ("लाइव ब्लॉग समाप्त"). A post's body is rich text like a story's (src/richtext/): a photo,
 * embed or quote post is a body holding that block.
 */
import type { RichText } from '../../richtext/rich-text.ts';

export const LIVE_POST_KINDS = ['text', 'photo', 'embed', 'quote'] as const;
export type LivePostKind = (typeof LIVE_POST_KINDS)[number];

/** Posts on the story's page before "load earlier"; and on each earlier page. */
export const LIVE_PAGE_SIZE = 30;
/** Blocks one post may hold: a post is short. */
export const LIVE_POST_MAX_BLOCKS = 20;

export interface LiveBlog {
  readonly articleId: number;
  readonly startedAt: Date;
  /** Null while it is live. */
  readonly endedAt: Date | null;
  readonly updatedAt: Date;
}

export interface LivePost {
  readonly id: number;
  readonly articleId: number;
  readonly kind: LivePostKind;
  readonly body: RichText;
  readonly keyEvent: boolean;
  readonly authorName: string;
  readonly createdAt: Date;
  /** Set once the post is changed after it was published: shown as "updated". */
  readonly editedAt: Date | null;
  readonly updatedAt: Date;
}

export interface LivePostInput {
  readonly kind: LivePostKind;
  readonly body: unknown;
  readonly keyEvent?: boolean;
}

export interface LivePostPatch {
  readonly body?: unknown;
  readonly keyEvent?: boolean;
}

/** The live hub's channel of a story's posts. */
export function liveChannel(articleId: number): string {
  return `live:${articleId}`;
}

/** The block a post of this kind must hold (text: any). */
export function requiredBlock(kind: LivePostKind): 'image' | 'embed' | 'quote' | null {
  return kind === 'photo' ? 'image' : kind === 'embed' ? 'embed' : kind === 'quote' ? 'quote' : null;
}
