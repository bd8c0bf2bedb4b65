/**
 * The live-blog composer's routes (decision 027), posted to by the panel on the story editor
 * (render/admin/live-blog-panel.tsx): start, end, add a post, edit it, toggle its key-event
 * mark, delete it. Plain forms with the session's CSRF token (checked by admin-plugin.ts);
 * success redirects (303) back to the editor's panel. Who may do what is the live-blog
 * service's rule; a refusal (bad input, not allowed, not started, ended, gone) comes back as a
 * page with the reason in the user's language and, for a new post, what was typed, nothing
 * saved. Each post is its own row, so staff posting at once never overwrite each other.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { LIVE_POST_KINDS, LIVE_POST_MAX_BLOCKS, type LivePostKind } from '../../domain/live-blogs/live-blog.ts';
import type { User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { liveBlogFieldMessage, liveBlogStringsFor } from '../../render/admin/live-blog-admin-strings.ts';
import { LIVE_FORM_MAX_SOURCE, LIVE_FORM_MAX_TEXT, type LivePostFormValues, renderLiveBlogRefusal } from '../../render/admin/live-blog-panel.tsx';
import { parseEmbedUrl } from '../../richtext/rich-text.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { requireUser } from './auth.ts';
import { html } from './session-routes.ts';

/** A path id; anything else is bad input (400), not a page that does not exist. */
function pathId(value: unknown, field: 'id' | 'postId'): number {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw new DomainError('INVALID_INPUT', field);
  return Number(value);
}

function field(body: unknown, name: string, max: number): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new DomainError('INVALID_INPUT', name);
  if (v.length > max) throw new DomainError('INVALID_INPUT', name, 'too-long');
  return v;
}

/** What the form sent, as typed (for showing it again); wrong shapes become INVALID_INPUT. */
function formValues(body: unknown): LivePostFormValues {
  const keyEvent = field(body, 'keyEvent', 4);
  return { kind: field(body, 'kind', 20), text: field(body, 'text', LIVE_FORM_MAX_TEXT), source: field(body, 'source', LIVE_FORM_MAX_SOURCE).trim(), keyEvent: keyEvent === '1' || keyEvent === 'on' };
}

function postKind(value: string): LivePostKind {
  if (!(LIVE_POST_KINDS as readonly string[]).includes(value)) throw new DomainError('INVALID_INPUT', 'kind');
  return value as LivePostKind;
}

/**
 * The form's plain fields as the rich-text body the service takes: paragraphs split on blank
 * lines; a photo, embed or quote post is that block, with the text as caption or the words
 * quoted. The service checks the result again (allowlist, photo exists, block for the kind).
 */
export function livePostBody(kind: LivePostKind, values: LivePostFormValues): unknown {
  const paragraphs = values.text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const joined = paragraphs.join('\n\n');
  const caption = joined === '' ? {} : { caption: joined };
  if (kind === 'photo') {
    if (!/^[1-9][0-9]{0,9}$/.test(values.source) || Number(values.source) > 2_147_483_647) throw new DomainError('INVALID_INPUT', 'source', 'photo');
    return { version: 1, blocks: [{ type: 'image', mediaId: Number(values.source), ...caption }] };
  }
  if (kind === 'embed') {
    const ref = parseEmbedUrl(values.source);
    if (!ref) throw new DomainError('INVALID_INPUT', 'source', 'embed');
    return { version: 1, blocks: [{ type: 'embed', provider: ref.provider, url: ref.url, ...caption }] };
  }
  if (paragraphs.length === 0) throw new DomainError('INVALID_INPUT', 'text', 'empty');
  if (kind === 'quote') return { version: 1, blocks: [{ type: 'quote', content: [{ text: joined }], ...(values.source ? { cite: values.source } : {}) }] };
  if (paragraphs.length > LIVE_POST_MAX_BLOCKS) throw new DomainError('INVALID_INPUT', 'text', 'paragraphs');
  return { version: 1, blocks: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })) };
}

