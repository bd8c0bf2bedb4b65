/**
 * The zod schemas of the content API (/api/v1/): the same objects validate requests in the
 * routes and become the OpenAPI document's JSON Schemas (openapi.ts), so the two cannot
 * drift apart. Query values arrive as text; they are checked as text here (a pattern) and
 * converted in the routes, so the documented schema is exactly what is accepted.
 */
import { z } from 'zod';
import { RichTextSchema } from '../../richtext/rich-text.ts';

/** Largest page of a list. */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100);
const IdText = z.string().regex(/^[1-9][0-9]{0,9}$/);
const Time = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 with the offset (India: +05:30)' });

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable code from the error catalogue, e.g. INVALID_INPUT, API_KEY_INVALID, TOO_MANY_REQUESTS' }),
      message: z.string().meta({ description: 'In English' }),
      messageHi: z.string().meta({ description: 'In Hindi' }),
      field: z.string().optional().meta({ description: 'The parameter or body field at fault, e.g. `limit` or `body.blocks.2.content`' }),
    }),
  })
  .catchall(z.unknown())
  .meta({ description: 'Every refusal: 400 names the field; 401/403 keys; 404; 409; 413; 429 with Retry-After; 503 with Retry-After.' });

export const SectionRefSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });
export const TagSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), url: z.url() });
export const AuthorSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), nameLatin: z.string(), bio: z.string(), url: z.url() });
export const SectionSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), nameLatin: z.string(), description: z.string(), url: z.url() });

export const PhotoSchema = z.object({
  id: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  variants: z
    .array(z.object({ format: z.enum(['avif', 'webp', 'jpeg']), width: z.number().int(), height: z.number().int(), url: z.url() }))
    .meta({ description: 'Every width in every format, re-encoded by Samachar' }),
});

/** Every field a story has; `fields=` keeps some of them (id always). */
export const StorySchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.url().meta({ description: 'The story page on the site' }),
  headline: z.string(),
  dek: z.string(),
  body: RichTextSchema.meta({ description: "Samachar's block JSON (the same format the integration API accepts)" }),
  html: z.string().meta({ description: 'The body as HTML from the block allowlist, URLs absolute' }),
  text: z.string().meta({ description: 'The body as plain text' }),
  section: SectionRefSchema,
  tags: z.array(TagSchema),
  authors: z.array(AuthorSchema),
  hero: PhotoSchema.nullable(),
  publishedAt: Time,
  modifiedAt: Time,
});
export type StoryJson = z.infer<typeof StorySchema>;
export const STORY_FIELDS = Object.keys(StorySchema.shape) as (keyof StoryJson)[];
/** Fields that need the whole story (body, tags, authors), not the list's summary. */
export const FULL_FIELDS: ReadonlySet<string> = new Set(['body', 'html', 'text', 'tags', 'authors']);

/** A story with only the fields asked for. Without `fields=`, every field is there. */
export const PartialStorySchema = StorySchema.partial().required({ id: true });

const Fields = z
  .string()
  .max(400)
  .regex(/^[a-zA-Z]+(,[a-zA-Z]+)*$/)
  .meta({ description: `Comma-separated fields to return (id always): ${STORY_FIELDS.join(', ')}` });

export const StoryListQuery = z.strictObject({
  section: Slug.optional().meta({ description: 'Only stories of this section (slug)' }),
  tag: Slug.optional().meta({ description: 'Only stories with this tag (slug)' }),
  author: Slug.optional().meta({ description: 'Only stories by this author (slug)' }),
  limit: z.string().regex(/^[1-9][0-9]{0,2}$/).optional().meta({ description: `Stories per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT})` }),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional().meta({ description: 'The `nextCursor` of the previous page' }),
  fields: Fields.optional(),
});

export const StoryListSchema = z.object({
  items: z.array(PartialStorySchema),
  nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
});

export const StoryParams = z.strictObject({ id: IdText });
export const StoryQuery = z.strictObject({ fields: Fields.optional() });
export const SlugParams = z.strictObject({ slug: Slug });
export const NoQuery = z.strictObject({});

export const SectionListSchema = z.object({ items: z.array(SectionSchema) });
export const AuthorListSchema = z.object({ items: z.array(AuthorSchema) });
export const SectionOneSchema = z.object({ section: SectionSchema });
export const TagOneSchema = z.object({ tag: TagSchema });
export const AuthorOneSchema = z.object({ author: AuthorSchema });

export const SearchQuery = z.strictObject({
  q: z.string().min(1).max(256).meta({ description: 'Hindi, Hinglish or English words' }),
  section: Slug.optional(),
  page: z.string().regex(/^[1-9][0-9]{0,2}$/).optional().meta({ description: 'Page number (1 to 100)' }),
  limit: z.string().regex(/^[1-9][0-9]?$/).optional().meta({ description: 'Results per page, 1 to 50 (default 10)' }),
});

export const SearchResultSchema = z.object({
  query: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      url: z.url(),
      headline: z.string(),
      snippet: z.string(),
      section: SectionRefSchema,
      hero: PhotoSchema.nullable(),
      publishedAt: Time.nullable(),
      score: z.number(),
    }),
  ),
});

// The integration API.

const Text = (max: number) => z.string().max(max);
export const StoryWriteFields = {
  headline: Text(300),
  dek: Text(600),
  slug: z.string().regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/).max(100),
  sectionId: z.number().int().positive(),
  tagNames: z.array(Text(80)).max(20),
  authorIds: z.array(z.number().int().positive()).max(10).meta({ description: 'Bylines; needs a role that may choose authors (editor, admin)' }),
  heroMediaId: z.number().int().positive().nullable(),
  body: RichTextSchema,
  seoTitle: Text(120),
  seoDescription: Text(320),
  correctionNote: Text(1000),
};

export const StoryCreateBody = z.strictObject({ ...StoryWriteFields, headline: Text(300).min(1) }).partial().required({ headline: true, sectionId: true });
export const StoryUpdateBody = z
  .strictObject({ ...StoryWriteFields, baseVersion: z.number().int().positive().meta({ description: 'The `version` you last read: refused with 409 if someone saved since' }) })
  .partial();
export const PublishBody = z
  .strictObject({
    publishAt: Time.optional().meta({ description: 'Schedule for this time instead of publishing now' }),
    baseVersion: z.number().int().positive().optional(),
  })
  .optional();
export const SubmitBody = z.strictObject({ note: z.string().max(500).optional() }).optional();

export const EditableStorySchema = z.object({
  id: z.number().int(),
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']),
  headline: z.string(),
  dek: z.string(),
  slug: z.string(),
  sectionId: z.number().int(),
  tagNames: z.array(z.string()),
  authorIds: z.array(z.number().int()),
  heroMediaId: z.number().int().nullable(),
  body: RichTextSchema,
  seoTitle: z.string(),
  seoDescription: z.string(),
  correctionNote: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int().meta({ description: 'Send as baseVersion with the next change' }),
  revision: z.number().int(),
  live: z.boolean().meta({ description: 'Published or scheduled: changes wait as the pending version until published (Update)' }),
  pending: z.boolean().meta({ description: 'There are changes readers do not see yet' }),
  url: z.url().nullable().meta({ description: 'The story page, once published' }),
});
export const EditableStoryOne = z.object({ story: EditableStorySchema });
