// Human-readable API documentation rendered from the OpenAPI 3 document @fastify/swagger builds
// from the routes' TypeBox schemas, so the docs cannot drift from what the API validates. Every
// string from the document is escaped like any other input; no JavaScript, unlike Swagger UI.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Operation {
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
const MAX_DEPTH = 8;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` ("#/components/schemas/Work") through the document (RFC 6901 pointer). */
function resolve(doc: unknown, schema: Schema): { schema: Schema; ref?: string } {
  let current = schema;
  let ref: string | undefined;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    ref = current.$ref;
    if (!ref.startsWith('#/')) return { schema: {}, ref };
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    current = isObject(target) ? (target as Schema) : {};
  }
  return ref ? { schema: current, ref } : { schema: current };
}

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A one-line type: "string (date-time)", "array of Work", "string | null", `"asc" | "desc"`. */
export function typeLabel(doc: unknown, input: Schema | undefined, depth = 0): string {
  if (!input || depth > MAX_DEPTH) return 'any';
  const { schema, ref } = resolve(doc, input);
  let label: string;
  if (schema.const !== undefined) label = JSON.stringify(schema.const);
  else if (schema.enum) label = schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  else if (schema.anyOf ?? schema.oneOf) label = (schema.anyOf ?? schema.oneOf ?? []).map((s) => typeLabel(doc, s, depth + 1)).join(' | ');
  else if (schema.allOf?.length === 1) label = typeLabel(doc, schema.allOf[0], depth + 1);
  else if (Array.isArray(schema.type)) label = schema.type.map((t) => typeLabel(doc, { ...schema, type: t }, depth + 1)).join(' | ');
  else if (schema.type === 'array') label = `array of ${typeLabel(doc, schema.items, depth + 1)}`;
  else if (schema.type === 'object' || schema.properties || schema.allOf) {
    const extra = schema.additionalProperties;
    label = !schema.properties && isObject(extra) ? `map of string to ${typeLabel(doc, extra, depth + 1)}` : 'object';
  } else if (schema.type) label = schema.format ? `${schema.type} (${schema.format})` : schema.type;
  else label = 'any';
  if (ref && label === 'object') label = refName(ref);
  return schema.nullable ? `${label} | null` : label;
}

/** The object whose fields a schema describes: itself, its array items, or a union's object arm. */
function fieldsOf(doc: unknown, input: Schema | undefined, depth = 0): { properties: Record<string, Schema>; required: string[]; ref?: string } | null {
  if (!input || depth > MAX_DEPTH) return null;
  const { schema, ref } = resolve(doc, input);
  if (schema.properties) return { properties: schema.properties, required: schema.required ?? [], ...(ref ? { ref } : {}) };
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => fieldsOf(doc, s, depth + 1)).filter((p) => p !== null);
    if (parts.length === 0) return null;
    return { properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required) };
  }
  if (schema.type === 'array' || schema.items) return fieldsOf(doc, schema.items, depth + 1);
  for (const arm of schema.anyOf ?? schema.oneOf ?? []) {
    const found = fieldsOf(doc, arm, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Nested <ul> of "name: type — description", recursing into objects and arrays of objects. */
export function fieldList(doc: unknown, schema: Schema | undefined, path: readonly string[] = []): SafeHtml {
  const fields = fieldsOf(doc, schema);
  if (!fields || path.length > MAX_DEPTH) return html``;
  // A schema that refers back to itself (a comment's replies) is listed once, not forever.
  if (fields.ref && path.includes(fields.ref)) return html` <span class="recursive">(fields as above)</span>`;
  const next = fields.ref ? [...path, fields.ref] : [...path, ''];
  const items = Object.entries(fields.properties).map(([name, prop]) => {
    const description = prop.description ?? resolve(doc, prop).schema.description;
    return html`<li><code class="field-name">${name}</code>: <span class="field-type">${typeLabel(doc, prop)}</span>${fields.required.includes(name) ? html` <span class="required">(required)</span>` : ''}${description ? html` — ${description}` : ''}${fieldList(doc, prop, next)}</li>`;
  });
  return items.length > 0 ? html`<ul class="schema-fields">${items}</ul>` : html``;
}

function paragraphs(text: string | undefined, className = ''): SafeHtml {
  if (!text) return html``;
  return html`${text.split(/\n\s*\n/).map((p) => html`<p${className ? html` class="${className}"` : ''}>${p.trim()}</p>`)}`;
}

function parametersTable(doc: unknown, parameters: readonly Parameter[]): SafeHtml {
  if (parameters.length === 0) return html``;
  const rows = parameters.map((p) => {
    const resolved = resolve(doc, p as Schema).schema as Parameter;
    return html`<tr><th scope="row"><code>${resolved.name ?? ''}</code></th><td>${resolved.in ?? ''}</td><td>${resolved.required ? 'yes' : 'no'}</td><td>${typeLabel(doc, resolved.schema)}</td><td>${resolved.description ?? resolved.schema?.description ?? ''}</td></tr>`;
  });
  return html`<h3>Parameters</h3>
