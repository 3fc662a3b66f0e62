// Field ↔ line links (issue 16): a click on a preview line focuses the field that made it,
// a focused field marks its lines (and scrolls the listing to them), typing keeps the marks on
// the field's new lines, and the lines an edit wrote are marked as new; in both files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, field, fieldId, load, open, retype, screenshot, selectTab } from './helpers.mjs';

/** The index of the first preview line whose text contains `needle`. */
const lineWith = (page, needle) =>
  page.locator('.panel pre.code code .ln').evaluateAll(
    (lines, needle) => lines.findIndex((l) => l.textContent.includes(needle)),
    needle,
  );

/** The texts of the marked lines (`data-hl`). */
const marked = (page) =>
  page.locator('.panel pre.code code .ln[data-hl]').evaluateAll((lines) => lines.map((l) => l.textContent.trim()));

const activeId = (page) => page.evaluate(() => document.activeElement?.id);

test('a click on a line focuses its field, in config.tf.json and infra.nix', async (t) => {
  const s = await open(t);
  await load(s.page);
  for (const [tab, needle, path] of [
    ['config.tf.json', '"instance_type"', 'instances[0].instance_type'],
    ['config.tf.json', '"availability_zone"', 'network.subnets[0].availability_zone'],
    ['config.tf.json', '"from_port": 22', 'security_group.ingress[0].from_port'],
    // A rule for all traffic has no port fields: its protocol sets the ports.
    ['config.tf.json', '"from_port": 0', 'security_group.egress[0].protocol'],
    ['infra.nix', 'region = ', 'provider.region'],
    ['infra.nix', 'public_key = ', 'key_pair.public_key'],
  ]) {
    await selectTab(s.page, tab);
    const n = await lineWith(s.page, needle);
    assert.ok(n >= 0, `${tab} has a line with ${needle}`);
    await s.page.locator('.panel pre.code code .ln').nth(n).click();
    await s.page.waitForFunction((id) => document.activeElement?.id === id, fieldId(path), { timeout: 3000 });
    assert.equal(await activeId(s.page), fieldId(path), `${tab}: ${needle}`);
    // The focused field marks its lines, the clicked one among them.
    await s.page.waitForFunction((n) => document.querySelectorAll('.panel pre.code code .ln')[n].hasAttribute('data-hl'), n);
  }
  assertNoProblems(s);
});

test('focusing a field marks its lines, scrolled into view; typing keeps them marked and marks the new line', async (t) => {
  const s = await open(t);
  await load(s.page);
  await field(s.page, 'instances[0].root_volume_size').focus();
  await s.page.waitForFunction(() => document.querySelector('.panel pre.code .ln[data-hl]'));
  assert.deepEqual(await marked(s.page), ['"volume_size": 30,']);
  // The marked line is inside the listing's visible box.
  const visible = await s.page.evaluate(() => {
    const pre = document.querySelector('.panel pre.code');
    const line = pre.querySelector('.ln[data-hl]');
    const [p, l] = [pre.getBoundingClientRect(), line.getBoundingClientRect()];
    return l.top >= p.top && l.bottom <= p.bottom;
  });
  assert.ok(visible, 'the marked line is scrolled into the listing');

  await retype(s.page, 'instances[0].root_volume_size', '64');
  await s.page.waitForFunction(() =>
    [...document.querySelectorAll('.panel pre.code .ln[data-hl]')].some((l) => l.textContent.includes('64')),
  );
  assert.deepEqual(await marked(s.page), ['"volume_size": 64,']);
  // The line the edit wrote is marked as new (the mark fades by CSS).
  const fresh = await s.page.locator('.panel pre.code .ln[data-new]').evaluateAll((ls) => ls.map((l) => l.textContent.trim()));
  assert.ok(fresh.includes('"volume_size": 64,'), `new lines: ${fresh}`);
  await screenshot(s.page, 'line-links-desktop-light.png');

  // Another field moves the marks; a field that makes no line of this file clears them.
  await field(s.page, 'network.vpc_cidr').focus();
  await s.page.waitForFunction(() =>
    [...document.querySelectorAll('.panel pre.code .ln[data-hl]')].every((l) => l.textContent.includes('cidr_block')),
  );
  const vpc = await marked(s.page);
  assert.ok(vpc.length >= 1 && vpc.every((l) => l.startsWith('"cidr_block"')), `${vpc}`);
  await field(s.page, 'provisioner.flake_directory').focus();
  await s.page.waitForFunction(() => !document.querySelector('.panel pre.code .ln[data-hl]'));
  assert.deepEqual(await marked(s.page), []);
  assertNoProblems(s);
});

test('the marks in dark mode and on a phone', async (t) => {
  const s = await open(t, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await load(s.page);
  await field(s.page, 'instances[0].instance_type').focus();
  await s.page.waitForFunction(() => document.querySelector('.panel pre.code .ln[data-hl]'));
  assert.deepEqual(await marked(s.page), ['"instance_type": "t2.medium",']);
  await s.page.locator('.panel pre.code').scrollIntoViewIfNeeded();
  await screenshot(s.page, 'line-links-phone-dark.png');
  assertNoProblems(s);
});
