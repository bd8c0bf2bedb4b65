/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas (zod 4's
 * own `z.toJSONSchema`, draft 2020-12, which OpenAPI 3.1 uses as is), and the routes that
 * serve it: `/api/v1/openapi.json` and a reference page `/api/v1/docs` rendered on the
 * server from the same document (no script, nothing from another host).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { API_DOCS_CSS, renderApiDocsPage } from '../../render/pages/api-docs-page.tsx';
import type { Services } from '../../services.ts';
import { tagPage } from '../plugins/page-cache-plugin.ts';
import { type ApiOperation, errorResponses } from './api-route.ts';
import { CONTENT_OPERATIONS } from './content-api.ts';
import { INTEGRATION_OPERATIONS } from './integration-api.ts';
import { LIVE_OPERATIONS } from '../live/live-api.ts';
import { originOf } from './story-json.ts';

export type JsonSchema = Record<string, unknown>;

export const ALL_OPERATIONS: readonly ApiOperation[] = [...Object.values(CONTENT_OPERATIONS), ...Object.values(INTEGRATION_OPERATIONS), ...Object.values(LIVE_OPERATIONS)];

/** A zod schema as JSON Schema 2020-12 (the form OpenAPI 3.1 takes), without the `$schema` line. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** `/api/v1/stories/:id` → `/api/v1/stories/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([a-zA-Z]+)/g, '{$1}');
}

function parameters(op: ApiOperation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const s = jsonSchema(field as z.ZodType, 'input');
      const description = typeof s.description === 'string' ? s.description : undefined;
      out.push({ name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: s });
    }
  }
  return out;
}

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } };

function operationObject(op: ApiOperation): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, r] of Object.entries({ ...op.responses, ...errorResponses(op.errors) })) {
    responses[status] = {
      description: r.description,
      ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
      content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } },
    };
  }
  if (op.method === 'GET' && !op.auth) responses['304'] = { description: 'Not modified (the `If-None-Match` ETag matches)' };
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.params || op.query ? { parameters: parameters(op) } : {}),
    ...(op.body
      ? { requestBody: { required: !op.body.safeParse(undefined).success, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
      : {}),
    responses,
    ...(op.auth ? { security: [{ apiKey: [] }] } : { security: [] }),
  };
}

/** The whole document. Pure: the same operations and origin give the same document. */
export function buildOpenApi(origin: string, operations: readonly ApiOperation[] = ALL_OPERATIONS): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) (paths[openApiPath(op.path)] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Samachar API',
      version: '1',
      description:
        'Content API (`/api/v1/…`): public, read-only, cacheable (ETag, 304), only what readers can see. Integration API (`/api/v1/admin/…`): for trusted systems, with a key made by an admin (Admin → API keys), sent as `Authorization: Bearer sk_…`; each key acts with its role (reporter, editor, admin) and is limited to 120 requests a minute.',
    },
    servers: [{ url: origin }],
    tags: [
      { name: 'Content', description: 'Public reads' },
      { name: 'Integration', description: 'Filing and publishing stories with an API key' },
    ],
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `sk_…` from Admin → API keys' } } },
    paths,
  };
}

export const openApiRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const origin = originOf(services.config.siteUrl);
  const doc = buildOpenApi(origin);
  const json = JSON.stringify(doc);
  const html = renderApiDocsPage(doc);
  // The document changes only with the code: cached like a page, under a tag every deploy's new process starts without.
  app.get('/api/v1/openapi.json', async (request, reply) => {
    tagPage(request, [contentTags.settings]);
    return reply.header('content-type', 'application/json; charset=utf-8').header('access-control-allow-origin', '*').send(json);
  });
  app.get('/api/v1/docs', async (request, reply) => {
    tagPage(request, [contentTags.settings]);
    return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  });
  app.get('/api/v1/docs.css', async (_request, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(API_DOCS_CSS));
};
