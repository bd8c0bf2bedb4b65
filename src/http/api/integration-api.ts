/**
 * The integration API for trusted systems (an agency feed, another desk tool):
 * `/api/v1/admin/stories…` to read, create, change, submit and publish stories with an API
 * key (`Authorization: Bearer sk_…`, made by an admin). Each key acts as its own account
 * with the key's role, through the same article services as the newsroom's editor, so
 * the same permission, validation and pending-version rules apply: a change to a live story
 * waits as its pending version until someone allowed to publish publishes it.
 *
 * No cookies and no CSRF token (nothing here is sent by a browser on its own), never cached
 * (`no-store`), limited per key (429 with Retry-After), bodies up to 2 MB (413 beyond).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { articlePath, type ArticlePatch, type EditableArticle } from '../../domain/articles/article.ts';
import { can, type User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import type { Services } from '../../services.ts';
import { type ApiOperation, apiRoute } from './api-route.ts';
import { EditableStoryOne, PublishBody, StoryCreateBody, StoryParams, StoryUpdateBody, SubmitBody } from './api-schemas.ts';
import { originOf } from './story-json.ts';
import { registerLiveApi } from '../live/live-api.ts';

/** Largest JSON body: a long story with every block type fits many times over. */
export const API_BODY_LIMIT = 2 * 1024 * 1024;

const WRITE_ERRORS = [400, 401, 403, 404, 409, 410, 413, 415, 429, 503];

export const INTEGRATION_OPERATIONS = {
  getStoryForEdit: {
    id: 'getStoryForEdit',
    method: 'GET',
    path: '/api/v1/admin/stories/:id',
    tag: 'Integration',
    summary: 'A story as the newsroom edits it (any status the key may edit)',
    auth: true,
    params: StoryParams,
    responses: { 200: { description: 'The story, with the pending version if there is one', schema: EditableStoryOne } },
    errors: [400, 401, 403, 404, 429, 503],
  },
  createStory: {
    id: 'createStory',
    method: 'POST',
    path: '/api/v1/admin/stories',
    tag: 'Integration',
    summary: 'File a new story (a draft)',
    description: 'Every field is checked before anything is written: a refusal leaves no story behind. Publish it with …/publish, or send it for review with …/submit.',
    auth: true,
    body: StoryCreateBody,
    responses: { 201: { description: 'The new draft', schema: EditableStoryOne } },
    errors: [400, 401, 403, 413, 415, 429, 503],
  },
  updateStory: {
    id: 'updateStory',
    method: 'PATCH',
    path: '/api/v1/admin/stories/:id',
    tag: 'Integration',
    summary: 'Change a story',
    description: 'Absent fields stay as they are. A published or scheduled story keeps what readers see: the change becomes its pending version (`pending: true`) until …/publish.',
    auth: true,
    params: StoryParams,
    body: StoryUpdateBody,
    responses: { 200: { description: 'The story after the change', schema: EditableStoryOne } },
    errors: WRITE_ERRORS,
  },
  publishStory: {
    id: 'publishStory',
    method: 'POST',
    path: '/api/v1/admin/stories/:id/publish',
    tag: 'Integration',
    summary: 'Publish a story, its pending changes, or schedule it (`publishAt`)',
    description: "Only when the key's role may publish (editor, admin; a reporter key only when the site lets reporters publish their own stories). Every photo needs alt text, a caption and a credit.",
    auth: true,
    params: StoryParams,
    body: PublishBody,
    responses: { 200: { description: 'The story, published or scheduled', schema: EditableStoryOne } },
    errors: WRITE_ERRORS,
  },
  submitStory: {
    id: 'submitStory',
    method: 'POST',
    path: '/api/v1/admin/stories/:id/submit',
    tag: 'Integration',
    summary: 'Send a draft, or the pending changes of a live story, for review',
    auth: true,
    params: StoryParams,
    body: SubmitBody,
    responses: { 200: { description: 'The story, in review', schema: EditableStoryOne } },
    errors: WRITE_ERRORS,
  },
} as const satisfies Record<string, ApiOperation>;

