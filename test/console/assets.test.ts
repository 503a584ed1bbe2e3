import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

// The build is `npm ci`'s (prepare): building here too would race the browser test's own build of the same files.
before(async () => {
  t = await startTestApp();
});
after(async () => t?.close());

test('the console names its own icon, served from the build, so no page asks for a missing /favicon.ico', async () => {
  const index = await t.http().get('/console/');
  assert.equal(index.status, 200);
  assert.match(index.text, /<link rel="icon" type="image\/svg\+xml" href="favicon.svg"/);
  const icon = await t.http().get('/console/favicon.svg');
  assert.equal(icon.status, 200);
  assert.match(String(icon.headers['content-type']), /^image\/svg\+xml/);
});
