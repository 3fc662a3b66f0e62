// Import (issue 17): it asks before it replaces a form that is not the default, can be undone,
// keeps the order of instances, and lists what it changed and dropped.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertNoProblems, assertSameOrigin, downloadActive, field, formValues, load, open, retype } from './helpers.mjs';

/** A config.tf.json of two instances, `zeta` before `alpha`. */
async function twoInstances(page) {
  const { bytes } = await downloadActive(page);
  const config = JSON.parse(bytes.toString('utf8'));
  const [name] = Object.keys(config.resource.aws_instance);
  const base = config.resource.aws_instance[name];
  config.resource.aws_instance = { zeta: { ...base, ami: 'ami-0abc1234def567890' }, alpha: { ...base } };
  return config;
}

function write(config) {
  const file = join(mkdtempSync(join(tmpdir(), 'nixform-import17-')), 'config.tf.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

test('import asks first, keeps instance order, lists changes, and undo brings the form back', async (t) => {
  const s = await open(t);
  await load(s.page);
  // Two instances, one with a foreign AMI; a subnet with public IPs; a bucket.
  const config = await twoInstances(s.page);
  const [subnet] = Object.keys(config.resource.aws_subnet);
  config.resource.aws_subnet[subnet].map_public_ip_on_launch = true;
  config.resource.aws_s3_bucket = { logs: { bucket: 'my-logs' } };
  delete config.output;
  const file = write(config);

  await retype(s.page, 'provisioner.host_name', 'my-work');
  const mine = await formValues(s.page);
  s.answer = false;
  await s.page.setInputFiles('#import-file', file);
  await s.page.waitForSelector('.banner:has-text("was not imported")');
  assert.match(s.dialogs.at(-1), /Replace the form with the stack in config\.tf\.json/);
  assert.deepEqual(await formValues(s.page), mine);

  s.answer = true;
  await s.page.setInputFiles('#import-file', file);
  const banner = s.page.locator('.banner.success');
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /ami-0abc1234def567890/);
  assert.match(text, /map_public_ip_on_launch/);
  assert.match(text, /aws_s3_bucket\.logs/);
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await formValues(s.page), mine);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('import keeps the order of instances', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.setInputFiles('#import-file', write(await twoInstances(s.page)));
  await s.page.locator('.banner.success').waitFor();
  assert.equal(await field(s.page, 'instances[0].name').inputValue(), 'zeta');
  assert.equal(await field(s.page, 'instances[1].name').inputValue(), 'alpha');
});