export const integrationApi: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const origin = originOf(services.config.siteUrl);
  const actors = new WeakMap<FastifyRequest, User>();
  // JSON only: a text body (Fastify reads text/plain by default) is 415, not a string to validate.
  app.removeContentTypeParser('text/plain');

  // Before the body is read: an unknown key or one over its limit costs no parsing.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    let found;
    try {
      found = await services.apiKeys.authenticate(request.headers.authorization);
    } catch (err) {
      if (err instanceof DomainError && err.code.startsWith('API_KEY_')) reply.header('www-authenticate', 'Bearer');
      throw err;
    }
    const wait = services.apiKeys.take(found.key.id);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new DomainError('TOO_MANY_REQUESTS', undefined, `key ${found.key.id} over its limit`);
    }
    actors.set(request, found.user);
  });

  const actor = (request: FastifyRequest): User => {
    const user = actors.get(request);
    if (!user) throw new DomainError('API_KEY_REQUIRED');
    return user;
  };

  async function json(story: EditableArticle) {
    const section = story.status === 'published' ? await services.sections.findById(story.sectionId) : null;
    return {
      story: {
        id: story.id,
        status: story.status,
        headline: story.headline,
        dek: story.dek,
        slug: story.slug,
        sectionId: story.sectionId,
        tagNames: [...story.tagNames],
        authorIds: [...story.authorIds],
        heroMediaId: story.heroMediaId,
        body: story.body,
        seoTitle: story.seoTitle,
        seoDescription: story.seoDescription,
        correctionNote: story.correctionNote,
        publishedAt: story.publishedAt,
        updatedAt: story.updatedAt,
        version: story.version,
        revision: story.revision,
        live: story.live,
        pending: story.pending !== null,
        url: section ? `${origin}${articlePath({ id: story.id, slug: story.slug, section })}` : null,
      },
    };
  }

  /** What a save checks against the database, checked before the story is made, so a refusal writes nothing. */
  async function precheck(user: User, patch: ArticlePatch): Promise<void> {
    if (patch.sectionId !== undefined && !(await services.sections.findById(patch.sectionId))) throw new DomainError('INVALID_INPUT', 'sectionId');
    if (patch.authorIds !== undefined && patch.authorIds.length > 0) {
      if (!can(user, 'article.setAuthors')) throw new DomainError('FORBIDDEN', 'authorIds', `${user.role} may not choose authors`);
      for (const a of patch.authorIds) if (!(await services.authors.exists(a))) throw new DomainError('INVALID_INPUT', 'authorIds');
    }
    if (patch.heroMediaId !== undefined && patch.heroMediaId !== null && !(await services.media.findById(patch.heroMediaId))) throw new DomainError('INVALID_INPUT', 'heroMediaId');
    if (patch.body !== undefined) {
      const body = patch.body as Parameters<typeof mediaIdsOf>[0];
      const found = await services.media.findByIds(mediaIdsOf(body));
      const missing = body.blocks.findIndex((b) => b.type === 'image' && !found.has(b.mediaId));
      if (missing >= 0) throw new DomainError('INVALID_INPUT', `body.blocks.${missing}.mediaId`);
    }
  }

  const bodyLimit = { bodyLimit: API_BODY_LIMIT };

  apiRoute(app, INTEGRATION_OPERATIONS.getStoryForEdit, async ({ params }, request) => json(await services.desk.get(actor(request), Number(params.id))));

  apiRoute(
    app,
    INTEGRATION_OPERATIONS.createStory,
    async ({ body }, request, reply) => {
      const user = actor(request);
      const { headline, sectionId, ...rest } = body;
      const patch: ArticlePatch = { ...rest };
      await precheck(user, { ...patch, sectionId });
      const id = await services.desk.createDraft(user, { sectionId, headline });
      try {
        if (Object.keys(patch).length > 0) await services.desk.update(user, id, patch);
      } catch (err) {
        // Only a failure between the checks above and the save gets here (a photo deleted
        // meanwhile, the database gone): the half-made draft goes to the trash, not to the desk.
        await services.trash.trash(user, id).catch(() => undefined);
        throw err;
      }
      return reply.code(201).send(await json(await services.desk.get(user, id)));
    },
    bodyLimit,
  );

  apiRoute(
    app,
    INTEGRATION_OPERATIONS.updateStory,
    async ({ params, body }, request) => {
      const user = actor(request);
      const { baseVersion, ...patch } = body;
      const id = Number(params.id);
      await services.desk.get(user, id);
      await precheck(user, patch);
      return json(await services.desk.update(user, id, patch, baseVersion === undefined ? {} : { baseVersion }));
    },
    bodyLimit,
  );

  apiRoute(
    app,
    INTEGRATION_OPERATIONS.publishStory,
    async ({ params, body }, request) => {
      const user = actor(request);
      const id = Number(params.id);
      const current = await services.desk.get(user, id);
      if (body?.baseVersion !== undefined && body.baseVersion !== current.version) throw new DomainError('EDIT_CONFLICT', 'baseVersion', `now at version ${current.version}`, { current: { version: current.version } });
      if (body?.publishAt !== undefined) return json(await services.desk.transition(user, id, 'scheduled', { publishAt: new Date(body.publishAt) }));
      if (current.status === 'published') {
        if (current.pending) return json(await services.desk.applyPending(user, id, current.version));
        if (!(await services.desk.permissions(user, current)).publish) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not publish`);
        return json(current);
      }
      return json(await services.desk.transition(user, id, 'published'));
    },
    bodyLimit,
  );

  apiRoute(
    app,
    INTEGRATION_OPERATIONS.submitStory,
    async ({ params, body }, request) => {
      const user = actor(request);
      const id = Number(params.id);
      const current = await services.desk.get(user, id);
      if (current.live) return json(await services.desk.submitPending(user, id, body?.note ?? '', current.version));
      return json(await services.desk.transition(user, id, 'review', { note: body?.note ?? '' }));
    },
    bodyLimit,
  );
  // Live blogs (src/http/live/live-api.ts), behind the same key check and limits.
  registerLiveApi(app, services, actor, bodyLimit);
};
