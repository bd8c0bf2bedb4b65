/**
 * Checks an API answer against the OpenAPI document the app serves: the operation for its
 * method and path, the status (which must be documented), and the JSON body against that
 * status's schema (Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses it). The content API's
 * tests send every request through `checkedInject`, so every answer they see is checked.
 */
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildOpenApi } from '../../src/http/api/openapi.ts';

type Json = Record<string, unknown>;

export class OpenApiChecker {
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();
  readonly doc: Json;
  /** "METHOD status operationId" of every answer checked, for coverage asserts. */
  readonly seen = new Set<string>();

  constructor(origin = 'http://localhost:3000') {
    this.doc = buildOpenApi(origin);
  }

  /** The template path and operation for a concrete address, or null when none is documented. */
  find(method: string, url: string): { template: string; op: Json } | null {
    const path = url.split('?')[0] ?? '';
    for (const [template, methods] of Object.entries(this.doc.paths as Json)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const op = (methods as Json)[method.toLowerCase()];
      if (re.test(path) && op) return { template, op: op as Json };
    }
    return null;
  }

  check(method: string, url: string, res: LightMyRequestResponse): void {
    const found = this.find(method, url);
    assert.ok(found, `${method} ${url} is not in the OpenAPI document`);
    const status = String(res.statusCode);
    const response = (found.op.responses as Json)[status] as Json | undefined;
    assert.ok(response, `${method} ${url}: status ${status} is not documented for ${found.template} (${res.body.slice(0, 200)})`);
    this.seen.add(`${method} ${status} ${String(found.op.operationId)}`);
    if (res.statusCode === 304) return;
    const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
    assert.ok(schema, `${method} ${url} ${status}: no JSON schema`);
    assert.match(String(res.headers['content-type']), /^application\/json/, `${method} ${url} ${status}: content type`);
    const key = `${found.template} ${method} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.cache.set(key, validate);
    }
    const body: unknown = res.json();
    assert.ok(validate(body), `${method} ${url} ${status} does not match its schema: ${this.ajv.errorsText(validate.errors)}\n${res.body.slice(0, 500)}`);
    for (const h of Object.keys((response.headers as Json | undefined) ?? {})) assert.ok(res.headers[h.toLowerCase()], `${method} ${url} ${status}: header ${h} missing`);
  }
}

/** app.inject, with the answer checked against the document before the test sees it. */
export async function checkedInject(app: FastifyInstance, checker: OpenApiChecker, options: InjectOptions & { method?: string; url: string }): Promise<LightMyRequestResponse> {
  const res = await app.inject(options);
  checker.check(options.method ?? 'GET', options.url, res);
  return res;
}
