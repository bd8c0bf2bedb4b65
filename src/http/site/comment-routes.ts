/**
 * Readers' comments over HTTP.
 *
 * - POST `<article path>/comments` (urlencoded, at most 96 KB): without JavaScript the
 *   answer is a 303 back to the comment's anchor with a message (`?posted=N#comment-N`,
 *   or `?held=1#respond`), or, when something is wrong, the article page again (400, 409
 *   or 429, no-store) with what the reader typed and each message beside its field. With
 *   `Accept: application/json` (the page's script) the same outcomes come as JSON.
 * - GET `/api/comments/token?article=N`: a signed single-use form token, never cached, so
 *   a page served from any cache still gets a fresh one from its script.
 * - GET `/assets/comments.<hash>.js`: that script.
 *
 * The body is parsed here, strictly: bytes that are not UTF-8 mark their field as
 * unreadable instead of turning silently into U+FFFD.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type Article, articlePath, parseArticleSegment } from '../../domain/articles/article.ts';
import type { FieldProblems } from '../../domain/comments/comment-input.ts';
import { CommentInputError, CommentRateError } from '../../domain/comments/comment-service.ts';
import { catalogueEntry, DomainError } from '../../errors.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import { type CommentFormState, renderCommentHtml } from '../../render/components/comment-section.tsx';
import { readerLocale } from '../../render/reader-locale.ts';
import { COMMENT_STRINGS, type CommentLanguage, commentFieldMessage } from '../../render/strings.ts';
import type { Services } from '../../services.ts';
import { sameOrigin } from '../admin/auth.ts';
import { codeFor, createErrorResponder, logFailure } from '../plugins/errors-plugin.ts';
import { renderArticleView } from './article-view.ts';
import { buildCommentScript } from './comment-assets.ts';
import { sendHtml } from './site-routes.ts';

/** Largest comment post: 5,000 four-byte characters, percent-encoded, and the other fields. */
export const COMMENT_BODY_LIMIT = 96 * 1024;
/** Fields a comment form has; a post with more is not a browser's. */
const MAX_FIELDS = 20;

export interface CommentRoutesOptions {
  services: Services;
  assets: AssetUrls;
}

export interface ParsedForm {
  readonly fields: ReadonlyMap<string, string>;
  /** Fields whose value was not valid UTF-8 (kept in `fields` with U+FFFD, to show back). */
  readonly badEncoding: ReadonlySet<string>;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

function percentDecode(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2b) out[n++] = 0x20;
    else if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]!) && isHex(bytes[i + 2]!)) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16);
      i += 2;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

/** application/x-www-form-urlencoded, decoded strictly; the first value of a repeated field wins. */
export function parseCommentForm(body: Buffer): ParsedForm {
  const fields = new Map<string, string>();
  const badEncoding = new Set<string>();
  let start = 0;
  let count = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x26, start);
    if (end < 0) end = body.length;
    const part = body.subarray(start, end);
    start = end + 1;
    if (part.length === 0) continue;
    if (++count > MAX_FIELDS) throw new DomainError('BAD_REQUEST', undefined, 'too many form fields');
    const eq = part.indexOf(0x3d);
    const nameBytes = percentDecode(eq < 0 ? part : part.subarray(0, eq));
    const valueBytes = percentDecode(eq < 0 ? Buffer.alloc(0) : part.subarray(eq + 1));
    let name: string;
    try {
      name = strict.decode(nameBytes);
    } catch {
      continue;
    }
    if (fields.has(name)) continue;
    try {
      fields.set(name, strict.decode(valueBytes));
    } catch {
      fields.set(name, lossy.decode(valueBytes));
      badEncoding.add(name);
    }
  }
  return { fields, badEncoding };
}

/** The page's script asks for JSON; a plain form post asks for HTML. */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return /\bapplication\/json\b/i.test(accept) && !/^\s*text\/html/i.test(accept);
}

function fieldMessages(lang: CommentLanguage, problems: FieldProblems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, commentFieldMessage(lang, field, problem)]));
}

async function languageOf(services: Services): Promise<CommentLanguage> {
  try {
    return (await services.settings.get()).readerLanguage;
  } catch {
    return 'en';
  }
}

