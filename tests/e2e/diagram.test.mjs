// The diagram tab (issue 16): the stack drawn live from the same document as config.tf.json,
// styled by the page's adopted sheet (the Content-Security-Policy refuses an inserted <style>),
// a node click focusing a field of its form section, the download equal to `nixform diagram`,
// and the last valid drawing kept, dimmed, while the form has errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, downloadActive, load, open, retype, screenshot, selectTab, storedWhen,
} from './helpers.mjs';

const CLI = process.env.NIXFORM_CLI ?? new URL('../../target/release/nixform', import.meta.url).pathname;

async function showDiagram(page) {
  await selectTab(page, 'diagram.svg');
  await page.waitForSelector('.diagram svg.nixform-diagram');
}

/** The section the focused element is in, by id. */
const focusedSection = (page) => page.evaluate(() => document.activeElement?.closest('fieldset[id^="section-"]')?.id);

test('clicking a diagram node focuses a field of its section', async (t) => {
  const s = await open(t);
  await load(s.page);
  await showDiagram(s.page);
  const cases = [
    ['aws_instance.nixos_x86-64', 'section-instances'],
    ['aws_security_group.default', 'section-security-group'],
    ['aws_subnet.nix-subnet', 'section-network'],
    ['aws_key_pair.default', 'section-key-pair'],
    ['data.aws_ami.nixos-x86_64', 'section-image'],
    ['aws_internet_gateway.nix-gateway', 'section-network'],
  ];
  for (const [address, section] of cases) {
    await s.page.locator(`.diagram [data-address="${address}"] > rect`).first().click({ position: { x: 5, y: 5 } });
    assert.equal(await focusedSection(s.page), section, `${address} leads to ${section}`);
  }
  // The region frame is no block, but it is the provider's.
  await s.page.locator('.diagram [data-container="region"] > text').first().click();
  assert.equal(await focusedSection(s.page), 'section-provider');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('the diagram follows the form, is styled by the page, and downloads as `nixform diagram` writes it', async (t) => {
  const s = await open(t);
  await load(s.page);
  await showDiagram(s.page);
  // The adopted sheet colours it (an unstyled rect is filled black).
  const fill = await s.page.locator('.diagram g.instance > rect').first().evaluate((e) => getComputedStyle(e).fill);
  assert.notEqual(fill, 'rgb(0, 0, 0)');
  assert.equal(await s.page.locator('.diagram style').count(), 0, 'no <style> element in the page');
  await retype(s.page, 'instances[0].instance_type', 't3.small');
  await s.page.waitForSelector('.diagram g.instance text:has-text("t3.small")');
  await s.page.getByRole('button', { name: 'Add instance' }).click();
  await s.page.waitForFunction(() => document.querySelectorAll('.diagram g.instance').length === 2);
  const stack = await storedWhen(s.page, (doc) => doc.instances.length === 2 && doc.instances[0].instance_type === 't3.small');
  const { name, bytes } = await downloadActive(s.page);
  assert.equal(name, 'diagram.svg');
  const dir = mkdtempSync(join(tmpdir(), 'nixform-diagram-'));
  writeFileSync(join(dir, 'stack.json'), stack);
  execFileSync(CLI, ['diagram', '--stack', join(dir, 'stack.json'), '--out', join(dir, 'out.svg')]);
  assert.ok(bytes.equals(readFileSync(join(dir, 'out.svg'))), 'the download equals `nixform diagram`');
  assert.match(bytes.toString(), /<style>/, 'the file has its own style');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('an invalid form keeps the last diagram, dimmed', async (t) => {
  const s = await open(t);
  await load(s.page);
  await showDiagram(s.page);
  await retype(s.page, 'network.vpc_cidr', '10.10.0.0/33');
  await s.page.waitForSelector('.files.stale .diagram svg');
  assert.match(await s.page.locator('.stale-note').first().innerText(), /Out of date/);
  assert.equal(await s.page.locator('.diagram svg').count(), 1);
  assertNoProblems(s);
});

test('the diagram on a desktop and a phone, light and dark', async (t) => {
  for (const [colorScheme, viewport, name] of [
    ['light', { width: 1400, height: 1000 }, 'diagram-desktop-light.png'],
    ['dark', { width: 1400, height: 1000 }, 'diagram-desktop-dark.png'],
    ['light', { width: 390, height: 844 }, 'diagram-phone-light.png'],
    ['dark', { width: 390, height: 844 }, 'diagram-phone-dark.png'],
  ]) {
    const s = await open(t, { colorScheme, viewport });
    await load(s.page);
    await showDiagram(s.page);
    await s.page.locator('.diagram').scrollIntoViewIfNeeded();
    const background = await s.page.locator('.diagram rect.bg').evaluate((e) => getComputedStyle(e).fill);
    assert.equal(background, colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)', name);
    // The drawing scrolls inside its panel instead of widening the page.
    const wide = await s.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(wide, false, `${name}: no sideways scroll of the page`);
    await screenshot(s.page, name);
    assertNoProblems(s);
  }
});
