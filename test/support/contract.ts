import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Response } from 'supertest';
import { loadSpec } from '../../src/http/openapi-spec.ts';
import { createAjv, toFieldErrors } from '../../src/http/schema-compiler.ts';

const spec = loadSpec();
const ajv = createAjv(spec, { coerce: false });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(key, v);
  }
  return v;
}

/** Asserts that a response is one the contract documents for this operation, status and content type. */
export function assertContract(res: Response, operationId: string): void {
  const op = spec.operations.get(operationId);
  assert.ok(op, `operation ${operationId} is not in openapi.yaml`);
  const documented = op.responses[String(res.status)];
  assert.ok(documented, `${operationId} does not document status ${res.status}: ${res.text.slice(0, 500)}`);
  const contentType = String(res.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  if (!documented.content) {
    assert.equal(res.text ?? '', '', `${operationId} ${res.status} documents no body`);
    return;
  }
  const media = documented.content[contentType];
  assert.ok(media, `${operationId} ${res.status} does not document ${contentType}`);
  if (!contentType.includes('json')) return;
  const body = contentType === 'application/problem+json' ? JSON.parse(res.text) : res.body;
  const validate = validatorFor(`${operationId}|${res.status}|${contentType}`, media.schema);
  assert.ok(
    validate(body),
    `${operationId} ${res.status} body violates the contract: ${JSON.stringify(toFieldErrors(validate.errors, 'body'))}`,
  );
}

/** For answers outside any operation (unknown routes): a problem+json of the given status. */
export function assertProblem(res: Response, status: number): Record<string, unknown> {
  assert.equal(res.status, status, res.text);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  const validate = validatorFor('Problem', { $ref: 'spec#/$defs/Problem' });
  assert.ok(validate(body), JSON.stringify(validate.errors));
  assert.equal(body.status, status);
  return body;
}

/** Asserts that a value (e.g. a webhook body's `data`) fits a named schema of the contract's components. */
export function assertSchema(value: unknown, schemaName: string): void {
  const validate = validatorFor(`#${schemaName}`, { $ref: `spec#/$defs/${schemaName}` });
  assert.ok(
    validate(value),
    `value violates ${schemaName}: ${JSON.stringify(toFieldErrors(validate.errors, 'body'))}`,
  );
}
