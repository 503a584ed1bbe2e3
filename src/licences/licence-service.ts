import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Pool } from '../db/pool.ts';
import { timeOrderedUuid } from '../db/time-ordered-uuid.ts';
import { withTransaction } from '../db/transaction.ts';
import { readControlNumber, readTariffCode } from '../goods/index.ts';
import { ApiError, type FieldError } from '../http/api-error.ts';
import type { Principal } from '../principal/scopes.ts';
import {
  type DrawdownRequest,
  type Licence,
  type LicenceRecord,
  type LicenceRequest,
  licenceFacts,
  toLicence,
} from './licence.ts';
import { createLicenceStore } from './licence-store.ts';

const today = () => new Date().toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Problems the schema cannot express: an inverted validity, a goods code or control number that cannot be read. */
function requestProblems(body: LicenceRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (body.validTo < body.validFrom) {
    errors.push({ in: 'body', pointer: '/validTo', message: 'must not be before validFrom' });
  }
  body.goods.forEach((g, i) => {
    const code = g.code === undefined ? undefined : readTariffCode(g.code);
    if (code && !code.ok) errors.push({ in: 'body', pointer: `/goods/${i}/code`, message: code.reason });
    const number = g.controlNumber === undefined ? undefined : readControlNumber(g.controlNumber);
    if (number && !number.ok) {
      errors.push({ in: 'body', pointer: `/goods/${i}/controlNumber`, message: number.reason });
    }
  });
  return errors;
}

/** Why a drawdown cannot be recorded: a revoked licence, another currency, or more than is left. */
function drawdownRefusal(l: LicenceRecord, d: DrawdownRequest): ApiError | undefined {
  const name = `Licence ${l.number}`;
  if (d.quantity === undefined && d.value === undefined) {
    const error = { in: 'body' as const, pointer: '/quantity', message: 'a quantity or a value is required' };
    return ApiError.badRequest('A drawdown draws a quantity, a value or both', [error]);
  }
  if (l.revokedAt !== null) return ApiError.conflict(`${name} is revoked`);
  if (d.shippedOn < l.validFrom || d.shippedOn > l.validTo) {
    return ApiError.conflict(`${name} is valid from ${l.validFrom} to ${l.validTo}, not on ${d.shippedOn}`);
  }
  if (d.value !== undefined && l.valueLimit !== undefined && d.currency !== l.currency) {
    const error = { in: 'body' as const, pointer: '/currency', message: `must be ${l.currency}` };
    return ApiError.badRequest(`${name} limits value in ${l.currency}`, [error]);
  }
  if (d.quantity !== undefined && l.quantityLimit !== undefined) {
    const left = l.quantityLimit - l.quantityUsed;
    if (d.quantity > left) return ApiError.conflict(`${name} has ${left} of ${l.quantityLimit} left`);
  }
  if (d.value !== undefined && l.valueLimit !== undefined) {
    const left = l.valueLimit - l.valueUsed;
    if (d.value > left) return ApiError.conflict(`${name} has ${left} ${l.currency} of ${l.valueLimit} left`);
  }
  return undefined;
}

export function createLicenceService(deps: { pool: Pool }) {
  const store = createLicenceStore(deps.pool);

  return {
    /** The licence and its licence.created event, in one transaction. */
    async create(principal: Principal, body: LicenceRequest): Promise<Licence> {
      const errors = requestProblems(body);
      if (errors.length > 0) throw ApiError.badRequest('The licence cannot be recorded', errors);
      const record: LicenceRecord = {
        ...body,
        id: timeOrderedUuid(),
        tenantId: principal.tenantId,
        createdAt: new Date().toISOString(),
        createdBy: principal.keyId,
        revokedAt: null,
        revokedBy: null,
        revocationReason: null,
        quantityUsed: 0,
        valueUsed: 0,
      };
      return withTransaction(deps.pool, async (client) => {
        if (!(await createLicenceStore(client).insert(record))) {
          throw ApiError.conflict(`Licence ${body.number} of ${body.authority} is already recorded`);
        }
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'licence.created',
          occurredAt: record.createdAt,
          payload: licenceFacts(record),
        });
        return toLicence(record, today());
      });
    },

    async get(principal: Principal, id: string): Promise<Licence> {
      const found = UUID.test(id) ? await store.get(principal.tenantId, id) : undefined;
      if (!found) throw ApiError.notFound(`No licence ${id}`);
      return toLicence(found, today());
    },

    /** One page, newest first; the cursor is the last id of the page (ids are time-ordered). */
    async list(principal: Principal, cursor: string | undefined, limit: number) {
      if (cursor !== undefined && !UUID.test(cursor)) {
        throw ApiError.badRequest('Unknown cursor', [
          { in: 'query', pointer: '/cursor', message: 'invalid cursor' },
        ]);
      }
      const rows = await store.page(principal.tenantId, cursor ?? null, limit + 1);
      const items = rows.slice(0, limit).map((r) => toLicence(r, today()));
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    /** One way, with the licence.revoked event in the same transaction. */
    async revoke(principal: Principal, id: string, reason: string): Promise<Licence> {
      if (!UUID.test(id)) throw ApiError.notFound(`No licence ${id}`);
      return withTransaction(deps.pool, async (client) => {
        const tx = createLicenceStore(client);
        const at = new Date().toISOString();
        const revoked = await tx.revoke(principal.tenantId, id, principal.keyId, at, reason);
        if (!revoked) {
          if (await tx.get(principal.tenantId, id))
            throw ApiError.conflict(`Licence ${id} is already revoked`);
          throw ApiError.notFound(`No licence ${id}`);
        }
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'licence.revoked',
          occurredAt: at,
          payload: { licenceId: id, number: revoked.number, authority: revoked.authority, reason },
        });
        return toLicence(revoked, today());
      });
    },

    /** A shipment under the licence, within what is left of it, with its licence.drawn_down event. */
    async drawDown(principal: Principal, id: string, body: DrawdownRequest): Promise<Licence> {
      if (!UUID.test(id)) throw ApiError.notFound(`No licence ${id}`);
      return withTransaction(deps.pool, async (client) => {
        const tx = createLicenceStore(client);
        const l = await tx.lock(principal.tenantId, id);
        if (!l) throw ApiError.notFound(`No licence ${id}`);
        const refusal = drawdownRefusal(l, body);
        if (refusal) throw refusal;
        const at = new Date().toISOString();
        const drawdown = {
          id: timeOrderedUuid(),
          tenantId: principal.tenantId,
          licenceId: id,
          shippedOn: body.shippedOn,
          quantity: body.quantity ?? null,
          value: body.value ?? null,
          currency: body.currency ?? null,
          reference: body.reference ?? null,
          createdBy: principal.keyId,
          createdAt: at,
        };
        await tx.insertDrawdown(drawdown);
        const { tenantId: _t, createdBy: _b, createdAt: _a, id: drawdownId, ...facts } = drawdown;
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'licence.drawn_down',
          occurredAt: at,
          payload: { drawdownId, ...facts, number: l.number },
        });
        return toLicence((await tx.get(principal.tenantId, id))!, today());
      });
    },

    /** For screening: every licence of the tenant (see licence-store.ts forScreening). */
    forScreening: (tenantId: string) => store.forScreening(tenantId),
  };
}

export type LicenceService = ReturnType<typeof createLicenceService>;
