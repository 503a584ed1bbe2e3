import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FieldError } from './api-error.ts';
import type { JsonSchema, Spec } from './openapi-spec.ts';

// ajv-formats is CommonJS with a default export that NodeNext types cannot see through; require gives the function.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => Ajv2020;

/** One ajv instance per mode, holding the spec's schemas once; every validator is compiled at start. */
export function createAjv(spec: Spec, opts: { coerce: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    coerceTypes: opts.coerce ? 'array' : false,
    useDefaults: true,
    // OpenAPI annotations that are not JSON Schema keywords
    keywords: ['example', 'x-status'],
  });
  addFormats(ajv);
  ajv.addSchema({ $id: 'spec', $defs: spec.schemas });
  return ajv;
}

export function compile(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
  return ajv.compile(schema);
}

function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** ajv errors → one entry per failing field, pointing at the field itself (the unknown or missing one too). */
export function toFieldErrors(
  errors: ErrorObject[] | null | undefined,
  where: FieldError['in'],
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
      pointer += `/${escapePointer(String(e.params.additionalProperty))}`;
      message = 'is not an allowed field';
    } else if (e.keyword === 'required') {
      pointer += `/${escapePointer(String(e.params.missingProperty))}`;
      message = 'is required';
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    }
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ in: where, pointer: pointer || '/', message });
  }
  return out;
}
