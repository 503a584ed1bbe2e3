import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startScreenJobsWorker } from '../../workers/screen-jobs-worker.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { auditedScreenings, newTenant, results, upload, waitDone } from './support.ts';

let t: ScreeningTestApp;
let worker: { close(): Promise<void> };

before(async () => {
  t = await startScreeningApp({ env: { SCREEN_JOB_MAX_MB: '1' } });
  worker = startScreenJobsWorker(t.container);
});
after(async () => {
  await worker?.close();
  await t?.close();
});

/** 2,000 CSV rows: every 250th has a bad country, every 333rd an open quote, row 777 a missing cell. */
function csvFile(rows: number) {
  const bad = new Set<number>();
  const lines = ['reference,party_name,party_country,goods_codes,destination'];
  for (let i = 1; i <= rows; i++) {
    if (i % 333 === 0) {
      lines.push(`ref-${i},"Broken quote Ltd,GB,,`);
      bad.add(i);
    } else if (i === 777) {
      lines.push(`ref-${i},Short Row Ltd`);
      bad.add(i);
    } else if (i % 250 === 0) {
      lines.push(`ref-${i},Bad Country Ltd,XXX,,`);
      bad.add(i);
    } else if (i % 100 === 1) lines.push(`ref-${i},NORDLICHT HANDELS GMBH,DE,,`);
    else if (i % 40 === 0) lines.push(`ref-${i},"Acme ""Tools"" ${i}, Ltd",GB,8542.31,FR`);
    else lines.push(`ref-${i},Acme Trading ${i} Ltd,GB,,`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, bad };
}

async function checkCompleted(
  tenant: { id: string; key: string },
  id: string,
  rows: number,
  bad: Set<number>,
  listedName: string,
) {
  const job = await waitDone(t, tenant.key, id);
  assert.equal(job.rowsTotal, rows);
  assert.equal(job.rowsDone, rows);
  assert.equal(job.counts.error, bad.size);
  assert.equal(job.counts.clear + job.counts.review + job.counts.block, rows - bad.size);
  assert.ok(job.counts.review + job.counts.block >= 15, JSON.stringify(job.counts));

  const res = await results(t, tenant.key, id);
  assert.equal(res.status, 200);
  const lines = (res.body as string)
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.row),
    Array.from({ length: rows }, (_, i) => i + 1),
  );
  const screeningIds: string[] = [];
  for (const l of lines) {
    if (bad.has(l.row)) {
      assert.equal(l.screeningId, undefined, `row ${l.row}`);
      assert.equal(l.error.status, 400, `row ${l.row}`);
    } else {
      assert.match(l.screeningId, /^[0-9a-f-]{36}$/, `row ${l.row}: ${JSON.stringify(l)}`);
      assert.equal(l.reference, `ref-${l.row}`);
      screeningIds.push(l.screeningId);
    }
  }
  const listed = lines.filter((l) => l.row % 100 === 1 && !bad.has(l.row));
  for (const l of listed) assert.equal(l.strongestFinding?.entryName, listedName, JSON.stringify(l));
  // Exactly one audited screening per good row, and they are the ones the results name.
  const audited = await auditedScreenings(t, tenant.id);
  assert.equal(audited.length, rows - bad.size);
  assert.deepEqual(new Set(audited), new Set(screeningIds));
  return lines;
}

test('a 2,000-row CSV is screened on the queue: counts add up, one audited screening per good row', async () => {
  const tenant = await newTenant(t);
  const { text, bad } = csvFile(2000);
  const res = await upload(t, tenant.key, 'text/csv', text);
  assert.equal(res.status, 202, res.text);
  assert.equal(res.body.rowsTotal, 2000);
  assert.equal(res.body.format, 'csv');
  const lines = await checkCompleted(tenant, res.body.id, 2000, bad, 'NORDLICHT HANDELS GMBH');
  assert.match(lines[332].error.detail, /quote/);
  assert.match(lines[776].error.detail, /cells/);

  const csv = await results(t, tenant.key, res.body.id, 'text/csv');
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  const csvLines = (csv.body as string).trimEnd().split('\r\n');
  assert.equal(csvLines.length, 2001);
  assert.match(csvLines[0]!, /^row,reference,decision,screening_id/);
  assert.match(csvLines[250]!, /^250,ref-250,,,.*\/parties\/0\/country/);
  assert.match(csvLines[101]!, /^101,ref-101,(block|review),[0-9a-f-]{36},party_match/);
});

test('the same for NDJSON, with malformed lines and invalid requests as error rows', async () => {
  const tenant = await newTenant(t);
  const bad = new Set<number>();
  const lines: string[] = [];
  for (let i = 1; i <= 2000; i++) {
    if (i % 400 === 0) {
      lines.push(`{"reference": "ref-${i}", "parties": [`);
      bad.add(i);
    } else if (i % 301 === 0) {
      lines.push(JSON.stringify({ reference: `ref-${i}`, parties: [] }));
      bad.add(i);
    } else if (i % 450 === 0) {
      // Goods with no destination: valid by schema, refused by screening itself.
      lines.push(
        JSON.stringify({ reference: `ref-${i}`, parties: [{ name: 'X Ltd' }], goods: [{ code: '854231' }] }),
      );
      bad.add(i);
    } else if (i % 100 === 1)
      lines.push(
        JSON.stringify({
          reference: `ref-${i}`,
          parties: [{ name: 'Petrov Ivan Sergeevich', kind: 'person' }],
        }),
      );
    else
      lines.push(
        JSON.stringify({ reference: `ref-${i}`, parties: [{ name: `Globex ${i} GmbH`, country: 'DE' }] }),
      );
  }
  const res = await upload(t, tenant.key, 'application/x-ndjson', `${lines.join('\n')}\n`);
  assert.equal(res.status, 202, res.text);
  assert.equal(res.body.format, 'ndjson');
  const out = await checkCompleted(tenant, res.body.id, 2000, bad, 'PETROV, Ivan Sergeevich');
  assert.match(out[899].error.detail, /goods|route|screened/);
  assert.match(out[399].error.detail, /not JSON/);
});
