import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLayers, importSpecifiers } from '../../scripts/check-layers.ts';

// A tiny fake src tree (path relative to src → source text): no disk, so each test builds exactly what it checks.
const tree = (files: Record<string, string>) => new Map(Object.entries(files));

test('a tree whose imports all run downward passes', () => {
  const files = tree({
    'entity/list-entity.ts': `export interface ListEntity { name: string }`,
    'parties/index.ts': `import type { ListEntity } from '../entity/list-entity.ts';`,
    'lists/list-service.ts': `import { x } from '../parties/index.ts';\nimport { y } from './versions/store.ts';`,
    'screening/screen-case.ts': `import { z } from '../lists/list-service.ts';`,
  });
  assert.deepEqual(checkLayers(files, {}), []);
});

test('parties importing lists is an upward import, named with the file that makes it', () => {
  const problems = checkLayers(
    tree({
      'lists/entity.ts': `export interface ListEntity { name: string }`,
      'parties/index.ts': `import type { ListEntity } from '../lists/entity.ts';`,
    }),
    {},
  );
  assert.deepEqual(problems, [
    { kind: 'upward', message: 'parties must not import lists: parties/index.ts → lists/entity.ts' },
  ]);
});

test('http importing auth fails, and so does a leaf importing a module', () => {
  const problems = checkLayers(
    tree({
      'http/operation.ts': `import type {\n  KeyService,\n} from '../auth/key-service.ts';`,
      'auth/key-service.ts': `export type KeyService = {};`,
      'severity/severity.ts': `import { x } from '../goods/index.ts';`,
      'goods/index.ts': `export const x = 1;`,
    }),
    {},
  );
  assert.deepEqual(
    problems.map((p) => p.kind),
    ['upward', 'leaf'],
  );
});

test('a cycle between two modules fails until it is allowed, and an allowance that outlived its cycle fails', () => {
  const files = tree({
    'lists/tenant-index.ts': `import { partyFindings } from '../screening/party-findings.ts';`,
    'screening/party-findings.ts': `const m = await import('../lists/tenant-index.ts');`,
  });
  const cycle = checkLayers(files, {});
  assert.equal(cycle.length, 1);
  assert.equal(cycle[0]?.kind, 'cycle');
  assert.match(cycle[0]?.message ?? '', /lists > screening/);
  assert.deepEqual(checkLayers(files, { 'lists > screening': 'being untangled' }), []);
  const stale = checkLayers(tree({ 'lists/a.ts': '' }), { 'lists > screening': 'being untangled' });
  assert.deepEqual(
    stale.map((p) => p.kind),
    ['stale-allowance'],
  );
});

test('only the entry points may import the composition root', () => {
  const problems = checkLayers(
    tree({
      'container.ts': '',
      'reviews/review-service.ts': `import type { Container } from '../container.ts';`,
    }),
    {},
  );
  assert.deepEqual(
    problems.map((p) => p.kind),
    ['root'],
  );
});

test('import specifiers are read from static, re-export, side-effect and dynamic imports; packages are ignored', () => {
  const source = [
    `import express from 'express';`,
    `import {\n  a,\n  b,\n} from './a.ts';`,
    `export { c } from "../c.ts";`,
    `import './side-effect.ts';`,
    `const d = await import('./d.ts');`,
  ].join('\n');
  assert.deepEqual(importSpecifiers(source).sort(), ['../c.ts', './a.ts', './d.ts', './side-effect.ts']);
});
