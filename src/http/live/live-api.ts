/**
 * Live blogs in the integration API (`/api/v1/admin/stories/:id/live…`, with an API key):
 * start and end a story's live blog, post, change, pin (key event) and delete posts. The
 * routes are registered inside the integration API's plugin (its key check, per-key limit,
 * `no-store` and JSON-only body apply), and its OpenAPI document lists them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LIVE_POST_KINDS, type LiveBlog, type LivePost } from '../../domain/live-blogs/live-blog.ts';
import type { User } from '../../domain/users/user.ts';
import { RichTextSchema } from '../../richtext/rich-text.ts';
import type { Services } from '../../services.ts';
import { type ApiOperation, apiRoute } from '../api/api-route.ts';

const IdText = z.string().regex(/^[1-9][0-9]{0,9}$/);
const LiveParams = z.strictObject({ id: IdText });
const LivePostParams = z.strictObject({ id: IdText, postId: IdText });

const LivePostCreateBody = z.strictObject({
  kind: z.enum(LIVE_POST_KINDS).meta({ description: 'text; photo, embed and quote posts hold an image, embed or quote block' }),
  body: RichTextSchema,
  keyEvent: z.boolean().optional().meta({ description: 'Pinned to the key events at the top' }),
});
const LivePostUpdateBody = z.strictObject({ body: RichTextSchema.optional(), keyEvent: z.boolean().optional() });

const LiveBlogJson = z.object({ articleId: z.number().int(), startedAt: z.string(), endedAt: z.string().nullable() });
const LiveBlogOne = z.object({ liveBlog: LiveBlogJson });
const LivePostJson = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  kind: z.enum(LIVE_POST_KINDS),
  body: RichTextSchema,
  keyEvent: z.boolean(),
  authorName: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
const LivePostOne = z.object({ post: LivePostJson });
const Deleted = z.object({ deleted: z.literal(true) });

const ERRORS = [400, 401, 403, 404, 409, 410, 413, 415, 429, 503];

export const LIVE_OPERATIONS = {
  startLiveBlog: {
    id: 'startLiveBlog',
    method: 'POST',
    path: '/api/v1/admin/stories/:id/live/start',
    tag: 'Integration',
    summary: 'Make a story a live blog (or reopen an ended one)',
    auth: true,
    params: LiveParams,
    responses: { 200: { description: 'The live blog', schema: LiveBlogOne } },
    errors: ERRORS,
  },
  endLiveBlog: {
    id: 'endLiveBlog',
    method: 'POST',
    path: '/api/v1/admin/stories/:id/live/end',
    tag: 'Integration',
    summary: 'End a live blog ("लाइव ब्लॉग समाप्त"): readers see it ended, no more posts',
    auth: true,
    params: LiveParams,
    responses: { 200: { description: 'The ended live blog', schema: LiveBlogOne } },
    errors: ERRORS,
  },
  createLivePost: {
    id: 'createLivePost',
    method: 'POST',
    path: '/api/v1/admin/stories/:id/live/posts',
    tag: 'Integration',
    summary: 'Post to a live blog',
    description: 'On a published story the post is public at once and reaches open pages over the live stream; it takes a key allowed to publish the story.',
    auth: true,
    params: LiveParams,
    body: LivePostCreateBody,
    responses: { 201: { description: 'The post', schema: LivePostOne } },
    errors: ERRORS,
  },
  updateLivePost: {
    id: 'updateLivePost',
    method: 'PATCH',
    path: '/api/v1/admin/stories/:id/live/posts/:postId',
    tag: 'Integration',
    summary: 'Change a live post (shown as updated) or pin it as a key event',
    auth: true,
    params: LivePostParams,
    body: LivePostUpdateBody,
    responses: { 200: { description: 'The post after the change', schema: LivePostOne } },
    errors: ERRORS,
  },
  deleteLivePost: {
    id: 'deleteLivePost',
    method: 'DELETE',
    path: '/api/v1/admin/stories/:id/live/posts/:postId',
    tag: 'Integration',
    summary: 'Delete a live post',
    auth: true,
    params: LivePostParams,
    responses: { 200: { description: 'Deleted', schema: Deleted } },
    errors: ERRORS,
  },
} as const satisfies Record<string, ApiOperation>;

const blogJson = (b: LiveBlog) => ({ liveBlog: { articleId: b.articleId, startedAt: b.startedAt.toISOString(), endedAt: b.endedAt?.toISOString() ?? null } });
const postJson = (p: LivePost) => ({
  post: { id: p.id, articleId: p.articleId, kind: p.kind, body: p.body, keyEvent: p.keyEvent, authorName: p.authorName, createdAt: p.createdAt.toISOString(), editedAt: p.editedAt?.toISOString() ?? null },
});

/** Called inside the integration API's plugin, with its way of knowing the key's account. */
export function registerLiveApi(app: FastifyInstance, services: Services, actor: (request: FastifyRequest) => User, extra: { bodyLimit: number }): void {
  const id = (params: { id: string }) => Number(params.id);
  apiRoute(app, LIVE_OPERATIONS.startLiveBlog, async ({ params }, request) => blogJson(await services.liveBlogs.start(actor(request), id(params))));
  apiRoute(app, LIVE_OPERATIONS.endLiveBlog, async ({ params }, request) => blogJson(await services.liveBlogs.end(actor(request), id(params))));
  apiRoute(
    app,
    LIVE_OPERATIONS.createLivePost,
    async ({ params, body }, request, reply) => reply.code(201).send(postJson(await services.liveBlogs.addPost(actor(request), id(params), body))),
    extra,
  );
  apiRoute(
    app,
    LIVE_OPERATIONS.updateLivePost,
    async ({ params, body }, request) => postJson(await services.liveBlogs.updatePost(actor(request), id(params), Number(params.postId), body)),
    extra,
  );
  apiRoute(app, LIVE_OPERATIONS.deleteLivePost, async ({ params }, request) => {
    await services.liveBlogs.deletePost(actor(request), id(params), Number(params.postId));
    return { deleted: true as const };
  });
}
