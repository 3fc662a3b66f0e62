// While the form has errors (issue 17), the previews keep the last valid files, dimmed and
// marked out of date, beside the list of errors; Copy, Download and the security panel stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, assertSameOrigin, downloadActive, load, open, previewText, retype } from './helpers.mjs';

test('an invalid form keeps the last valid files and findings, marked out of date', async (t) => {
  const s = await open(t);
  await load(s.page);
  await retype(s.page, 'instances[0].instance_type', 't3.small');
  await s.page.waitForFunction(() => document.querySelector('.panel pre.code')?.textContent.includes('"t3.small"'));
  const valid = await previewText(s.page);
  await retype(s.page, 'network.vpc_cidr', '10.10.0.0/99');
  await s.page.waitForSelector('.panel .problems');
  assert.equal(await previewText(s.page), valid, 'the last valid file stays');
  assert.ok(await s.page.locator('.panel .files.stale').isVisible());
  assert.match(await s.page.locator('.panel .stale-note').innerText(), /Out of date/);
  const opacity = await s.page.evaluate(() => getComputedStyle(document.querySelector('.panel pre.code')).opacity);
  assert.ok(Number(opacity) < 1, `dimmed (${opacity})`);
  assert.match(await s.page.locator('.toolbar').innerText(), /out of date/);
  const { bytes } = await downloadActive(s.page);
  const downloaded = bytes.toString('utf8');
  assert.ok(downloaded.includes('"t3.small"') && downloaded.includes('10.10.0.0/24') && !downloaded.includes('/99'));
  assert.ok(await s.page.locator('.lint .findings').isVisible(), 'the findings stay');
  assert.match(await s.page.locator('.lint .stale-note').innerText(), /Out of date/);
  // Fixed: up to date again.
  await retype(s.page, 'network.vpc_cidr', '10.10.0.0/24');
  await s.page.waitForSelector('.panel .files:not(.stale) pre.code');
  assert.equal(await s.page.locator('.stale-note').count(), 0);
  assertSameOrigin(s);
  assertNoProblems(s);
});