export const commentRoutes: FastifyPluginAsync<CommentRoutesOptions> = async (app, { services, assets }) => {
  const script = await buildCommentScript();
  const respond = createErrorResponder({ services, assets });

  // Only this plugin's routes read urlencoded bodies, and they parse them themselves.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler(async (error, request, reply) => {
    const code = codeFor(error);
    logFailure(request, error, code);
    if (!wantsJson(request)) return respond(request, reply, code, error instanceof DomainError ? error.field : undefined);
    const entry = catalogueEntry(code);
    const lang = await languageOf(services);
    const message = code === 'PAYLOAD_TOO_LARGE' ? COMMENT_STRINGS[lang].tooLarge : code === 'COMMENTS_CLOSED' ? COMMENT_STRINGS[lang].closed : entry.message[lang];
    // As on the HTML error page: when to try again (the form token is still good then).
    if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '30');
    return reply
      .code(entry.status)
      .header('cache-control', 'no-store')
      .send({ ok: false, message, error: { code, message: entry.message.en, messageHi: entry.message.hi } });
  });

  app.get(script.url, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(script.body),
  );

  app.get('/api/comments/token', async (request, reply) => {
    reply.header('cache-control', 'no-store, private');
    const raw = (request.query as Record<string, unknown> | undefined)?.article;
    if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw new DomainError('NOT_FOUND');
    return reply.send(await services.comments.issueToken(Number(raw)));
  });

  /** The article page again, with the form as the reader filled it and what was wrong. */
  async function pageWithForm(reply: FastifyReply, article: Article, form: CommentFormState, status: number) {
    const { html } = await renderArticleView(services, assets, script.url, article, services.now(), { form, replyToId: form.parentId });
    return sendHtml(reply.header('cache-control', 'no-store'), html, status);
  }

  app.post<{ Params: { section: string; story: string } }>('/:section/:story/comments', { bodyLimit: COMMENT_BODY_LIMIT }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const json = wantsJson(request);
    const ref = parseArticleSegment(request.params.story);
    if (!ref) throw new DomainError('NOT_FOUND');
    // A page of another site must not make its readers' browsers post here.
    if (!sameOrigin(request)) throw new DomainError('CSRF', undefined, 'cross-site comment post');
    if (request.body !== undefined && request.body !== null && !Buffer.isBuffer(request.body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const { fields, badEncoding } = parseCommentForm(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    const field = (name: string) => fields.get(name) ?? '';
    const values = { comment: field('comment'), author: field('author'), email: field('email'), url: field('url') };
    const lang = await languageOf(services);
    const s = COMMENT_STRINGS[lang];
    try {
      const outcome = await services.comments.post({
        ...values,
        parent: field('parent'),
        badEncoding: [...badEncoding],
        articleId: ref.id,
        token: field('token'),
        honeypot: field('subject'),
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? ''),
      });
      const path = articlePath(outcome.article);
      const published = outcome.status === 'approved' && outcome.comment !== null;
      if (!json) return reply.redirect(published ? `${path}?posted=${outcome.id}#comment-${outcome.id}` : `${path}?held=1#respond`, 303);
      if (!published || !outcome.comment) return reply.code(202).send({ ok: true, status: 'held', message: s.held });
      const comment = outcome.comment;
      const parent = comment.parentId !== null ? await services.comments.findPublic(comment.parentId) : null;
      const settings = await services.settings.get();
      const html = renderCommentHtml({
        comment,
        articlePath: path,
        locale: readerLocale(settings),
        open: true,
        inReplyTo: parent && parent.parentId !== null ? parent.authorName : undefined,
      });
      return reply.code(201).send({ ok: true, status: 'published', message: s.published, id: outcome.id, parentId: comment.parentId, html });
    } catch (err) {
      if (!(err instanceof CommentInputError) && !(err instanceof CommentRateError)) throw err;
      const status = catalogueEntry(err.code).status;
      const errors = err instanceof CommentInputError ? fieldMessages(lang, err.problems) : {};
      const message = err instanceof CommentRateError ? s.tooMany(Math.ceil(err.retryAfterSeconds / 60)) : errors.parent && Object.keys(errors).length === 1 ? errors.parent : s.fixErrors;
      if (err instanceof CommentRateError) reply.header('retry-after', String(err.retryAfterSeconds));
      if (json) return reply.code(status).send({ ok: false, message, errors });
      const article = await services.articles.getPublic(ref.id, services.now());
      if (!article) throw new DomainError('NOT_FOUND');
      const parentRaw = field('parent');
      const parentId = !errors.parent && /^[1-9][0-9]{0,9}$/.test(parentRaw) ? Number(parentRaw) : null;
      return pageWithForm(reply, article, { values, parentId, errors, message }, status);
    }
  });
};
