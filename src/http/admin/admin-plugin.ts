/**
 * The newsroom under /admin: sessions from the cookie, CSRF and Origin checks on
 * every state-changing request, `no-store` on every response, and the route groups.
 * A signed-out browser asking for a screen is sent to sign-in; the API answers 401.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../errors.ts';
import { codeFor, createErrorResponder, logFailure } from '../plugins/errors-plugin.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import type { AdminContext } from './admin-context.ts';
import { accountScreens } from './account-screens.ts';
import { commentScreens } from './comment-screens.ts';
import { articleApi } from './article-api.ts';
import { articleScreens } from './article-screens.ts';
import { deskScreens } from './desk-screens.ts';
import { isStateChanging, safeEqual, sameOrigin, sentCsrfToken } from './auth.ts';
import { mediaApi } from './media-api.ts';
import { mediaDeleteRoutes } from './media-delete-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { RESET_PATH } from '../../domain/users/password-reset-service.ts';
import { sessionRoutes, signInAddress } from './session-routes.ts';
import { frontPageScreens } from './front-page-screens.ts';
import { taxonomyScreens } from './taxonomy-screens.ts';
import { trashScreens } from './trash-screens.ts';
import { widgetSettingsScreens } from './widget-settings-screens.ts';
import { apiKeyScreens } from './api-key-screens.ts';
import { redirectScreens } from './redirect-screens.ts';
import { webhookScreens } from './webhook-screens.ts';
import { breakingScreens } from './breaking-screens.ts';
import { liveBlogScreens } from './live-blog-screens.ts';

export interface AdminPluginOptions extends AdminContext {
  readerAssets: AssetUrls;
  adminFiles: ReadonlyMap<string, { body: Buffer; contentType: string }>;
}

export const adminPlugin: FastifyPluginAsync<AdminPluginOptions> = async (app, options) => {
  const { services, cookies } = options;
  const respond = createErrorResponder({ services, assets: options.readerAssets });
  await app.register(formbody, { bodyLimit: 1_048_576 });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const token = request.cookies[cookies.session];
    if (token) {
      request.session = await services.sessions.resume(token);
      request.sessionToken = request.session ? token : null;
    }
  });

  // After the body is parsed, so a form's _csrf field can be read.
  app.addHook('preHandler', async (request) => {
    if (!isStateChanging(request)) return;
    if (!sameOrigin(request)) throw new DomainError('CSRF', undefined, 'cross-origin request');
    const sent = sentCsrfToken(request);
    // The sign-in and password reset forms are protected by the double-submit cookie they
    // were served with, even if the browser still holds an older session.
    const signedOutForm = request.routeOptions.url === '/admin/sign-in' || request.routeOptions.url === `${RESET_PATH}/:token`;
    const expected = signedOutForm ? request.cookies[cookies.preSession] : request.session?.csrfToken;
    if (!sent || !expected || !safeEqual(sent, expected)) throw new DomainError('CSRF', undefined, 'missing or wrong CSRF token');
  });

  app.setErrorHandler((error, request, reply) => {
    const code = codeFor(error);
    const api = request.url.startsWith('/admin/api/');
    if (code === 'UNAUTHORIZED' && !api && request.method === 'GET') {
      return reply.redirect(signInAddress(request.url), 303);
    }
    logFailure(request, error, code);
    return respond(request, reply, code, error instanceof DomainError ? error.field : undefined, error instanceof DomainError ? error.data : undefined);
  });

  app.get('/admin/assets/*', async (request, reply) => {
    const file = options.adminFiles.get(request.url.split('?')[0] ?? '');
    if (!file) throw new DomainError('NOT_FOUND');
    // Hashed names never change content; no-store from onRequest is replaced for them.
    return reply.header('cache-control', 'public, max-age=31536000, immutable').header('content-type', file.contentType).send(file.body);
  });

  await app.register(sessionRoutes, options);
  await app.register(passwordResetRoutes, options);
  await app.register(deskScreens, options);
  await app.register(articleScreens, options);
  await app.register(articleApi, options);
  await app.register(mediaApi, options);
  await app.register(mediaDeleteRoutes, options);
  await app.register(trashScreens, options);
  await app.register(accountScreens, options);
  await app.register(commentScreens, options);
  await app.register(taxonomyScreens, options);
  await app.register(frontPageScreens, options);
  await app.register(widgetSettingsScreens, options);
  await app.register(apiKeyScreens, options);
  await app.register(redirectScreens, options);
  await app.register(webhookScreens, options);
  await app.register(breakingScreens, options);
  await app.register(liveBlogScreens, options);
};
