import { randomUUID } from 'node:crypto';
import type { JsonSchema, Spec, SpecOperation } from '../../../src/http/openapi-spec.ts';
import { createAjv } from '../../../src/http/schema-compiler.ts';

/**
 * The smallest body the contract accepts for an operation, derived from its JSON schema (required fields, first
 * enum value, lower bounds), so a request gets past validation to the handler that looks the resource up.
 * Undefined when the schema needs something this cannot invent (a pattern, a oneOf that does not fit).
 */
export function minimalBody(spec: Spec, op: SpecOperation): unknown {
  const media = op.requestBody?.content['application/json'];
  if (!media) return undefined;
  const value = minimal(spec, media.schema, 0);
  const validate = createAjv(spec, { coerce: false }).compile(media.schema);
  return validate(structuredClone(value)) ? value : undefined;
}

function minimal(spec: Spec, schema: JsonSchema, depth: number): unknown {
  if (depth > 20) return undefined;
  const ref = schema.$ref as string | undefined;
  if (ref?.startsWith('spec#/$defs/')) return minimal(spec, spec.schemas[ref.slice(12)] ?? {}, depth + 1);
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) {
    const options = schema[k] as JsonSchema[] | undefined;
    if (options?.[0]) return minimal(spec, options[0], depth + 1);
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, minimal(spec, props[name] ?? {}, depth + 1)]));
    }
    case 'array': {
      const n = (schema.minItems as number | undefined) ?? 0;
      return Array.from({ length: n }, () => minimal(spec, (schema.items ?? {}) as JsonSchema, depth + 1));
    }
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      const format = schema.format as string | undefined;
      if (format === 'uuid') return randomUUID();
      if (format === 'date') return '2026-01-02';
      if (format === 'date-time') return '2026-01-02T03:04:05Z';
      if (format === 'uri') return 'https://example.com/x';
      if (format === 'email') return 'a@example.com';
      const min = (schema.minLength as number | undefined) ?? 1;
      return 'x'.repeat(Math.max(1, min));
    }
    default:
      return {};
  }
}
