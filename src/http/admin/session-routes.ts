/**
 * Signing in and out, and the user's own account (language, password).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_MS } from '../../domain/sessions/session.ts';
import { MAX_SITE_PATH_LENGTH, siteRelativeTarget } from '../../lib/site-path.ts';
import { DomainError } from '../../errors.ts';
import { renderAccountPage } from '../../render/admin/account-page.tsx';
import { stringsFor } from '../../render/admin/admin-layout.tsx';
import { renderSignInPage } from '../../render/admin/sign-in-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { cookieOptions, newToken, requireUser } from './auth.ts';

const field = (body: unknown, name: string, max = 1024): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (v === undefined) return '';
  if (typeof v !== 'string' || v.length > max) throw new DomainError('INVALID_INPUT', name);
  return v;
};

/**
 * Where to go after signing in: a page of the newsroom, as a safe site-relative target
 * (`lib/site-path.ts`: one leading `/`, no `\` or control characters, percent-encoded,
 * dot segments resolved); anything else goes to the desk. So no `next` leads off the
 * site, and none makes a `Location` header Node refuses (which used to be a raw 500).
 */
export function safeNext(next: string): string {
  const target = siteRelativeTarget(next);
  if (!target) return '/admin';
  const path = target.split(/[?#]/, 1)[0]!;
  return path === '/admin' || path.startsWith('/admin/') ? target : '/admin';
}

/**
 * The sign-in page's address for a signed-out visitor who asked for `url`, coming back
 * there afterwards. An address too long to come back to (the sign-in address would be
 * refused with 414) leads to the plain sign-in page.
 */
export function signInAddress(url: string): string {
  const address = `/admin/sign-in?next=${encodeURIComponent(url)}`;
  return address.length <= MAX_SITE_PATH_LENGTH ? address : '/admin/sign-in';
}

export function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(body);
}

export const sessionRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services, cookies } = ctx;

  /** The double-submit token protecting the sign-in form itself (there is no session yet). */
  function preSessionToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[cookies.preSession];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = newToken();
    reply.setCookie(cookies.preSession, token, cookieOptions(cookies, 60 * 60));
    return token;
  }

  async function signInPage(request: FastifyRequest, reply: FastifyReply, status: number, extra: { email?: string; error?: string; next?: string }) {
    const chrome = await adminChrome(ctx, request, preSessionToken(request, reply));
    return html(reply, renderSignInPage({ chrome: { ...chrome, user: null, nav: [] }, ...extra }), status);
  }

  app.get<{ Querystring: { next?: string } }>('/admin/sign-in', async (request, reply) => {
    if (request.session) return reply.redirect('/admin', 303);
    const next = typeof request.query.next === 'string' ? safeNext(request.query.next) : undefined;
    return signInPage(request, reply, 200, next ? { next } : {});
  });

  app.post('/admin/sign-in', async (request, reply) => {
    const email = field(request.body, 'email', 320);
    const password = field(request.body, 'password');
    const next = safeNext(field(request.body, 'next', MAX_SITE_PATH_LENGTH));
    const t = stringsFor(null);
    const result = await services.users.signIn(email, password, request.ip);
    if (!result.ok) {
      if (result.reason === 'throttled') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        reply.header('retry-after', String(seconds));
        return signInPage(request, reply, 429, { email, error: t.throttled(seconds), next });
      }
      return signInPage(request, reply, 401, { email, error: t.invalidCredentials, next });
    }
    // A fresh session id at every sign-in: a token planted before cannot be promoted.
    if (request.sessionToken) await services.sessions.end(request.sessionToken);
    const session = await services.sessions.start(result.user.id);
    reply.setCookie(cookies.session, session.token, cookieOptions(cookies, SESSION_ABSOLUTE_MS / 1000));
    reply.clearCookie(cookies.preSession, cookieOptions(cookies));
    return reply.redirect(next, 303);
  });

  app.post('/admin/sign-out', async (request, reply) => {
    if (request.sessionToken) await services.sessions.end(request.sessionToken);
    reply.clearCookie(cookies.session, cookieOptions(cookies));
    return reply.redirect('/admin/sign-in', 303);
  });

  /** The byline the signed-in account writes under, for "My account". */
  async function bylineOf(request: FastifyRequest): Promise<{ name: string; slug: string } | null> {
    const authorId = request.session?.user.authorId ?? null;
    const author = authorId === null ? null : await services.authors.get(authorId);
    return author ? { name: author.name, slug: author.slug } : null;
  }

  app.get('/admin/account', async (request, reply) => {
    requireUser(request);
    return html(reply, renderAccountPage({ chrome: await adminChrome(ctx, request), byline: await bylineOf(request) }));
  });

  app.post('/admin/account/locale', async (request, reply) => {
    const user = requireUser(request);
    const locale = field(request.body, 'locale', 2);
    if (locale !== 'hi' && locale !== 'en') throw new DomainError('INVALID_INPUT', 'locale');
    await services.users.setLocale(user.id, locale);
    return reply.redirect('/admin/account', 303);
  });

  app.post('/admin/account/password', async (request, reply) => {
    const user = requireUser(request);
    const t = stringsFor(user);
    const current = field(request.body, 'currentPassword');
    const next = field(request.body, 'newPassword');
    try {
      await services.users.changePassword(user.id, current, next);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_INPUT') {
        const errors: Record<string, string> = err.field === 'currentPassword' ? { currentPassword: t.wrongPassword } : { newPassword: t.passwordRules };
        return html(reply, renderAccountPage({ chrome: await adminChrome(ctx, request), byline: await bylineOf(request), errors }), 400);
      }
      throw err;
    }
    // Anyone else holding this account's session (a stolen cookie) is signed out.
    await services.sessions.endOthers(user.id, request.sessionToken);
    return html(reply, renderAccountPage({ chrome: await adminChrome(ctx, request), byline: await bylineOf(request), notice: t.passwordChanged }));
  });
};
