import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { assertContract } from '../../support/contract.ts';
import { screen } from './load.ts';

/** POST /lists/{id}/refresh, checked against the contract: the job is queued (202). */
export async function requestRefresh(baseUrl: string, key: string, sourceId = 'us-ofac-sdn') {
  const res = await fetch(`${baseUrl}/lists/${sourceId}/refresh`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}` },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  assertContract(
    {
      status: res.status,
      headers: { 'content-type': contentType },
      text,
      body: JSON.parse(text),
    } as unknown as Response,
    'refreshSource',
  );
  assert.equal(res.status, 202, text);
}

/** True when screening `name` finds SDN entry `entryId`: the new version is in this process's snapshot. */
export async function finds(baseUrl: string, key: string, name: string, entryId: string) {
  const { status, json } = await screen(baseUrl, key, {
    parties: [{ role: 'consignee', kind: 'organization', name }],
  });
  if (status !== 200) return false;
  const findings = json.findings as { source?: string; entry?: { id: string } }[];
  return findings.some((f) => f.source === 'us-ofac-sdn' && f.entry?.id === entryId);
}
