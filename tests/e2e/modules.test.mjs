// Modules mode (terraform-aws-modules): the form's first field switches the stack between plain
// resources and the vpc and ec2-instance modules. Switching keeps every value in the form,
// switching back gives the same files byte for byte, the download equals `nixform render`, and
// the switch is one undoable step.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, downloadActive, field, fieldId, formValues, load, open, pickPreset, previewText,
  retype, screenshot, storedWhen,
} from './helpers.mjs';

const CLI = process.env.NIXFORM_CLI ?? new URL('../../target/release/nixform', import.meta.url).pathname;
const MODE = fieldId('mode');
const VPC_MODULE = 'terraform-aws-modules/vpc/aws';

/** `nixform render`'s config.tf.json for the document text `stack`. */
function cliConfig(stack) {
  const dir = mkdtempSync(join(tmpdir(), 'nixform-cli-'));
  writeFileSync(join(dir, 'stack.json'), stack);
  execFileSync(CLI, ['render', '--stack', join(dir, 'stack.json'), '--out', join(dir, 'out')]);
  return readFileSync(join(dir, 'out', 'config.tf.json'));
}

/** Every form value but the mode's own. */
async function valuesButMode(page) {
  const values = await formValues(page);
  delete values[MODE];
  return values;
}

/** Pick `mode` and wait until the (valid) preview shows it. */
async function chooseMode(page, mode) {
  await field(page, 'mode').selectOption(mode);
  await page.waitForFunction(
    ([modules, source]) => {
      const code = document.querySelector('.panel .files:not(.stale) pre.code')?.textContent ?? '';
      return code.includes(source) === modules;
    },
    [mode === 'modules', VPC_MODULE],
  );
}

/** A few edits: a second instance with a tag, another VPC and subnet CIDR. */
async function edit(page) {
  await page.getByRole('button', { name: 'Add instance' }).click();
  await retype(page, 'instances[1].name', 'web');
  await page.getByRole('button', { name: 'Add a tag to instance 2' }).click();
  await retype(page, 'instances[1].tags[0].key', 'Env');
  await retype(page, 'instances[1].tags[0].value', 'prod');
  await retype(page, 'network.vpc_cidr', '10.20.0.0/16');
  await retype(page, 'network.subnets[0].cidr', '10.20.1.0/24');
  await storedWhen(page, (d) => d.instances[1]?.tags[0]?.value === 'prod' && d.network.subnets[0].cidr === '10.20.1.0/24');
  await page.waitForSelector('.panel .files:not(.stale) pre.code');
}

test('switching to modules keeps the form, and switching back gives the same config.tf.json', async (t) => {
  const s = await open(t);
  await load(s.page);
  await edit(s.page);
  assert.equal(await field(s.page, 'mode').inputValue(), 'resources');
  const values = await valuesButMode(s.page);
  const resources = await previewText(s.page);
  assert.match(resources, /"aws_instance"/);
  assert.doesNotMatch(resources, /"module"/);

  await chooseMode(s.page, 'modules');
  const modules = await previewText(s.page);
  assert.match(modules, /"module": \{/);
  assert.ok(modules.includes(`"source": "${VPC_MODULE}"`), 'the vpc module');
  assert.ok(modules.includes('"source": "terraform-aws-modules/ec2-instance/aws"'), 'the ec2-instance module');
  assert.doesNotMatch(modules, /aws_instance/);
  assert.match(modules, /"Env": "prod"/);
  assert.deepEqual(await valuesButMode(s.page), values, 'every form value is unchanged');
  // The names the vpc module makes itself rest, with their values, and say why (in the folded
  // "Advanced" part: its text, not what shows).
  for (const key of ['gateway_name', 'route_table_name', 'route_name']) {
    assert.ok(await field(s.page, `network.${key}`).isDisabled(), key);
    assert.match(await s.page.locator(`#${fieldId(`network.${key}`)}-help`).textContent(), /names this itself/);
  }
  // Findings on a module name its input.
  const imds = s.page.locator('.finding[data-check="CKV_AWS_79"] .where').first();
  assert.match(await imds.innerText(), /module\.nixos_x86-64 · input metadata_options/);

  // The download is `nixform render` of the same document.
  const stack = await storedWhen(s.page, (d) => d.mode === 'modules');
  const { name, bytes } = await downloadActive(s.page);
  assert.equal(name, 'config.tf.json');
  assert.ok(bytes.equals(cliConfig(stack)), 'the modules config.tf.json equals `nixform render`');
  assert.equal(bytes.toString('utf8'), modules + '\n', 'and the preview');

  await chooseMode(s.page, 'resources');
  assert.equal(await previewText(s.page), resources, 'back to resources: the same file');
  assert.deepEqual(await valuesButMode(s.page), values);
  assert.ok(!(await field(s.page, 'network.gateway_name').isDisabled()));
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('Undo after the switch returns to resources', async (t) => {
  const s = await open(t);
  await load(s.page);
  await edit(s.page);
  const values = await valuesButMode(s.page);
  const resources = await previewText(s.page);
  await chooseMode(s.page, 'modules');
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await s.page.waitForFunction((id) => document.getElementById(id).value === 'resources', MODE);
  await s.page.waitForFunction(
    (source) => !document.querySelector('.panel pre.code').textContent.includes(source),
    VPC_MODULE,
  );
  assert.equal(await previewText(s.page), resources);
  assert.deepEqual(await valuesButMode(s.page), values, 'the undo changed the mode only');
  await storedWhen(s.page, (d) => d.mode === undefined && d.instances[1]?.name === 'web');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('modules mode on a desktop in light mode and on a phone in dark mode', async (t) => {
  const desk = await open(t);
  await load(desk.page);
  await chooseMode(desk.page, 'modules');
  await screenshot(desk.page, 'modules-desktop-light.png');
  // The network's resource names, unfolded, and the findings on the modules' inputs.
  await desk.page.locator('#section-network details summary').click();
  await field(desk.page, 'network.route_name').scrollIntoViewIfNeeded();
  await screenshot(desk.page, 'modules-network-desktop-light.png');
  assertNoProblems(desk);

  const phone = await open(t, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await load(phone.page);
  await pickPreset(phone.page, 'Stack with terraform-aws-modules');
  await storedWhen(phone.page, (d) => d.mode === 'modules');
  assert.equal(await field(phone.page, 'mode').inputValue(), 'modules');
  await field(phone.page, 'mode').scrollIntoViewIfNeeded();
  await screenshot(phone.page, 'modules-phone-dark.png');
  await phone.page.locator('.finding[data-check="CKV_TF_1"]').first().scrollIntoViewIfNeeded();
  await screenshot(phone.page, 'modules-findings-phone-dark.png');
  // The phone fits the form: nothing wider than the screen.
  const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide} px wide`);
  assertSameOrigin(phone);
  assertNoProblems(phone);
});