<div class="table-wrap"><table class="parameters">
<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function bodySchema(content: Record<string, { schema?: Schema }> | undefined): { type: string; schema?: Schema } | null {
  if (!content) return null;
  const type = Object.keys(content).find((t) => t.includes('json')) ?? Object.keys(content)[0];
  return type ? { type, ...(content[type]?.schema ? { schema: content[type].schema } : {}) } : null;
}

function schemaBlock(doc: unknown, body: { type: string; schema?: Schema } | null): SafeHtml {
  if (!body?.schema) return html``;
  return html`<p class="schema-type"><code>${body.type}</code>: <span class="field-type">${typeLabel(doc, body.schema)}</span></p>${fieldList(doc, body.schema)}`;
}

function responses(doc: unknown, operation: Operation): SafeHtml {
  const entries = Object.entries(operation.responses ?? {});
  if (entries.length === 0) return html``;
  const items = entries.map(([code, response]) => {
    const cls = `http-status http-status-${code.charAt(0)}xx`;
    return html`<dt><span class="${cls}">${code}</span></dt><dd>${paragraphs(response.description)}${schemaBlock(doc, bodySchema(response.content))}</dd>`;
  });
  return html`<h3>Responses</h3><dl class="responses">${items}</dl>`;
}

function operationId(method: string, path: string): string {
  return `${method}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function operationSection(doc: unknown, method: string, path: string, operation: Operation, shared: readonly Parameter[]): SafeHtml {
  const id = operationId(method, path);
  const body = operation.requestBody;
  return html`<section class="endpoint" id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading"><span class="method method-${method}">${method.toUpperCase()}</span> <code class="path">${path}</code>${operation.deprecated ? html` <span class="deprecated">(deprecated)</span>` : ''}</h2>
${operation.summary ? html`<p class="summary">${operation.summary}</p>` : ''}
${paragraphs(operation.description, 'description')}
${parametersTable(doc, [...shared, ...(operation.parameters ?? [])])}
${body ? html`<h3>Request body</h3>${paragraphs(body.description)}${schemaBlock(doc, bodySchema(body.content))}` : ''}
${responses(doc, operation)}
</section>`;
}

export function apiDocsView(chrome: PageChrome, openapi: object): string {
  const doc = openapi as OpenApiDocument;
  const operations: Array<{ method: string; path: string; operation: Operation; shared: Parameter[] }> = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? (item.parameters as Parameter[]) : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) operations.push({ method, path, operation, shared });
    }
  }
  const title = doc.info?.title ?? `${chrome.siteName} API`;
  return layout(
    chrome,
    html`<div class="api-docs">
<h1>${title}</h1>
${doc.info?.version ? html`<p class="version">Version ${doc.info.version}</p>` : ''}
${paragraphs(doc.info?.description)}
<p>The machine-readable description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
${
  operations.length > 0
    ? html`<nav aria-label="Endpoints" class="endpoint-index"><ul>${operations.map(
        (o) => html`<li><a href="#${operationId(o.method, o.path)}"><span class="method method-${o.method}">${o.method.toUpperCase()}</span> <code>${o.path}</code></a></li>`,
      )}</ul></nav>
${operations.map((o) => operationSection(openapi, o.method, o.path, o.operation, o.shared))}`
    : html`<p class="empty">No endpoints are documented yet.</p>`
}
</div>`,
  );
}
