// The monthly cost (issue 16): the panel lists the estimate of `nixform cost`, the summary strip
// above the previews follows every edit (an instance added), its links lead to their panels, a
// region without prices says so, and an invalid form keeps the last estimate, dimmed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, field, load, open, retype, screenshot, storedWhen,
} from './helpers.mjs';

const CLI = process.env.NIXFORM_CLI ?? new URL('../../target/release/nixform', import.meta.url).pathname;

/** `nixform cost --json` of the document text `stack`. */
function cliCost(stack) {
  return JSON.parse(execFileSync(CLI, ['cost', '--stack', '-', '--json'], { input: stack }).toString());
}

const dollars = (n) => `$${n.toFixed(2)}`;

/** How many rows the panel shows: the items billed alike (same item and basis) are one. */
const groups = (estimate) => new Set(estimate.items.map((i) => `${i.item}\n${i.basis}`)).size;

const summary = (page) => page.locator('.summary').innerText();

test('the cost panel and the summary follow the form, as nixform cost prices it', async (t) => {
  const s = await open(t);
  await load(s.page);
  const first = cliCost(defaultStack());
  await s.page.waitForSelector('#cost .cost-table');
  assert.match(await summary(s.page), new RegExp(`≈ \\${dollars(first.monthly_total)}/month`));
  const rows = await s.page.locator('#cost .cost-table tbody tr').count();
  assert.equal(rows, groups(first), 'one row per kind of item of the estimate');
  assert.match(await s.page.locator('#cost tfoot').innerText(), new RegExp(`\\${dollars(first.monthly_total)}`));
  assert.match(await s.page.locator('#cost').innerText(), /depends on use/);
  const resourcesBefore = Number((await summary(s.page)).match(/(\d+) resources?/)[1]);
  await screenshot(s.page, 'cost-desktop-light.png');

  // One more instance: a second instance, volume and address, and more resources.
  await s.page.getByRole('button', { name: 'Add instance' }).click();
  const text = await storedWhen(s.page, (d) => d.instances.length === 2);
  const second = cliCost(text);
  assert.ok(second.monthly_total > first.monthly_total);
  await s.page.waitForFunction(
    (want) => document.querySelector('.summary')?.textContent.includes(want),
    `≈ ${dollars(second.monthly_total)}/month`,
  );
  const resourcesAfter = Number((await summary(s.page)).match(/(\d+) resources?/)[1]);
  assert.ok(resourcesAfter > resourcesBefore, `${resourcesAfter} resources after ${resourcesBefore}`);
  assert.equal(await s.page.locator('#cost .cost-table tbody tr').count(), groups(second));
  assert.match(await s.page.locator('#cost tbody').innerText(), /2 × EC2 instance/);

  // The strip's links lead to their panels without touching the address bar (share links).
  const url = s.page.url();
  await s.page.locator('.summary a', { hasText: 'month' }).click();
  await s.page.waitForFunction(() => {
    const r = document.querySelector('#cost').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  assert.equal(s.page.url(), url);

  // An invalid form keeps the last estimate, dimmed.
  await retype(s.page, 'network.vpc_cidr', '10.10.0.0/99');
  await s.page.waitForSelector('#cost.stale .cost-table');
  assert.match(await s.page.locator('#cost .stale-note').innerText(), /Out of date/);
  assert.match(await summary(s.page), new RegExp(`\\${dollars(second.monthly_total)}`));
  await retype(s.page, 'network.vpc_cidr', '10.10.0.0/24');
  await s.page.waitForSelector('#cost:not(.stale) .cost-table');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a region without prices says so instead of a figure', async (t) => {
  const s = await open(t, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await load(s.page);
  await retype(s.page, 'network.subnets[0].availability_zone', 'automatic');
  await field(s.page, 'provider.region').selectOption('eu-north-1');
  await s.page.waitForFunction(() => document.querySelector('#cost')?.textContent.includes('no price data for this region'));
  assert.equal(await s.page.locator('#cost .cost-table').count(), 0, 'no table, no figure');
  assert.match(await summary(s.page), /no price data for this region/);
  assert.doesNotMatch(await summary(s.page), /\$/);
  await s.page.locator('#cost').scrollIntoViewIfNeeded();
  await screenshot(s.page, 'cost-phone-dark.png');
  assertSameOrigin(s);
  assertNoProblems(s);
});

/** The default stack's document, which a fresh page shows. */
function defaultStack() {
  return execFileSync(CLI, ['default']).toString();
}
