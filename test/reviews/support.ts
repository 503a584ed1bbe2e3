import assert from 'node:assert/strict';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import type { ScreeningTestApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

/** What the named-reviewer and bulk-review tests share: a tenant, its people's keys, screenings and reviews. */
export interface Finding {
  id: string;
  kind: string;
  severity: string;
  entry?: { id: string };
}

export function reviewsHelpers(app: () => ScreeningTestApp) {
  const http = () => app().http();
  return {
    async newTenant(id: string, opts: { fourEyes?: boolean } = {}) {
      const created = await createTenantService(app().container.pool, app().container.keys).create(id, id);
      const admin = created.key.key;
      if (opts.fourEyes) {
        const policy = await http().put('/policy').set(bearer(admin)).send({ fourEyes: true });
        assert.equal(policy.status, 200, policy.text);
      }
      return { admin, adminKeyId: created.key.id };
    },

    async personKey(admin: string, person: { name: string; email: string }) {
      const res = await http()
        .post('/keys')
        .set(bearer(admin))
        .send({ name: `${person.name}'s key`, scopes: ['review', 'audit:read'], person });
      assertContract(res, 'createApiKey');
      assert.equal(res.status, 201, res.text);
      return { id: res.body.id as string, key: res.body.key as string };
    },

    async screen(key: string, parties: object[], extra: object = {}) {
      const res = await http()
        .post('/screen')
        .set(bearer(key))
        .send({ parties, ...extra });
      assert.equal(res.status, 200, res.text);
      return res.body as { id: string; decision: string; findings: Finding[] };
    },

    async review(key: string, screeningId: string, findingId: string, disposition: string, note = 'checked') {
      const res = await http()
        .post(`/screenings/${screeningId}/reviews`)
        .set(bearer(key))
        .send({ findingId, disposition, note });
      assertContract(res, 'createScreeningReview');
      return res;
    },

    async bulk(
      key: string,
      screeningId: string,
      findingIds: string[],
      disposition: string,
      note = 'checked',
    ) {
      const res = await http()
        .post(`/screenings/${screeningId}/reviews/bulk`)
        .set(bearer(key))
        .send({ findingIds, disposition, note });
      assertContract(res, 'createScreeningReviews');
      return res;
    },

    async reviews(key: string, screeningId: string) {
      const res = await http().get(`/screenings/${screeningId}/reviews`).set(bearer(key));
      assertContract(res, 'listScreeningReviews');
      assert.equal(res.status, 200, res.text);
      return res.body.items as {
        findingId: string;
        disposition: string;
        reviewerKeyId: string;
        reviewer: { name: string; email: string } | null;
        reviewedBy: string;
      }[];
    },

    async state(key: string, id: string) {
      const res = await http().get(`/screenings/${id}`).set(bearer(key));
      assertContract(res, 'getScreening');
      return [res.body.reviewStatus, res.body.outcome] as [string, string | null];
    },

    async verify(key: string) {
      const res = await http().get('/audit/verify').set(bearer(key));
      assertContract(res, 'verifyAuditChain');
      return res.body as { ok: boolean; problems: { table: string; id: string; field: string | null }[] };
    },
  };
}

export const NORDLICHT = { name: 'Nordlicht Handels GmbH', kind: 'organization', country: 'DE' };
export const PETROV = { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' };
export const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };
export const BOB = { name: 'Bob Officer', email: 'bob@example.com' };
