/**
 * Who is asking, and may they: the session from the cookie, CSRF checks on every
 * state-changing request, and permission checks through the domain's `can()`.
 *
 * Cookies: `__Host-samachar_session` over https (Secure, Path=/, no Domain), plain
 * `samachar_session` on http://localhost, where browsers refuse Secure cookies. Both
 * HttpOnly and SameSite=Lax.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../../domain/sessions/session.ts';
import { type Action, can, type PolicyContext, type User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session on newsroom routes; null when signed out. */
    session: Session | null;
    /** The raw session token from the cookie (to end or keep this session). */
    sessionToken: string | null;
  }
}

export interface CookieNames {
  session: string;
  /** Double-submit token for forms used before there is a session (sign-in). */
  preSession: string;
  secure: boolean;
}

export function cookieNames(siteUrl: string): CookieNames {
  const secure = siteUrl.startsWith('https://');
  return secure
    ? { session: '__Host-samachar_session', preSession: '__Host-samachar_pre', secure }
    : { session: 'samachar_session', preSession: 'samachar_pre', secure };
}

export function cookieOptions(names: CookieNames, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: names.secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method);
}

/**
 * The request comes from a page of this site: an Origin header, when sent, names this
 * host; a browser's Sec-Fetch-Site, when sent, is not cross-site. Requests with neither
 * (old browsers, scripts) still need the CSRF token.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    try {
      // Both through URL, so default ports compare equal (`host:80` and `host`).
      return new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      return false;
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** The CSRF token a request carries: the `x-csrf-token` header, or the `_csrf` form field. */
export function sentCsrfToken(request: FastifyRequest): string | null {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' ? field : null;
}

/** The signed-in user, or a 401 (the HTML routes turn that into a redirect to sign-in). */
export function requireUser(request: FastifyRequest): User {
  if (!request.session) throw new DomainError('UNAUTHORIZED');
  return request.session.user;
}

/** Throws 403 unless the signed-in user may do `action`. */
export function authorize(request: FastifyRequest, action: Action, ctx?: PolicyContext): User {
  const user = requireUser(request);
  if (!can(user, action, ctx)) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not ${action}`);
  return user;
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
