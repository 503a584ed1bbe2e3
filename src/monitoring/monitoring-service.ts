import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import { sha256 } from '../audit/verify-report.ts';
import type { Party } from '../contract/screening-types.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { Principal } from '../principal/scopes.ts';
import type { OutcomeEvents } from '../reviews/outcome-events.ts';
import { createAlertStore } from './alert-store.ts';
import { alertView } from './alert-view.ts';
import {
  createMonitoredPartyStore,
  type MonitoredPartyRow,
  newMonitoredPartyId,
  partyHash,
} from './monitored-party-store.ts';

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export const monitoredPartyView = (p: MonitoredPartyRow) => ({
  id: p.id,
  party: p.party,
  createdAt: p.createdAt,
});

export interface ReviewInput {
  findingId: string;
  disposition: 'true_match' | 'false_positive' | 'escalate';
  note: string;
}

/** `events`: where `alert.resolved` goes (the tenant's webhook endpoint). */
export function createMonitoringService(pool: Pool, events: OutcomeEvents) {
  const parties = createMonitoredPartyStore(pool);
  const alerts = createAlertStore(pool);

  return {
    async register(principal: Principal, party: Party) {
      const hash = partyHash(party);
      await withTransaction(pool, async (client) => {
        await createMonitoredPartyStore(client).insertMany(client, [
          {
            id: newMonitoredPartyId(),
            tenantId: principal.tenantId,
            party,
            partyHash: hash,
            screeningId: null,
          },
        ]);
      });
      return monitoredPartyView((await parties.byHash(principal.tenantId, hash))!);
    },

    async listParties(principal: Principal) {
      return (await parties.list(principal.tenantId)).map(monitoredPartyView);
    },

    async removeParty(principal: Principal, id: string): Promise<void> {
      if (!(await parties.remove(principal.tenantId, id)))
        throw ApiError.notFound(`No monitored party ${id}`);
    },

    async listAlerts(principal: Principal, limit: number) {
      return (await alerts.list(principal.tenantId, limit)).map((a) => alertView(a));
    },

    /** Same review shape as a screening's: the disposition of the alert's one finding, with a note. */
    async review(principal: Principal, alertId: string, body: ReviewInput) {
      const alert = await alerts.get(principal.tenantId, alertId);
      if (!alert) throw ApiError.notFound(`No alert ${alertId}`);
      if (body.findingId !== alert.finding.id) {
        throw ApiError.badRequest(`Alert ${alertId} has finding ${alert.finding.id} only`, [
          { in: 'body', pointer: '/findingId', message: `must be ${alert.finding.id}` },
        ]);
      }
      const id = newId('ar');
      // The event records the row's own created_at (the database's microsecond clock keeps two quick reviews
      // in order) and a hash of the note: GET /audit/verify then vouches for every column an officer reads
      // (events before this carried neither).
      const deliveries: string[] = [];
      const { createdAt } = await withTransaction(pool, async (client) => {
        const stored = await createAlertStore(client).insertReview(client, {
          id,
          alertId,
          tenantId: principal.tenantId,
          findingId: body.findingId,
          disposition: body.disposition,
          note: body.note,
          reviewerKeyId: principal.keyId,
        });
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'alert.reviewed',
          occurredAt: stored.createdAt,
          payload: {
            alertId,
            reviewId: id,
            findingId: body.findingId,
            disposition: body.disposition,
            noteSha256: sha256(body.note),
          },
        });
        // Escalation keeps the alert open; a true match or a false positive resolves it.
        if (body.disposition !== 'escalate') {
          const delivery = await events.record(client, principal.tenantId, 'alert.resolved', {
            alertId,
            partyId: alert.partyId,
            disposition: body.disposition,
            reviewerKeyId: principal.keyId,
            resolvedAt: stored.createdAt,
          });
          if (delivery) deliveries.push(delivery);
        }
        return stored;
      });
      await events.enqueue(deliveries);
      return {
        id,
        findingId: body.findingId,
        disposition: body.disposition,
        note: body.note,
        reviewerKeyId: principal.keyId,
        createdAt,
      };
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
