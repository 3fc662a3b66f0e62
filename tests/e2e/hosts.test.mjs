// The hosts' own NixOS (issue 14): a NixOS configuration per instance, a preview tab per host
// file, messages next to the fields, and a zip holding hosts/ byte-equal to `nixform render`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, field, fieldId, load, open, pickPreset, previewText, retype, screenshot, selectTab,
  storedWhen,
} from './helpers.mjs';

const CLI = process.env.NIXFORM_CLI;

/** The files of `nixform render` for the document text `stack`, by name. */
function cliRender(stack, names) {
  const dir = mkdtempSync(join(tmpdir(), 'nixform-cli-'));
  writeFileSync(join(dir, 'stack.json'), stack);
  execFileSync(CLI, ['render', '--stack', join(dir, 'stack.json'), '--out', join(dir, 'out')]);
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, 'out', n))]));
}

async function messageOf(page, path) {
  const message = page.locator(`#${fieldId(path)}-msg`);
  await message.waitFor();
  return message.innerText();
}

test('two hosts: a tab per host file, field messages, and both host files in the zip', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.getByRole('button', { name: 'Add instance' }).click();
  await retype(s.page, 'instances[1].name', 'db');
  for (const i of [0, 1]) await field(s.page, `instances[${i}].nixos.enabled`).check();
  await retype(s.page, 'instances[0].nixos.packages', 'git htop');
  await retype(s.page, 'instances[1].nixos.time_zone', 'Europe/Berlin');

  // Bad input is named next to its field, and what was typed stays.
  await retype(s.page, 'instances[1].nixos.host_name', 'db_1');
  assert.match(await messageOf(s.page, 'instances[1].nixos.host_name'), /`db_1` is not a DNS label/);
  assert.equal(await field(s.page, 'instances[1].nixos.host_name').inputValue(), 'db_1');
  await retype(s.page, 'instances[1].nixos.host_name', 'db-1');
  await retype(s.page, 'instances[0].nixos.packages', 'git ${pkgs}');
  assert.match(await messageOf(s.page, 'instances[0].nixos.packages'), /not a nixpkgs attribute path/);
  await retype(s.page, 'instances[0].nixos.packages', 'git htop');

  const stack = await storedWhen(
    s.page,
    (d) => d.instances.length === 2 && d.instances[1].nixos?.host_name === 'db-1' && d.instances[0].nixos?.packages === 'git htop',
  );
  await s.page.waitForSelector('.panel .files:not(.stale) pre.code');
  const tabs = await s.page.getByRole('tab').allInnerTexts();
  assert.deepEqual(tabs.slice(4), ['hosts/nixos_x86-64.nix', 'hosts/db.nix', 'diagram.svg']);
  await selectTab(s.page, 'hosts/db.nix');
  const db = await previewText(s.page);
  assert.match(db, /networking\.hostName = "db-1";/);
  assert.match(db, /time\.timeZone = "Europe\/Berlin";/);
  await screenshot(s.page, 'hosts-desktop-light.png');

  const names = ['hosts/nixos_x86-64.nix', 'hosts/db.nix', 'flake.nix', 'config.tf.json'];
  const expected = cliRender(stack, names);
  const [zip] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Download all (.zip)' }).click()]);
  const bytes = readFileSync(await zip.path());
  // Stored entries: every file's bytes follow its name in the archive.
  for (const name of names) {
    assert.ok(bytes.includes(Buffer.from(name)), `the zip holds ${name}`);
    assert.ok(bytes.includes(expected[name]), `${name} in the zip equals \`nixform render\``);
  }
  assert.match(expected['flake.nix'].toString(), /nixosConfigurations\.db = nixpkgs\.lib\.nixosSystem/);

  // Removing the host's configuration removes its tab; the shown tab falls back to the first.
  await field(s.page, 'instances[1].nixos.enabled').uncheck();
  await s.page.waitForFunction(() => ![...document.querySelectorAll('[role=tab]')].some((t) => t.textContent === 'hosts/db.nix'));
  assert.equal(await s.page.locator('.tab[aria-selected="true"]').innerText(), 'config.tf.json');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('the hosts preset, on a phone in dark mode, and raw user data excluded', async (t) => {
  const s = await open(t, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await load(s.page);
  await pickPreset(s.page, 'Stack with a NixOS host');
  await storedWhen(s.page, (d) => d.instances[0].nixos?.enabled === true);
  assert.equal(await field(s.page, 'instances[0].nixos.packages').inputValue(), 'git htop');
  await field(s.page, 'instances[0].nixos.enabled').scrollIntoViewIfNeeded();
  await screenshot(s.page, 'hosts-phone-dark.png');
  await field(s.page, 'instances[0].user_data').fill('{ }');
  assert.match(await messageOf(s.page, 'instances[0].user_data'), /exclude each other/);
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await s.page.waitForFunction((id) => !document.getElementById(id), `${fieldId('instances[0].user_data')}-msg`);
  assertSameOrigin(s);
  assertNoProblems(s);
});
