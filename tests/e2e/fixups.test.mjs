// Edits keep the form valid where the intent is clear (issue 17): zones follow the region, a
// new instance gets a type of the image's architecture, switching the architecture offers to
// convert the types, a new subnet gets the next free block, a renamed subnet is followed by
// its instances, and removing a used subnet asks and moves them. Errors name fields as the
// form labels them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, assertSameOrigin, field, load, open, retype } from './helpers.mjs';

const valid = (page) => page.waitForSelector('.panel .files:not(.stale) pre.code');

test('region, architecture and new instances keep the form valid', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.locator('#f-provider-region').selectOption('eu-west-1');
  assert.equal(await field(s.page, 'network.subnets[0].availability_zone').inputValue(), 'eu-west-1a');
  assert.match(await s.page.locator('.banner').innerText(), /ap-southeast-2a → eu-west-1a/);
  await valid(s.page);
  // The zone suggestions are the new region's own: eu-west-1 has a, b and c, and no d.
  const zones = await s.page.locator('datalist#zones option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(zones, ['automatic', 'eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  await s.page.locator('#f-image-architecture').selectOption('arm64');
  assert.equal(await field(s.page, 'image.data_name').inputValue(), 'nixos-arm64');
  const banner = s.page.locator('.banner');
  assert.match(await banner.innerText(), /t2\.medium → t4g\.medium/);
  await banner.getByRole('button', { name: 'Convert the instance types' }).click();
  assert.equal(await field(s.page, 'instances[0].instance_type').inputValue(), 't4g.medium');
  await s.page.getByRole('button', { name: 'Add instance' }).click();
  assert.equal(await field(s.page, 'instances[1].instance_type').inputValue(), 't4g.medium');
  await valid(s.page);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('subnets: the next free block, renames followed, a removal asks and moves instances', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.getByRole('button', { name: 'Add subnet' }).click();
  const cidr = await field(s.page, 'network.subnets[1].cidr').inputValue();
  assert.match(cidr, /^10\.10\.0\.\d+\/\d+$/);
  assert.notEqual(cidr, await field(s.page, 'network.subnets[0].cidr').inputValue());
  await valid(s.page);
  await retype(s.page, 'network.subnets[0].name', 'front');
  assert.equal(await field(s.page, 'instances[0].subnet').inputValue(), 'front');
  await valid(s.page);
  s.answer = false;
  await s.page.getByRole('button', { name: 'Remove subnet 1' }).click();
  assert.match(s.dialogs.at(-1), /1 instance in it moves/);
  assert.equal(await field(s.page, 'network.subnets[0].name').inputValue(), 'front');
  s.answer = true;
  await s.page.getByRole('button', { name: 'Remove subnet 1' }).click();
  await s.page.waitForSelector('.banner:has-text("moved to")');
  assert.equal(await field(s.page, 'instances[0].subnet').inputValue(), 'nix-subnet-2');
  await valid(s.page);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('removing a subnet asks about the instances moved into it after the row was drawn', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.getByRole('button', { name: 'Add subnet' }).click();
  await valid(s.page);
  const second = await field(s.page, 'network.subnets[1].name').inputValue();
  // Only the instance changes: the subnet's own row has nothing new to draw.
  await field(s.page, 'instances[0].subnet').selectOption(second);
  await valid(s.page);
  s.answer = false;
  const asked = s.dialogs.length;
  await s.page.getByRole('button', { name: 'Remove subnet 2' }).click();
  assert.equal(s.dialogs.length, asked + 1, 'the removal asks first');
  assert.match(s.dialogs.at(-1), /Remove subnet 2\? 1 instance in it moves/);
  assert.equal(await field(s.page, 'network.subnets[1].name').inputValue(), second, 'a refusal keeps the subnet');
  assert.equal(await field(s.page, 'instances[0].subnet').inputValue(), second);
  assertNoProblems(s);
});

test('the problem list names fields as the form labels them', async (t) => {
  const s = await open(t);
  await load(s.page);
  await retype(s.page, 'network.subnets[0].availability_zone', 'mars-1a');
  await s.page.waitForSelector('.panel .problems');
  const text = await s.page.locator('.panel .problems').innerText();
  assert.match(text, /Subnet 1 › Availability zone/);
  assert.doesNotMatch(text, /network\.subnets\[0\]/);
  assertNoProblems(s);
});

test('the first screen says which way of using the files fits', async (t) => {
  const s = await open(t, { viewport: { width: 1280, height: 900 } });
  await load(s.page);
  const panel = s.page.locator('.how-to-use');
  assert.ok(await panel.isVisible());
  const text = await panel.innerText();
  assert.match(text, /NixOS host you already have/);
  assert.match(text, /new provisioning host/i);
  assert.match(text, /laptop/);
  assert.match(text, /tofu/);
  const top = await panel.evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top < 900, 'on the first screen');
  assertNoProblems(s);
});
