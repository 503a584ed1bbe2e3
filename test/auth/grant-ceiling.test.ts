import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { grantRefusal } from '../../src/auth/grant-ceiling.ts';
import { TENANT_SCOPES } from '../../src/principal/scopes.ts';

const all = { scopes: [...TENANT_SCOPES], rateLimitPerSecond: null };

describe('grantRefusal: a key is the ceiling of every key it makes', () => {
  test('scopes within the caller’s are granted, the missing ones are named', () => {
    assert.equal(grantRefusal(all, { scopes: ['screen', 'keys:admin'], rateLimitPerSecond: null }), null);
    const refusal = grantRefusal(
      { scopes: ['keys:admin'], rateLimitPerSecond: null },
      { scopes: [...TENANT_SCOPES], rateLimitPerSecond: null },
    );
    assert.equal(
      refusal,
      'This API key cannot grant scopes it does not hold: it lacks "screen", "audit:read", "review", "lists:admin", "licences:admin"',
    );
  });

  test('operator is refused even to a caller holding it', () => {
    assert.match(
      grantRefusal(
        { scopes: [...TENANT_SCOPES, 'operator'], rateLimitPerSecond: null },
        { scopes: ['operator'], rateLimitPerSecond: null },
      ) ?? '',
      /"operator" scope is never granted through the API/,
    );
  });

  test('a limited caller grants only an explicit limit no higher than its own', () => {
    const limited = { scopes: [...TENANT_SCOPES], rateLimitPerSecond: 10 };
    assert.equal(grantRefusal(limited, { scopes: ['screen'], rateLimitPerSecond: 10 }), null);
    assert.equal(grantRefusal(limited, { scopes: ['screen'], rateLimitPerSecond: 1 }), null);
    assert.match(
      grantRefusal(limited, { scopes: ['screen'], rateLimitPerSecond: 11 }) ?? '',
      /limited to 10 requests per second and cannot grant 11/,
    );
    assert.match(
      grantRefusal(limited, { scopes: ['screen'], rateLimitPerSecond: null }) ?? '',
      /limited to 10 requests per second: a key it creates needs rateLimitPerSecond/,
    );
  });

  test('an unlimited caller may grant any limit or none', () => {
    assert.equal(grantRefusal(all, { scopes: ['screen'], rateLimitPerSecond: 100_000 }), null);
    assert.equal(grantRefusal(all, { scopes: ['screen'], rateLimitPerSecond: null }), null);
  });
});
