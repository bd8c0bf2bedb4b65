/**
 * The signed-out side of password reset links: the form a link opens, and setting the
 * password through it. Issuing links is on the users screen (account-screens.ts) and in
 * `samachar user reset-password`.
 *
 * The form has no session to carry a CSRF token, so, like sign-in, it is protected by a
 * double-submit cookie (checked in admin-plugin.ts). Every link that cannot be used gets
 * the same 404 page, whatever the reason; tries are throttled per address by the service.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { RESET_PATH, type ResetCheck } from '../../domain/users/password-reset-service.ts';
import { DomainError } from '../../errors.ts';
import { accountStringsFor } from '../../render/admin/account-admin-strings.ts';
import { renderResetPasswordPage } from '../../render/admin/reset-password-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { cookieOptions, newToken } from './auth.ts';
import { textField } from './params.ts';
import { html } from './session-routes.ts';

type TokenParams = { Params: { token: string } };

export const passwordResetRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services, cookies } = ctx;

  /** The form's double-submit token: the cookie sign-in uses, made if the browser has none. */
  function formToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[cookies.preSession];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = newToken();
    reply.setCookie(cookies.preSession, token, cookieOptions(cookies, 60 * 60));
    return token;
  }

  // The link's token is in the address: no Referer may carry it anywhere. In onSend, and in
  // this plugin's own scope, so it runs after (and wins over) the site-wide security headers.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  async function chrome(request: FastifyRequest, reply: FastifyReply) {
    return adminChrome(ctx, request, formToken(request, reply));
  }

  async function refused(request: FastifyRequest, reply: FastifyReply, result: Exclude<ResetCheck, { ok: true }>) {
    const page = await chrome(request, reply);
    if (result.reason === 'throttled') {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      reply.header('retry-after', String(seconds));
      return html(reply, renderResetPasswordPage({ kind: 'throttled', chrome: page, seconds }), 429);
    }
    return html(reply, renderResetPasswordPage({ kind: 'invalid', chrome: page }), 404);
  }

  app.get<TokenParams>(`${RESET_PATH}/:token`, async (request, reply) => {
    const checked = await services.passwordResets.check(request.params.token, request.ip);
    if (!checked.ok) return refused(request, reply, checked);
    const { user, expiresAt } = checked;
    return html(
      reply,
      renderResetPasswordPage({ kind: 'form', chrome: await chrome(request, reply), locale: user.locale, email: user.email, expiresAt, action: request.url.split('?')[0]! }),
    );
  });

  app.post<TokenParams>(`${RESET_PATH}/:token`, async (request, reply) => {
    const { token } = request.params;
    const newPassword = textField(request.body, 'newPassword', 4096);
    const repeat = textField(request.body, 'repeatPassword', 4096);
    const checked = await services.passwordResets.check(token, request.ip);
    if (!checked.ok) return refused(request, reply, checked);
    const t = accountStringsFor(checked.user);
    const again = async (errors: Record<string, string>) =>
      html(
        reply,
        renderResetPasswordPage({
          kind: 'form',
          chrome: await chrome(request, reply),
          locale: checked.user.locale,
          email: checked.user.email,
          expiresAt: checked.expiresAt,
          action: request.url.split('?')[0]!,
          errors,
        }),
        400,
      );
    if (newPassword !== repeat) return again({ repeatPassword: t.passwordsDiffer });
    let result;
    try {
      result = await services.passwordResets.complete(token, newPassword, request.ip);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === 'newPassword') return again({ newPassword: t.passwordRules });
      throw err;
    }
    if (!result.ok) return refused(request, reply, result);
    // The account's sessions are gone on the server; a cookie of one in this browser is dropped too.
    if (request.session?.user.id === result.user.id) reply.clearCookie(cookies.session, cookieOptions(cookies));
    return html(reply, renderResetPasswordPage({ kind: 'done', chrome: await chrome(request, reply), locale: result.user.locale }));
  });
};
