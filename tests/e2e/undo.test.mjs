// Undo and redo (issue 17): every kind of step, with the header's buttons and the keys (Ctrl,
// and Meta as on macOS), inside a text field too; keystrokes in one field are one step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, field, formValues, load, open, pickPreset, press, retype, storedWhen,
} from './helpers.mjs';

const undo = (page) => page.getByRole('button', { name: 'Undo', exact: true });
const redo = (page) => page.getByRole('button', { name: 'Redo', exact: true });

test('the buttons are disabled with nothing to undo, and walk typing back and forth', async (t) => {
  const s = await open(t);
  await load(s.page);
  assert.equal(await undo(s.page).isDisabled(), true);
  assert.equal(await redo(s.page).isDisabled(), true);
  const start = await formValues(s.page);
  await retype(s.page, 'key_pair.key_name', 'first');
  await retype(s.page, 'provisioner.host_name', 'second');
  const typed = await formValues(s.page);
  // One click takes back the whole word (keystrokes in one field are one step).
  await undo(s.page).click();
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'myserver');
  assert.equal(await field(s.page, 'key_pair.key_name').inputValue(), 'first');
  await storedWhen(s.page, (doc) => doc.provisioner.host_name === 'myserver', 5000);
  await undo(s.page).click();
  assert.deepEqual(await formValues(s.page), start);
  assert.equal(await undo(s.page).isDisabled(), true);
  await redo(s.page).click();
  await redo(s.page).click();
  assert.deepEqual(await formValues(s.page), typed);
  assert.equal(await redo(s.page).isDisabled(), true);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('Ctrl+Z inside a text field undoes the form step; Meta+Shift+Z redoes', async (t) => {
  const s = await open(t);
  await load(s.page);
  await field(s.page, 'key_pair.key_name').fill('');
  await field(s.page, 'key_pair.key_name').pressSequentially('typed');
  await retype(s.page, 'provisioner.host_name', 'other');
  await field(s.page, 'key_pair.key_name').focus();
  await press(s.page, 'Control+z');
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'myserver');
  assert.equal(await field(s.page, 'key_pair.key_name').inputValue(), 'typed');
  await press(s.page, 'Control+z');
  assert.equal(await field(s.page, 'key_pair.key_name').inputValue(), 'default-key', 'the whole word, as a text undo');
  await press(s.page, 'Meta+Shift+z');
  assert.equal(await field(s.page, 'key_pair.key_name').inputValue(), 'typed');
  await press(s.page, 'Control+Shift+z');
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'other');
  await press(s.page, 'Meta+z');
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'myserver');
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('removals, presets, fixes, reset and imports are undone, rows and all', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.getByRole('button', { name: 'Add instance' }).click();
  await retype(s.page, 'instances[1].name', 'second');
  const two = await formValues(s.page);
  await s.page.getByRole('button', { name: 'Remove instance 1' }).click();
  assert.equal(await field(s.page, 'instances[0].name').inputValue(), 'second');
  await undo(s.page).click();
  assert.deepEqual(await formValues(s.page), two);
  // A fix, a preset and a reset: each one step.
  await s.page.locator('.finding[data-check="CKV_AWS_79"]').first().getByRole('button').click();
  await s.page.waitForSelector('.banner, .findings');
  await pickPreset(s.page, 'Large stack (50 instances)');
  await s.page.waitForSelector('#f-instances-49-name');
  await s.page.getByRole('button', { name: 'Reset', exact: true }).click();
  await s.page.waitForSelector('.banner:has-text("reset to the default stack")');
  await undo(s.page).click();
  await s.page.waitForSelector('#f-instances-49-name');
  await undo(s.page).click();
  await s.page.waitForSelector('#f-instances-49-name', { state: 'detached' });
  await undo(s.page).click();
  assert.deepEqual(await formValues(s.page), two);
  assertSameOrigin(s);
  assertNoProblems(s);
});
