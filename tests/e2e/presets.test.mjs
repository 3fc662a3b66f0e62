// "Apply all fixes" and the Presets menu (issue 17): the fixes harden the stack in front of
// you (its region, image, instances, key and rules stay); the presets replace it, after a
// confirm, undoably.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, field, findingIds, formValues, load, open, pickPreset, retype, storedWhen,
} from './helpers.mjs';

async function myStack(page) {
  await page.locator('#f-provider-region').selectOption('eu-central-1');
  await retype(page, 'network.subnets[0].availability_zone', 'automatic');
  await page.locator('#f-image-architecture').selectOption('arm64');
  await retype(page, 'instances[0].instance_type', 't4g.small');
  await page.getByRole('button', { name: 'Add instance' }).click();
  await retype(page, 'instances[1].instance_type', 't4g.large');
  await retype(page, 'key_pair.key_name', 'my-own-key');
  await page.getByRole('button', { name: 'Add inbound rule: HTTPS' }).click();
}

test('Apply all fixes keeps the stack and leaves SSH to the person without an address', async (t) => {
  const s = await open(t);
  await load(s.page);
  await myStack(s.page);
  await s.page.waitForSelector('.findings');
  assert.ok((await findingIds(s.page)).length >= 5);
  await s.page.getByRole('button', { name: 'Apply all fixes' }).click();
  const banner = s.page.locator('.banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Applied \d+ fixes.*SSH is still open/);
  const doc = JSON.parse(await storedWhen(s.page, (d) => d.instances.every((i) => i.imdsv2_required)));
  assert.equal(doc.provider.region, 'eu-central-1');
  assert.equal(doc.image.architecture, 'arm64');
  assert.deepEqual(doc.instances.map((i) => i.instance_type), ['t4g.small', 't4g.large']);
  assert.equal(doc.key_pair.key_name, 'my-own-key');
  assert.ok(doc.security_group.ingress.some((r) => r.from_port === '443'));
  assert.deepEqual((await findingIds(s.page)).filter((id) => id.startsWith('CKV') && id !== 'CKV_AWS_88'), ['CKV_AWS_24']);
  // With the address typed in the panel, SSH too.
  await s.page.fill('#admin-cidr', '203.0.113.7/32');
  await s.page.getByRole('button', { name: 'Apply all fixes' }).click();
  await s.page.waitForSelector('.finding[data-check="CKV_AWS_24"]', { state: 'detached' });
  assert.equal(await field(s.page, 'security_group.ingress[0].ipv4_cidrs').inputValue(), '203.0.113.7/32');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a preset asks first, and a refusal changes nothing; undo brings the form back', async (t) => {
  const s = await open(t);
  await load(s.page);
  await myStack(s.page);
  const mine = await formValues(s.page);
  s.answer = false;
  await pickPreset(s.page, 'Hardened stack');
  assert.match(s.dialogs.at(-1), /Replace the whole form with the hardened stack/);
  assert.deepEqual(await formValues(s.page), mine);
  s.answer = true;
  await pickPreset(s.page, 'Hardened stack');
  await s.page.waitForSelector('.banner:has-text("hardened preset")');
  assert.equal(await s.page.locator('#f-provider-region').inputValue(), 'ap-southeast-2');
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await formValues(s.page), mine);
  assertSameOrigin(s);
  assertNoProblems(s);
});
