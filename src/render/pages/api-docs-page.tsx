/**
 * The API reference page (/api/v1/docs), rendered from the OpenAPI document itself, so
 * it always says what the API does. Pure: the document in, a whole HTML page out. No
 * script and nothing from another host; its small stylesheet is served beside it.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A short type for a schema: `string (pattern …)`, `array of object`, `integer | null`. */
function typeOf(schema: Json): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'object';
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((s) => typeOf(obj(s))).join(' | ');
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map((s) => typeOf(obj(s))).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((e) => JSON.stringify(e)).join(' | ');
  const type = str(schema.type) || 'any';
  if (type === 'array') return `array of ${typeOf(obj(schema.items))}`;
  const facts = [
    schema.format ? `format ${str(schema.format)}` : '',
    schema.pattern && !schema.format ? `pattern ${str(schema.pattern)}` : '',
    typeof schema.maxLength === 'number' ? `≤ ${schema.maxLength} characters` : '',
    typeof schema.maximum === 'number' && schema.maximum < 1e9 ? `≤ ${schema.maximum}` : '',
    typeof schema.maxItems === 'number' ? `≤ ${schema.maxItems} items` : '',
  ].filter(Boolean);
  return facts.length ? `${type} (${facts.join(', ')})` : type;
}

/** The object a schema describes, looking through arrays, nullables and local $refs. */
function objectOf(schema: Json, defs: Json, depth: number): Json | null {
  if (depth > 6) return null;
  if (typeof schema.$ref === 'string') return objectOf(obj(defs[schema.$ref.split('/').pop() ?? '']), defs, depth + 1);
  if (schema.type === 'object' && schema.properties) return schema;
  if (schema.type === 'array') return objectOf(obj(schema.items), defs, depth + 1);
  for (const k of ['anyOf', 'oneOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list)) for (const s of list) {
      const o = objectOf(obj(s), defs, depth + 1);
      if (o) return o;
    }
  }
  return null;
}

function Fields({ schema, defs, depth }: { schema: Json; defs: Json; depth: number }): ComponentChildren {
  const o = objectOf(schema, defs, depth);
  if (!o) return null;
  const required = new Set(Array.isArray(o.required) ? o.required.map(String) : []);
  return (
    <ul class="fields">
      {Object.entries(obj(o.properties)).map(([name, raw]) => {
        const s = obj(raw);
        return (
          <li>
            <code>{name}</code> <span class="type">{typeOf(s)}</span>
            {!required.has(name) && <span class="optional"> optional</span>}
            {str(s.description) && <span class="desc"> — {str(s.description)}</span>}
            {depth < 4 && <Fields schema={s} defs={{ ...defs, ...obj(s.$defs) }} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

function Operation({ method, path, op }: { method: string; path: string; op: Json }) {
  const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : [];
  const body = obj(obj(obj(obj(op.requestBody).content)['application/json']).schema);
  const id = str(op.operationId);
  return (
    <section class="op" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>{str(op.summary)}</p>
      {str(op.description) && <p class="muted">{str(op.description)}</p>}
      {Array.isArray(op.security) && op.security.length > 0 && (
        <p class="auth">
          Needs <code>Authorization: Bearer sk_…</code>
        </p>
      )}
      {params.length > 0 && (
        <table>
          <caption>Parameters</caption>
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">in</th>
              <th scope="col">type</th>
              <th scope="col">meaning</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr>
                <td>
                  <code>{str(p.name)}</code>
                  {p.required === true && ' *'}
                </td>
                <td>{str(p.in)}</td>
                <td>{typeOf(obj(p.schema))}</td>
                <td>{str(p.description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Object.keys(body).length > 0 && (
        <>
          <h4>Request body (JSON)</h4>
          <Fields schema={body} defs={obj(body.$defs)} depth={0} />
        </>
      )}
      <h4>Responses</h4>
      <dl>
        {Object.entries(obj(op.responses)).map(([status, raw]) => {
          const r = obj(raw);
          const schema = obj(obj(obj(r.content)['application/json']).schema);
          return (
            <>
              <dt>{status}</dt>
              <dd>
                {str(r.description)}
                {status.startsWith('2') && <Fields schema={schema} defs={obj(schema.$defs)} depth={0} />}
              </dd>
            </>
          );
        })}
      </dl>
    </section>
  );
}

export function renderApiDocsPage(doc: Json): string {
  const info = obj(doc.info);
  const paths = obj(doc.paths);
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(obj(methods)).map(([method, op]) => ({ method, path, op: obj(op) })));
  const byTag = (tag: string) => ops.filter((o) => Array.isArray(o.op.tags) && o.op.tags.includes(tag));
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${str(info.title)} — reference`}</title>
        <link rel="stylesheet" href="/api/v1/docs.css" />
      </head>
      <body>
        <main>
          <h1>{str(info.title)}</h1>
          <p lang="hi">समाचार API: खबरें पढ़ने और भेजने के लिए।</p>
          <p>{str(info.description)}</p>
          <p>
            Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </p>
          <nav aria-label="Operations">
            <ul>
              {ops.map((o) => (
                <li>
                  <a href={`#${str(o.op.operationId)}`}>
                    {o.method.toUpperCase()} {o.path}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {(Array.isArray(doc.tags) ? doc.tags.map(obj) : []).map((t) => (
            <>
              <h2>{`${str(t.name)}: ${str(t.description)}`}</h2>
              {byTag(str(t.name)).map((o) => (
                <Operation method={o.method} path={o.path} op={o.op} />
              ))}
            </>
          ))}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${render(page)}`;
}

export const API_DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#111;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
code{font-family:ui-monospace,monospace;font-size:.9em}
.op{border-top:1px solid #ccc;padding:.5rem 0}
.method{display:inline-block;padding:0 .4em;border-radius:3px;background:#333;color:#fff;font-size:.8em}
.method.get{background:#0b6e2e}.method.post{background:#1d4ed8}.method.patch{background:#92400e}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}
.type,.optional,.muted{color:#555}.fields{margin:.2rem 0}dt{font-weight:bold}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.type,.optional,.muted{color:#bbb}th,td{border-color:#444}a{color:#8ab4ff}}
`;
