import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NAME_CHARS, pathologicalNames } from '../../bench/support/pathological-names.ts';
import { MAX_TOKEN_CHARS, MAX_TOKENS, tokenizeName } from '../../src/parties/tokenize.ts';
import { assertContract } from '../support/contract.ts';
import { ABUSE_BUDGET_ENV, type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

/**
 * Names built to be expensive (300 random Hangul syllables or Han characters, no spaces: 4-38 s each before
 * unspaced scripts were segmented and keys capped) through the real app. Work is bounded by construction, so
 * it is asserted on what the engine is given (tokens and their lengths), never on wall-clock time; the budget
 * is shown by forcing it to zero: every party then reports it was cut short, and nothing is a silent `clear`.
 */
interface Finding {
  kind: string;
  severity: string;
  partyIndex?: number;
  reason: string;
}
interface Result {
  id: string;
  decision: string;
  findings: Finding[];
}

const hangul = pathologicalNames('hangul, unspaced', 21, 11);
const han = pathologicalNames('han, unspaced', 21, 12);
const env = { RATE_LIMIT_PER_SECOND: '1000000', ...ABUSE_BUDGET_ENV };

/** The invariant: an evaluation cut short is at least review, and `clear` only ever means complete. */
function assertNoSilentClear(r: Result): void {
  const incomplete = r.findings.filter((f) => f.kind === 'screening_incomplete');
  if (incomplete.length > 0) assert.notEqual(r.decision, 'clear', JSON.stringify(incomplete));
  for (const f of incomplete) assert.equal(f.severity, 'review');
}

test('the pathological names give the engine at most 16 tokens of at most 32 letters', () => {
  for (const name of [...hangul, ...han]) {
    assert.equal([...name].length, NAME_CHARS);
    const t = tokenizeName(name);
    // Before: one token of ~900-1,400 letters.
    assert.ok(t.skels.length >= 2 && t.skels.length <= MAX_TOKENS, `${t.skels.length} tokens`);
    assert.ok(Math.max(...t.skels.map((s) => s.length)) <= MAX_TOKEN_CHARS);
  }
});

describe('with the default budget', () => {
  let t: ScreeningTestApp;
  before(async () => {
    t = await startScreeningApp({ env });
  });
  after(async () => {
    await t?.close();
  });

  test('300-character Hangul and Han parties with 20 aliases each are answered', async () => {
    const res = await t
      .http()
      .post('/screen')
      .set(bearer(t.adminKey))
      .send({
        parties: [
          { name: hangul[0], aliases: hangul.slice(1) },
          { name: han[0], aliases: han.slice(1) },
          { name: 'John Smith' },
        ],
      });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assertNoSilentClear(res.body);
  });

  test('a 1,000-item batch of them: every item answered and stored, none a silent clear', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      reference: `patho-${i}`,
      parties: [{ name: pathologicalNames(i % 2 ? 'han, unspaced' : 'hangul, unspaced', 1, 100 + i)[0] }],
    }));
    const res = await t.http().post('/screen/batch').set(bearer(t.adminKey)).send({ items });
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assertContract(res, 'screenBatch');
    const answered = res.body.items as { index: number; result?: Result; error?: unknown }[];
    assert.deepEqual(
      answered.map((i) => i.index),
      items.map((_, i) => i),
    );
    for (const item of answered) {
      assert.ok(item.result, JSON.stringify(item.error));
      assertNoSilentClear(item.result);
    }
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM screenings WHERE reference LIKE 'patho-%'`,
    );
    assert.equal(rows[0].n, 1000);
  });
});

describe('with a spent budget (SCREEN_CPU_BUDGET_MS=0)', () => {
  let t: ScreeningTestApp;
  before(async () => {
    t = await startScreeningApp({ env: { ...env, SCREEN_CPU_BUDGET_MS: '0' } });
  });
  after(async () => {
    await t?.close();
  });

  test('every party is reported as screened in part, by name, and the decision is review', async () => {
    const res = await t
      .http()
      .post('/screen')
      .set(bearer(t.adminKey))
      .send({
        parties: [
          { name: hangul[0], aliases: hangul.slice(1) },
          // Listed (fixture SDN 91001): with any time at all this would be a block.
          { role: 'consignee', name: 'ООО Звезда Микроэлектроника' },
        ],
      });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    const body = res.body as Result;
    assert.equal(body.decision, 'review');
    const incomplete = body.findings.filter((f) => f.kind === 'screening_incomplete');
    assert.deepEqual(
      incomplete.map((f) => [f.partyIndex, f.severity]),
      [
        [0, 'review'],
        [1, 'review'],
      ],
    );
    assert.ok(incomplete[0]!.reason.includes(hangul[0]!));
    assert.match(incomplete[1]!.reason, /^Consignee “ООО Звезда Микроэлектроника” was screened only in part/);
  });

  test('a batch under a spent budget: every item review, none clear', async () => {
    const items = han.map((name, i) => ({ reference: `spent-${i}`, parties: [{ name }] }));
    const res = await t.http().post('/screen/batch').set(bearer(t.adminKey)).send({ items });
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assertContract(res, 'screenBatch');
    const decisions = (res.body.items as { result: Result }[]).map((i) => i.result.decision);
    assert.deepEqual(
      decisions,
      han.map(() => 'review'),
    );
  });
});
