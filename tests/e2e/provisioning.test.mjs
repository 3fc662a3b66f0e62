// Provisioning the Nix way (issue 15): the state backend, encryption and credentials in the
// form; the fields of a choice show with it; bad values get a message next to their field;
// the S3 backend reaches config.tf.json verbatim and the zip ships the bucket's configuration;
// the remote-state preset loads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, field, fieldId, load, open, pickPreset, previewText, retype, screenshot, selectTab, storedWhen,
} from './helpers.mjs';

test('S3 state, encryption and credentials from the form reach the files', async (t) => {
  const s = await open(t);
  await load(s.page);
  assert.equal(await field(s.page, 'provisioner.s3_bucket').count(), 0, 'no bucket field with local state');
  await field(s.page, 'provisioner.backend').selectOption('s3');
  await retype(s.page, 'provisioner.s3_bucket', 'My_Bucket');
  const message = s.page.locator(`#${fieldId('provisioner.s3_bucket')}-msg`);
  await message.waitFor();
  assert.match(await message.innerText(), /`My_Bucket` is not an S3 bucket name/);
  await retype(s.page, 'provisioner.s3_bucket', 'acme-tofu-state');
  await retype(s.page, 'provisioner.s3_key', 'env/${prod}/terraform.tfstate');
  await field(s.page, 'provisioner.encryption').selectOption('passphrase');
  await field(s.page, 'provisioner.credentials').selectOption('load-credential');
  await storedWhen(s.page, (d) => d.provisioner.credentials === 'load-credential' && d.provisioner.s3_key.includes('prod'));
  await s.page.waitForSelector('.panel .files:not(.stale) pre.code');
  await selectTab(s.page, 'config.tf.json');
  const json = await previewText(s.page);
  assert.match(json, /"bucket": "acme-tofu-state"/);
  assert.match(json, /"key": "env\/\$\{prod\}\/terraform.tfstate"/, 'the key is verbatim, not escaped');
  assert.match(json, /"use_lockfile": true/);
  assert.match(json, /"passphrase": "\$\{var.state_passphrase\}"/);
  await selectTab(s.page, 'infra.nix');
  const nix = await previewText(s.page);
  assert.match(nix, /withPlugins \(p: \[ p\.hashicorp_aws \]\)/);
  assert.match(nix, /LoadCredential = \[ "aws-credentials:\/root\/\.aws\/credentials" "aws-config:\/root\/\.aws\/config" \];/);
  await screenshot(s.page, 'provisioning-desktop-light.png');
  // Terraform cannot read OpenTofu's encryption: the form says so next to the field.
  await field(s.page, 'provisioner.tool').selectOption('terraform');
  const encryption = s.page.locator(`#${fieldId('provisioner.encryption')}-msg`);
  await encryption.waitFor();
  assert.match(await encryption.innerText(), /state encryption is an OpenTofu feature/);
  await field(s.page, 'provisioner.encryption').selectOption('none');
  await s.page.waitForSelector('.panel .files:not(.stale) pre.code');
  const [zip] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const bytes = readFileSync(await zip.path());
  assert.ok(bytes.includes(Buffer.from('bootstrap/state-bucket.tf.json')), 'the zip holds the bucket configuration');
  assert.ok(bytes.includes(Buffer.from('README.md')));
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('the remote-state preset loads an S3 backend, and undo brings the form back', async (t) => {
  const s = await open(t, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await load(s.page);
  await pickPreset(s.page, 'Stack with remote state');
  await storedWhen(s.page, (d) => d.provisioner.backend === 's3');
  assert.equal(await field(s.page, 'provisioner.s3_bucket').inputValue(), 'nixform-state-example');
  assert.match(await s.page.locator('.banner').innerText(), /put your own in Provisioner › State bucket/);
  await field(s.page, 'provisioner.s3_bucket').scrollIntoViewIfNeeded();
  await screenshot(s.page, 'provisioning-phone-dark.png');
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await storedWhen(s.page, (d) => d.provisioner.backend === 'local');
  assertSameOrigin(s);
  assertNoProblems(s);
});
