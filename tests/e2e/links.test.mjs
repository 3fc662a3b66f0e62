// A share link pasted into an open tab (issue 17): only the fragment changes, so the page is
// not reloaded; the app loads that stack with the same banner as a new tab, keeps the
// autosave until the person edits, and undo brings their form back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, assertSameOrigin, field, load, open, retype, stored, storedWhen } from './helpers.mjs';

test('a share link pasted into the open tab loads its stack; undo brings the form back', async (t) => {
  const s = await open(t);
  await load(s.page);
  // Make a link of another stack in this tab, then edit on.
  await retype(s.page, 'provisioner.host_name', 'linked-host');
  await s.page.getByRole('button', { name: 'Share link' }).click();
  await s.page.waitForSelector('.banner:has-text("Share link")');
  const link = s.page.url();
  assert.match(link, /#s=/);
  await retype(s.page, 'provisioner.host_name', 'my-own-host');
  const saved = await storedWhen(s.page, (doc) => doc.provisioner.host_name === 'my-own-host');
  assert.doesNotMatch(s.page.url(), /#s=/, 'the first edit dropped the stale link');
  // Paste the link: the fragment changes, the page does not reload.
  await s.page.evaluate(() => { window.__sameDocument = true; });
  await s.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await s.page.waitForSelector('.banner:has-text("Opened the stack from the link")');
  assert.equal(await s.page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.match(await s.page.locator('.banner').innerText(), /Your autosaved form is kept until you edit this one/);
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'linked-host');
  await s.page.waitForTimeout(400);
  assert.equal(await stored(s.page), saved, 'the autosave is kept');
  await s.page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal(await field(s.page, 'provisioner.host_name').inputValue(), 'my-own-host');
  assertSameOrigin(s);
  assertNoProblems(s);
});
