import type { Response } from 'supertest';
import { assertContract } from '../../support/contract.ts';

/** What one load run saw: every answer by status, the ids of the screenings answered 200, connection errors. */
export interface Tally {
  sent: number;
  byStatus: Map<number, number>;
  /** Screening ids the client saw answered 200: each must be in the audit log. */
  okIds: string[];
  /** No HTTP answer at all (connection refused or reset: the process was gone). */
  networkErrors: number;
  /** Answers that violate the contract for their status (must stay 0). */
  contractViolations: string[];
  /** Answers by wall-clock time, for "which phase was this in". */
  timeline: { at: number; status: number }[];
}

export const count = (t: Tally, pred: (status: number) => boolean) =>
  [...t.byStatus].reduce((n, [s, c]) => (pred(s) ? n + c : n), 0);

const FIRST = ['Anna', 'Jovan', 'Mei', 'Carlos', 'Fatima', 'Olav', 'Priya', 'Tomasz', 'Aiko', 'Kwame'];
const LAST = ['Novak', 'Lindqvist', 'Okafor', 'Haddad', 'Moreau', 'Kowalski', 'Tanaka', 'Silva', 'Ivanova'];
const FIRMS = ['Baltic Freight', 'Danube Components', 'Andes Mining', 'Nordlicht Handels', 'Kestrel Optics'];

/** One party and two goods lines, the name varied per request so no cache flatters the figures. */
export function screenBody(i: number): Record<string, unknown> {
  const org = i % 3 === 0;
  const name = org
    ? `${FIRMS[i % FIRMS.length]} ${['GmbH', 'Ltd', 'S.A.', 'LLC'][i % 4]} ${i}`
    : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
  return {
    reference: `fault-${i}`,
    parties: [{ role: 'consignee', kind: org ? 'organization' : 'person', name, country: 'DE' }],
    goods: [
      { code: '8471.30', description: 'laptops' },
      { code: '8542.31', description: 'processors' },
    ],
    route: { origin: 'DE', destination: 'RS' },
  };
}

/** Adapts a fetch answer to what assertContract reads (status, headers, text, body). */
function asResponse(status: number, contentType: string, text: string): Response {
  let body: unknown = {};
  try {
    body = contentType.includes('json') ? JSON.parse(text) : {};
  } catch {}
  return { status, headers: { 'content-type': contentType }, text, body } as unknown as Response;
}

export async function screen(
  baseUrl: string,
  key: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/screen`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const r = asResponse(res.status, res.headers.get('content-type') ?? '', text);
  assertContract(r, 'screen');
  return { status: res.status, json: r.body as Record<string, unknown> };
}

/**
 * `concurrency` clients each sending POST /screen back to back until stop(). Every answer is checked against
 * the contract as it arrives; a connection error is counted, then the client retries after a short pause.
 */
export function startLoad(baseUrl: string, key: string, concurrency: number) {
  const tally: Tally = {
    sent: 0,
    byStatus: new Map(),
    okIds: [],
    networkErrors: 0,
    contractViolations: [],
    timeline: [],
  };
  let stopped = false;
  let i = 0;
  const client = async () => {
    while (!stopped) {
      const n = i++;
      tally.sent++;
      try {
        const { status, json } = await screen(baseUrl, key, screenBody(n));
        tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
        tally.timeline.push({ at: Date.now(), status });
        if (status === 200) tally.okIds.push(json.id as string);
      } catch (err) {
        if ((err as Error).name === 'AssertionError') {
          tally.contractViolations.push((err as Error).message.slice(0, 300));
        } else {
          tally.networkErrors++;
          // The process is gone: do not spin on a refused port.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    tally,
    ok: () => tally.byStatus.get(200) ?? 0,
    async stop(): Promise<Tally> {
      stopped = true;
      await Promise.all(clients);
      return tally;
    },
  };
}
