// Layout (issue 17): on a phone a sticky bar of jump links to the form, the files and the
// security check; on a desktop every finding is reached without a nested scroll; the region
// select shows the region's full name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, load, open, pickPreset } from './helpers.mjs';

test('on a phone, a sticky bar jumps to the files and the security check', async (t) => {
  const s = await open(t, { viewport: { width: 390, height: 844 } });
  await load(s.page);
  const bar = s.page.getByRole('navigation', { name: 'Parts of the page' });
  assert.ok(await bar.isVisible());
  for (const [name, id] of [['Files', 'files'], ['Security check', 'security'], ['Form', 'form']]) {
    await bar.getByRole('link', { name }).click();
    await s.page.waitForTimeout(100);
    const top = await s.page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
    assert.ok(top >= 0 && top < 120, `${name} is at the top of the screen (${top})`);
    assert.ok(await bar.isVisible(), 'the bar stays');
    const barTop = await bar.evaluate((e) => e.getBoundingClientRect().top);
    assert.equal(barTop, 0, 'sticky at the top');
  }
  assert.doesNotMatch(s.page.url(), /#/, 'no fragment: it holds share links');
  assertNoProblems(s);
});

test('on a desktop the security panel has no scroll of its own and the region reads in full', async (t) => {
  const s = await open(t, { viewport: { width: 1280, height: 900 } });
  await load(s.page);
  assert.equal(await s.page.getByRole('navigation', { name: 'Parts of the page' }).isVisible(), false);
  await pickPreset(s.page, 'Large stack (50 instances)');
  await s.page.waitForSelector('.finding:nth-child(15)');
  // No ancestor of the findings scrolls on its own: the page does.
  const trapped = await s.page.evaluate(() => {
    const out = [];
    for (let e = document.querySelector('.findings'); e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight) out.push(e.className);
    }
    return out;
  });
  assert.deepEqual(trapped, []);
  const last = s.page.locator('.finding').last();
  await last.scrollIntoViewIfNeeded();
  assert.ok(await last.isVisible());
  // The region select is wide enough for "ap-southeast-2 — Asia Pacific (Sydney)".
  const fits = await s.page.evaluate(() => {
    const select = document.getElementById('f-provider-region');
    const probe = document.createElement('span');
    probe.style.cssText = `font: ${getComputedStyle(select).font}; position: absolute; white-space: nowrap`;
    probe.textContent = select.selectedOptions[0].textContent;
    document.body.append(probe);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    return { need, have: select.clientWidth - 40 };
  });
  assert.ok(fits.have >= fits.need, `the region's name fits (${JSON.stringify(fits)})`);
  assertNoProblems(s);
});
