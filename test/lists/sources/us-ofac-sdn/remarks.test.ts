import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRemarks } from '../../../../src/lists/sources/us-ofac-sdn/remarks.ts';

// Invented values in the legacy sdn.csv Remarks spelling; these labels were dropped before 2026-12.
test('remarks labels found in the 2024 sdn.csv become identifiers of the right scheme', () => {
  const remarks =
    'US FEIN 12-3456789; Turkish Identification Number 12345678901 (Turkey); RTN 08011999123456 (Honduras); ' +
    'United Social Credit Code Certificate (USCCC) 91110000000000000X (China); Kenyan ID No. 12345678 (Kenya).';
  assert.deepEqual(
    parseRemarks(remarks).identifiers.map((i) => [i.type, i.value, i.country ?? '']),
    [
      ['tax_id', '12-3456789', ''],
      ['national_id', '12345678901', 'TR'],
      ['tax_id', '08011999123456', 'HN'],
      ['registration', '91110000000000000X', 'CN'],
      ['national_id', '12345678', 'KE'],
    ],
  );
});
