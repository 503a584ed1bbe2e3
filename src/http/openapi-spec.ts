import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  scope: string | undefined;
  planned: boolean;
  /**
   * No API key: `security` is `[]` or names only other schemes (GET /metrics and its METRICS_TOKEN, which its
   * handler checks). Operations without their own `security` inherit the document's API key.
   */
  public: boolean;
  /** `x-stream-body: true`: the handler reads the request stream itself (uploads past the body limit). */
  streamBody: boolean;
  /**
   * `x-item-body: <property>`: that array's elements are checked one by one by the handler (a batch), so one
   * bad element — even one PostgreSQL could not store — fails only itself, never the request.
   */
  itemBody: string | undefined;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface Spec {
  schemas: Record<string, JsonSchema>;
  operations: Map<string, SpecOperation>;
}

export const SPEC_PATH = resolve(import.meta.dirname, '../../openapi.yaml');

/** `#/components/schemas/X` → `spec#/$defs/X`, so the schemas compile as one strict JSON Schema 2020-12 document. */
function rewriteRefs<T>(node: T, components: Record<string, unknown>): T {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, components)) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const m = /^#\/components\/(schemas|parameters|responses)\/(.+)$/.exec(v);
        out[k] = m?.[1] === 'schemas' ? `spec#/$defs/${m[2]}` : v;
      } else out[k] = rewriteRefs(v, components);
    }
    return out as T;
  }
  return node;
}

function deref<T>(node: T, components: Record<string, Record<string, unknown>>): T {
  const ref = (node as { $ref?: string } | undefined)?.$ref;
  const m = ref ? /^#\/components\/(parameters|responses)\/(.+)$/.exec(ref) : null;
  return m ? (components[m[1]!]?.[m[2]!] as T) : node;
}

let cached: Spec | undefined;

export function loadSpec(path = SPEC_PATH): Spec {
  if (cached && path === SPEC_PATH) return cached;
  const doc = parse(readFileSync(path, 'utf8'));
  const components = doc.components as Record<string, Record<string, unknown>>;
  const operations = new Map<string, SpecOperation>();
  for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Record<string, unknown>;
      const params = ((op.parameters as unknown[]) ?? []).map((x) => deref(x, components)) as SpecParameter[];
      const responses: SpecOperation['responses'] = {};
      for (const [status, r] of Object.entries((op.responses as Record<string, unknown>) ?? {})) {
        responses[status] = rewriteRefs(
          deref(r, components),
          components,
        ) as SpecOperation['responses'][string];
      }
      operations.set(op.operationId as string, {
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        path: p,
        scope: op['x-scope'] as string | undefined,
        planned: op['x-status'] === 'planned',
        public:
          Array.isArray(op.security) &&
          !(op.security as Record<string, unknown>[]).some((requirement) => 'apiKey' in requirement),
        streamBody: op['x-stream-body'] === true,
        itemBody: typeof op['x-item-body'] === 'string' ? op['x-item-body'] : undefined,
        parameters: rewriteRefs(params, components),
        requestBody: rewriteRefs(op.requestBody as SpecOperation['requestBody'], components),
        responses,
      });
    }
  }
  const spec = {
    schemas: rewriteRefs(components.schemas as Record<string, JsonSchema>, components),
    operations,
  };
  if (path === SPEC_PATH) cached = spec;
  return spec;
}
