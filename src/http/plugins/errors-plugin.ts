/**
 * Turns every failure into a catalogue answer: a Hindi error page for readers, or
 * `{ error: { code, message } }` under /api. Guarantee: an internal error's message
 * and stack are logged, never sent; a reader sees only the catalogue's INTERNAL text.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { catalogueEntry, databaseFailureKind, databaseFailureWords, DomainError, type ErrorCode, isDatabaseUnavailable } from '../../errors.ts';
import { RichTextError } from '../../richtext/rich-text.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import { renderErrorPage } from '../../render/pages/error-page.tsx';
import type { Services } from '../../services.ts';
import { fallbackChrome, loadChrome } from '../site/page-context.ts';
import { serveStale } from './page-cache-plugin.ts';
import { answerOldAddress } from '../site/old-addresses.ts';

export interface ErrorsPluginOptions {
  services: Services;
  assets: AssetUrls;
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URL_TOO_LONG',
  409: 'CONFLICT',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'REQUEST_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

/** The catalogue code for anything thrown. Unknown errors are INTERNAL. */
export function codeFor(error: unknown): ErrorCode {
  if (error instanceof DomainError) return error.code;
  if (error instanceof RichTextError) return 'INVALID_INPUT';
  if (isDatabaseUnavailable(error)) return 'SERVICE_UNAVAILABLE';
  const status = (error as FastifyError | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return BY_STATUS[status] ?? 'BAD_REQUEST';
  return 'INTERNAL';
}

/**
 * Logs a failure by its code: a database that cannot serve is a warning that names the
 * cause (a full disk says "disk full"), an internal error is an error with its stack, the
 * rest (refusals) are not worth a line here. Every error handler calls it, so no 503 goes
 * unlogged.
 */
export function logFailure(request: FastifyRequest, error: unknown, code: ErrorCode): void {
  if (code === 'SERVICE_UNAVAILABLE' && isDatabaseUnavailable(error)) {
    const kind = databaseFailureKind(error);
    request.log.warn({ err: error, storage: kind }, `database unavailable: ${kind ? databaseFailureWords(kind) : 'unknown'}`);
  } else if (code === 'INTERNAL') request.log.error({ err: error }, 'internal error');
}

export function createErrorResponder({ services, assets }: ErrorsPluginOptions) {
  return async function respond(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, field?: string, data?: Readonly<Record<string, unknown>>): Promise<FastifyReply> {
    const entry = catalogueEntry(code);
    reply.code(entry.status).header('cache-control', 'no-store');
    if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '30');
    if (request.url.startsWith('/api/') || request.url.startsWith('/admin/api/')) {
      return reply.send({ error: { code, message: entry.message.en, messageHi: entry.message.hi, ...(field ? { field } : {}) }, ...(data ?? {}) });
    }
    const now = services.now();
    let chrome;
    try {
      chrome = code === 'INTERNAL' || code === 'SERVICE_UNAVAILABLE' ? fallbackChrome(services, assets, now) : await loadChrome(services, assets, now);
    } catch {
      chrome = fallbackChrome(services, assets, now);
    }
    return reply.header('content-type', 'text/html; charset=utf-8').send(renderErrorPage({ chrome, entry }));
  };
}

export const errorsPlugin = fp<ErrorsPluginOptions>(async (app: FastifyInstance, options) => {
  const respond = createErrorResponder(options);
  // An address the site has no page for may be an old one (src/http/site/old-addresses.ts).
  app.setNotFoundHandler(async (request, reply) => (await answerOldAddress(options.services, request, reply)) ?? respond(request, reply, 'NOT_FOUND'));
  app.setErrorHandler(async (error, request, reply) => {
    const code = codeFor(error);
    if (code === 'SERVICE_UNAVAILABLE') {
      logFailure(request, error, code);
      // A page the cache still has, however old, beats an error page (stale-if-error).
      if (serveStale(request, reply)) return reply;
    } else if (code === 'INTERNAL') logFailure(request, error, code);
    else request.log.info({ code, field: error instanceof DomainError ? error.field : undefined }, 'request refused');
    if (code === 'NOT_FOUND') return (await answerOldAddress(options.services, request, reply)) ?? respond(request, reply, code, error instanceof DomainError ? error.field : undefined);
    return respond(request, reply, code, error instanceof DomainError ? error.field : undefined);
  });
});
