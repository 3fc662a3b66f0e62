// Secrets typed key by key (issue 17): once a value is refused as a secret, no run of 8 or more
// of its characters is left in the field, the autosave, the share link, the undo history or
// the rendered files; a secret's name is not a secret.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, decodeShare, field, load, open, previewText, retype, selectTab, stored, storedWhen,
} from './helpers.mjs';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Every run of 8 characters of `secret`. */
const runs = (secret) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));

function assertClean(text, secret, where) {
  const leak = runs(secret).find((run) => text.includes(run));
  assert.equal(leak, undefined, `${where} holds part of the secret`);
}

/** Everything the page keeps: the fields, the autosave, every file, and every undo step. */
async function assertNothingKept(s, secret) {
  const values = await s.page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('\n'));
  assertClean(values, secret, 'a field');
  await s.page.waitForTimeout(400);
  assertClean((await stored(s.page)) ?? '', secret, 'the autosave');
  for (const name of ['config.tf.json', 'infra.nix', 'flake.nix', 'provisioner.nix']) {
    await selectTab(s.page, name);
    assertClean(await previewText(s.page), secret, name);
  }
  await s.page.getByRole('button', { name: 'Share link' }).click();
  await s.page.waitForSelector('.banner:has-text("Share link")');
  assertClean(s.page.url(), secret, 'the address');
  assertClean(JSON.stringify(decodeShare(s.page.url())), secret, 'the share link');
  // Walk the whole undo history, then back.
  const undo = s.page.getByRole('button', { name: 'Undo', exact: true });
  let steps = 0;
  while (!(await undo.isDisabled())) {
    await undo.click();
    steps += 1;
    assertClean(await previewText(s.page), secret, `undo step ${steps}`);
    const all = await s.page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('\n'));
    assertClean(all, secret, `the fields at undo step ${steps}`);
  }
  const redo = s.page.getByRole('button', { name: 'Redo', exact: true });
  while (!(await redo.isDisabled())) {
    await redo.click();
    const all = await s.page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('\n'));
    assertClean(all, secret, 'the fields on redo');
  }
}

test('an access key ID typed key by key leaves nothing behind', async (t) => {
  const s = await open(t);
  await load(s.page);
  await retype(s.page, 'provider.profile', 'prod-');
  await retype(s.page, 'key_pair.key_name', 'mine');
  await field(s.page, 'provider.profile').click();
  await field(s.page, 'provider.profile').press('End');
  // Slowly enough for the debounced autosave to write the partial secret in between.
  await field(s.page, 'provider.profile').pressSequentially(ACCESS_KEY, { delay: 25 });
  await s.page.locator('#f-provider-profile-msg').waitFor();
  assert.match(await s.page.locator('#f-provider-profile-msg').innerText(), /AWS access key ID.*not saved/);
  assert.equal(await field(s.page, 'provider.profile').inputValue(), 'prod-', 'the value from before the secret');
  await storedWhen(s.page, (doc) => doc.provider.profile === 'prod-');
  await assertNothingKept(s, ACCESS_KEY);
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a secret access key typed into a tag value, and a pasted one, leave nothing behind', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.getByRole('button', { name: 'Add a tag to instance 1' }).click();
  // A secret's name is fine.
  await retype(s.page, 'instances[0].tags[0].key', 'aws_secret_access_key');
  assert.equal(await s.page.locator('#f-instances-0-tags-0-key-msg').count(), 0);
  await field(s.page, 'instances[0].tags[0].value').pressSequentially(SECRET_KEY, { delay: 10 });
  await s.page.locator('#f-instances-0-tags-0-value-msg').waitFor();
  assert.equal(await field(s.page, 'instances[0].tags[0].value').inputValue(), '');
  // A paste into another field.
  await field(s.page, 'security_group.description').fill(`key ${SECRET_KEY}`);
  await s.page.locator('#f-security_group-description-msg').waitFor();
  await storedWhen(s.page, (doc) => doc.instances[0].tags[0].key === 'aws_secret_access_key');
  await assertNothingKept(s, SECRET_KEY);
  assertSameOrigin(s);
  assertNoProblems(s);
});