/** The refusal's status and message in the user's language; anything else is not a refusal of this form and goes on. */
function refusal(err: unknown, user: User): { status: number; message: string } {
  if (!(err instanceof DomainError)) throw err;
  const t = liveBlogStringsFor(user);
  const reason = err.message.startsWith(err.code) ? undefined : err.message;
  switch (err.code) {
    case 'INVALID_INPUT': {
      const f = err.field ?? '';
      // The service names the rich-text part it refused; the composer's fields are text and source.
      const name = f.endsWith('mediaId') ? 'source' : f.startsWith('body') ? 'text' : f;
      const why = f.endsWith('mediaId') ? 'photo' : reason;
      return { status: 400, message: liveBlogFieldMessage(t, name, why) };
    }
    case 'FORBIDDEN':
      return { status: 403, message: t.forbidden };
    case 'NOT_FOUND':
      if (err.field !== 'postId') throw err;
      return { status: 404, message: liveBlogFieldMessage(t, 'postId') };
    case 'LIVE_BLOG_NOT_STARTED':
      return { status: 409, message: t.notStartedError };
    case 'LIVE_BLOG_ENDED':
      return { status: 409, message: t.endedError };
    case 'GONE':
      return { status: 410, message: t.trashed };
    default:
      throw err;
  }
}

export const liveBlogScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const back = (articleId: number, postId?: number) => `/admin/articles/${articleId}/edit#${postId ? `live-post-${postId}` : 'live-blog'}`;

  /** Runs one change; success goes back to the panel, a refusal is shown with nothing saved. */
  async function change(request: FastifyRequest, reply: FastifyReply, act: (user: User, articleId: number) => Promise<number | undefined>, keep?: () => LivePostFormValues) {
    const user = requireUser(request);
    const raw = (request.params as { id?: string }).id;
    let articleId = 0;
    try {
      articleId = pathId(raw, 'id');
      const postId = await act(user, articleId);
      return reply.redirect(back(articleId, postId), 303);
    } catch (err) {
      const { status, message } = refusal(err, user);
      let values: LivePostFormValues | undefined;
      try {
        values = keep?.();
      } catch {
        values = undefined;
      }
      return html(reply, renderLiveBlogRefusal({ chrome: await adminChrome(ctx, request), articleId, message, ...(values && articleId > 0 ? { values } : {}) }), status);
    }
  }

  app.post('/admin/articles/:id/live/start', async (request, reply) =>
    change(request, reply, async (user, id) => {
      await services.liveBlogs.start(user, id);
      return undefined;
    }),
  );

  app.post('/admin/articles/:id/live/end', async (request, reply) =>
    change(request, reply, async (user, id) => {
      await services.liveBlogs.end(user, id);
      return undefined;
    }),
  );

  app.post('/admin/articles/:id/live/posts', async (request, reply) =>
    change(
      request,
      reply,
      async (user, id) => {
        const values = formValues(request.body);
        const kind = postKind(values.kind);
        const post = await services.liveBlogs.addPost(user, id, { kind, body: livePostBody(kind, values), keyEvent: values.keyEvent });
        return post.id;
      },
      () => formValues(request.body),
    ),
  );

  app.post('/admin/articles/:id/live/posts/:postId', async (request, reply) =>
    change(request, reply, async (user, id) => {
      const postId = pathId((request.params as { postId?: string }).postId, 'postId');
      const values = formValues(request.body);
      const kind = postKind(values.kind);
      await services.liveBlogs.updatePost(user, id, postId, { body: livePostBody(kind, values), keyEvent: values.keyEvent });
      return postId;
    }),
  );

  app.post('/admin/articles/:id/live/posts/:postId/key-event', async (request, reply) =>
    change(request, reply, async (user, id) => {
      const postId = pathId((request.params as { postId?: string }).postId, 'postId');
      const mark = field(request.body, 'keyEvent', 1);
      if (mark !== '0' && mark !== '1') throw new DomainError('INVALID_INPUT', 'keyEvent');
      await services.liveBlogs.updatePost(user, id, postId, { keyEvent: mark === '1' });
      return postId;
    }),
  );

  app.post('/admin/articles/:id/live/posts/:postId/delete', async (request, reply) =>
    change(request, reply, async (user, id) => {
      const postId = pathId((request.params as { postId?: string }).postId, 'postId');
      await services.liveBlogs.deletePost(user, id, postId);
      return undefined;
    }),
  );
};
