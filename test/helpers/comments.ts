/**
 * Posting comments in HTTP tests as a browser does: a urlencoded form (without
 * JavaScript), or the page's script (JSON answers, a form token fetched first). Each
 * poster gets its own address unless told, so rate limits only bite where a test wants.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';

let ipCounter = 0;
/** A fresh client address per call (10.x.y.z), so per-IP limits do not leak between tests. */
export function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

let emailCounter = 0;
export function nextEmail(prefix = 'reader'): string {
  emailCounter++;
  return `${prefix}.${process.pid}.${emailCounter}@example.in`;
}

export interface CommentFields {
  comment?: string;
  author?: string;
  email?: string;
  url?: string;
  parent?: string;
  token?: string;
  subject?: string;
  [name: string]: string | undefined;
}

export interface PostOptions {
  /** Answer as JSON, as the page's script asks. */
  json?: boolean;
  ip?: string;
  headers?: Record<string, string>;
  /** A raw body instead of the fields (hostile input, invalid UTF-8). */
  payload?: string | Buffer;
}

/** Posts a comment form to `<articlePath>/comments`. */
export function postComment(t: TestApp, articlePath: string, fields: CommentFields, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.append(k, v);
  return t.app.inject({
    method: 'POST',
    url: `${articlePath}/comments`,
    remoteAddress: options.ip ?? nextIp(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.json ? { accept: 'application/json' } : { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }),
      ...options.headers,
    },
    payload: options.payload ?? params.toString(),
  });
}

/** Fetches a form token as the page's script does. */
export async function formToken(t: TestApp, articleId: number): Promise<{ token: string; minSeconds: number }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/comments/token?article=${articleId}`, headers: { accept: 'application/json' } });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json() as { token: string; minSeconds: number };
}

/** Moves the test clock forward by `ms` from where it is. */
export function advance(t: TestApp, ms: number): void {
  t.setNow(new Date(t.services.now().getTime() + ms));
}

/** Fields of a valid comment with a fresh email. */
export function validFields(overrides: CommentFields = {}): CommentFields {
  return {
    comment: `बहुत अच्छी रिपोर्ट ${Math.random().toString(36).slice(2)} 👍`,
    author: 'राम कुमार',
    email: nextEmail(),
    url: '',
    ...overrides,
  };
}

/** Posts with JavaScript on: a token first, the clock moved past the minimum time, then the post. */
export async function postWithScript(t: TestApp, article: { id: number; path: string }, fields: CommentFields, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  const { token, minSeconds } = await formToken(t, article.id);
  advance(t, (minSeconds + 1) * 1000);
  return postComment(t, article.path, { ...fields, token }, { ...options, json: true });
}
