// The security panel: checkov findings for the default stack, a fix with the person's CIDR,
// the hardened preset (in the header's Presets menu since issue 17).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, assertSameOrigin, fieldId, findingIds, load, open } from './helpers.mjs';

test('the default stack shows CKV_AWS_24; its fix with a CIDR removes it', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.waitForSelector('.findings');
  assert.ok((await findingIds(s.page)).includes('CKV_AWS_24'));
  const finding = s.page.locator('.finding[data-check="CKV_AWS_24"]');
  assert.match(await finding.innerText(), /SSH \(port 22\) is open to the whole internet/);
  // The link goes to the field.
  await finding.getByRole('link').click();
  assert.equal(await s.page.evaluate(() => document.activeElement.id), fieldId('security_group.ingress[0].ipv4_cidrs'));
  // "Anywhere" is not accepted as the admin address.
  await s.page.fill('#admin-cidr', '0.0.0.0/0');
  await finding.getByRole('button').click();
  assert.match(await s.page.locator('#admin-cidr-msg').innerText(), /whole internet/);
  await s.page.fill('#admin-cidr', '203.0.113.7/32');
  await finding.getByRole('button').click();
  await s.page.waitForSelector('.finding[data-check="CKV_AWS_24"]', { state: 'detached' });
  assert.equal(await s.page.locator('#' + fieldId('security_group.ingress[0].ipv4_cidrs')).inputValue(), '203.0.113.7/32');
  // A one-click fix without input.
  await s.page.locator('.finding[data-check="CKV_AWS_79"]').getByRole('button').click();
  await s.page.waitForSelector('.finding[data-check="CKV_AWS_79"]', { state: 'detached' });
  assert.equal(await s.page.locator('#' + fieldId('instances[0].imdsv2_required')).isChecked(), true);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('the hardened preset leaves no checkov finding but CKV_AWS_88', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.locator('.menu summary', { hasText: 'Presets' }).click();
  await s.page.getByRole('button', { name: 'Hardened stack' }).click();
  await s.page.waitForSelector('.banner:has-text("hardened preset")');
  const ids = await findingIds(s.page);
  assert.deepEqual(ids.filter((id) => id.startsWith('CKV')), ['CKV_AWS_88']);
  assertSameOrigin(s);
  assertNoProblems(s);
});
