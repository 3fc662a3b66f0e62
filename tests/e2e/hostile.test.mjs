// Hostile input (issue 4): corrupt links, bad files, huge pastes and secrets never break the
// page, never change the form by themselves, and never reach storage or the URL.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assertNoProblems, assertSameOrigin, decodeShare, field, formValues, load, open, previewText, retype, stored, storedWhen,
} from './helpers.mjs';

async function withAutosave(s) {
  await load(s.page);
  await retype(s.page, 'key_pair.key_name', 'precious');
  return storedWhen(s.page, (doc) => doc.key_pair.key_name === 'precious');
}

test('a corrupt share link shows a clear message and leaves the autosaved form intact', async (t) => {
  const s = await open(t);
  const saved = await withAutosave(s);
  // Not base64; empty; an old-format link that does not decompress; one the browser cannot inflate.
  for (const hash of ['#s=garbage', '#s=', '#s=' + 'A'.repeat(5000), '#s=2.' + 'q'.repeat(300)]) {
    await s.page.goto('about:blank');
    await load(s.page, hash);
    const banner = await s.page.locator('.banner.error').innerText();
    assert.match(banner, /share link could not be opened/i);
    assert.match(banner, /Nothing was changed: the form is as it was/);
    assert.equal(await field(s.page, 'key_pair.key_name').inputValue(), 'precious');
    assert.equal(await stored(s.page), saved);
  }
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a corrupt autosave shows a message, falls back to the default and is not overwritten', async (t) => {
  const s = await open(t);
  await load(s.page);
  await s.page.evaluate(() => localStorage.setItem('nixform.document.v1', '{"version": 1, "nope": tru'));
  await s.page.reload();
  await s.page.waitForSelector('.panel pre.code');
  assert.match(await s.page.locator('.banner.error').innerText(), /autosaved form could not be read/);
  assert.equal(await stored(s.page), '{"version": 1, "nope": tru');
  assertNoProblems(s);
});

test('a non-JSON file and a foreign JSON file are refused with a message; the form is kept', async (t) => {
  const s = await open(t);
  const saved = await withAutosave(s);
  const values = await formValues(s.page);
  const dir = mkdtempSync(join(tmpdir(), 'nixform-hostile-'));
  const cases = [
    ['notes.txt', 'this is not json {', /notes\.txt was not imported: the file is not JSON/],
    ['package.json', '{"name": "left-pad", "version": "1.0.0"}', /package\.json was not imported: .*not a Terraform configuration/],
    ['binary.json', Buffer.from([0, 159, 146, 150, 255, 0, 1]), /binary\.json was not imported/],
  ];
  for (const [name, content, message] of cases) {
    const file = join(dir, name);
    writeFileSync(file, content);
    await s.page.setInputFiles('#import-file', file);
    await s.page.waitForSelector(`.banner.error:has-text("${name}")`);
    assert.match(await s.page.locator('.banner.error').innerText(), message);
    assert.match(await s.page.locator('.banner.error').innerText(), /form was not changed/);
    assert.deepEqual(await formValues(s.page), values);
    assert.equal(await stored(s.page), saved);
  }
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a 1 MB paste is refused next to the field and the page stays responsive', async (t) => {
  const s = await open(t);
  const saved = await withAutosave(s);
  const huge = 'x'.repeat(1 << 20);
  await field(s.page, 'security_group.description').fill(huge);
  const msg = s.page.locator('#f-security_group-description-msg');
  await msg.waitFor();
  assert.match(await msg.innerText(), /1048576 characters long; this field takes at most 4096/);
  assert.equal(await field(s.page, 'security_group.description').inputValue(), '', 'the previous value is back');
  assert.equal(await stored(s.page), saved);
  // Still responsive: the next edit reaches the preview within 2 s.
  const started = Date.now();
  await retype(s.page, 'instances[0].root_volume_size', '42');
  await s.page.waitForFunction(() => document.querySelector('.panel pre.code')?.textContent.includes('"volume_size": 42'), null, { timeout: 2000 });
  assert.ok(Date.now() - started < 2000);
  const after = await storedWhen(s.page, (doc) => doc.instances[0].root_volume_size === '42');
  assert.ok(!after.includes('xxxxxxxx'));
  assertSameOrigin(s);
  assertNoProblems(s);
});

test('a pasted private key is refused and never reaches storage or the share link', async (t) => {
  const s = await open(t);
  await withAutosave(s);
  const before = await field(s.page, 'key_pair.public_key').inputValue();
  const key = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
    'QyNTUxOQAAACDZ8m0Yx2Z1c2VyQGhvc3QAAAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY',
    '-----END OPENSSH PRIVATE KEY-----',
  ].join('\n');
  await field(s.page, 'key_pair.public_key').fill(key);
  const msg = s.page.locator('#f-key_pair-public_key-msg');
  await msg.waitFor();
  assert.match(await msg.innerText(), /private key.*never stores secrets/i);
  assert.equal(await field(s.page, 'key_pair.public_key').inputValue(), before);
  // An AWS access key in another field is refused the same way.
  await field(s.page, 'provider.profile').fill('AKIAIOSFODNN7EXAMPLE');
  await s.page.locator('#f-provider-profile-msg').waitFor();
  assert.equal(await field(s.page, 'provider.profile').inputValue(), '');
  await retype(s.page, 'key_pair.key_name', 'after-refusal');
  await s.page.getByRole('button', { name: 'Share link' }).click();
  await s.page.waitForSelector('.banner:has-text("Share link")');
  const saved = await storedWhen(s.page, (doc) => doc.key_pair.key_name === 'after-refusal');
  const shared = JSON.stringify(decodeShare(s.page.url()));
  for (const text of [saved, shared, s.page.url()]) {
    assert.ok(!text.includes('PRIVATE KEY'));
    assert.ok(!text.includes('b3BlbnNzaC1rZXkt'));
    assert.ok(!text.includes('AKIAIOSFODNN7EXAMPLE'));
  }
  assert.equal(JSON.parse(saved).key_pair.key_name, 'after-refusal');
  assert.match(await previewText(s.page), /after-refusal/);
  assertSameOrigin(s);
  assertNoProblems(s);
});
