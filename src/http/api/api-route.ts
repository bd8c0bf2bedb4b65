/**
 * One description per API operation: its path, input schemas and answers. The routes are
 * registered from it (input parsed by the same zod schemas) and the OpenAPI document is
 * generated from it (openapi.ts), so what is documented is what is checked.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import { DomainError } from '../../errors.ts';
import { readsQuery } from '../plugins/page-cache-plugin.ts';
import { ApiErrorSchema } from './api-schemas.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type AnyObject = z.ZodObject;

export interface ApiOperation<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  readonly id: string;
  readonly method: Method;
  /** Fastify's form: `/api/v1/stories/:id`. */
  readonly path: string;
  readonly tag: 'Content' | 'Integration';
  readonly summary: string;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Needs `Authorization: Bearer sk_…`. */
  readonly auth?: boolean;
  /** Success answers; error answers are added from `errors`. */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema: z.ZodType }>>;
  readonly errors: readonly number[];
}

export interface ApiInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'A parameter or field is not valid: `error.field` names it',
  401: 'No key, or a wrong or revoked one (`WWW-Authenticate: Bearer`)',
  403: "The key's role may not do this",
  404: 'No such story, section, tag or author (or not public)',
  409: 'Someone saved a newer version (`current` says which), or the story changed status meanwhile',
  410: 'The story is in the trash',
  413: 'The body is larger than 2 MB',
  415: 'The body is not JSON',
  429: 'Too many requests for this key: wait `Retry-After` seconds',
  503: 'The database cannot answer right now: try again after `Retry-After` seconds',
};

export function errorResponses(statuses: readonly number[]): Record<number, { description: string; schema: z.ZodType }> {
  return Object.fromEntries(statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? 'Refused', schema: ApiErrorSchema }]));
}

/** The first problem zod found, as the catalogue's 400 naming the field (never the value). */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  let path = issue ? issue.path.map(String).join('.') : '';
  if (issue?.code === 'unrecognized_keys' && issue.keys[0]) path = path ? `${path}.${issue.keys[0]}` : issue.keys[0];
  throw new DomainError('INVALID_INPUT', prefix ? (path ? `${prefix}.${path}` : prefix) : path || 'body', issue?.message);
}

/**
 * The query as the address gives it: each name once. A name given twice is refused with
 * 400 naming it (Fastify's parser would hand over an array).
 */
function queryOf(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const at = request.url.indexOf('?');
  if (at < 0) return out;
  for (const [name, value] of new URLSearchParams(request.url.slice(at + 1))) {
    if (name in out) throw new DomainError('INVALID_INPUT', name, 'given twice');
    out[name] = value;
  }
  return out;
}

/** Registers `op` with a handler that gets the parsed input. Public GETs declare their query for the page cache. */
export function apiRoute<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  app: FastifyInstance,
  op: ApiOperation<P, Q, B>,
  handler: (input: ApiInput<P, Q, B>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  extra: Partial<RouteOptions> = {},
): void {
  const cacheable = op.method === 'GET' && !op.auth;
  app.route({
    method: op.method,
    url: op.path,
    ...(cacheable ? readsQuery(op.query ? Object.keys(op.query.shape) : [], { freeText: op.id === 'search' }) : {}),
    ...extra,
    handler: async (request, reply) => {
      const params = (op.params ? parseOr400(op.params, request.params, '') : {}) as z.output<P>;
      const query = (op.query ? parseOr400(op.query, queryOf(request), '') : {}) as z.output<Q>;
      const body = (op.body ? parseOr400(op.body, request.body ?? undefined, '') : undefined) as z.output<B>;
      return handler({ params, query, body }, request, reply);
    },
  });
}
