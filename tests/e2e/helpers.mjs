// Shared fixtures for the e2e tests: a fresh Chromium with its own --user-data-dir (profile,
// storage and permissions) per test, a record of every request and of console errors.
// BASE_URL (http://127.0.0.1:PORT/) and NIXFORM_CLI are set by scripts/test-web.sh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const ORIGIN = new URL(BASE_URL).origin;
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
export const STORAGE_KEY = 'nixform.document.v1';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** A fresh persistent profile per test: own user-data-dir, storage, clipboard permission. */
export async function open(t, { colorScheme = 'light', viewport = { width: 1400, height: 1000 } } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nixform-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    viewport,
    colorScheme,
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const requests = [];
  const problems = [];
  // Every confirm's message; each is answered with `session.answer` (true: OK).
  const dialogs = [];
  const watch = (page) => {
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      // Chromium's own notice about preload + integrity is not an app problem.
      if (m.type() === 'error' || /Content Security Policy|Refused to/.test(text)) problems.push(`console: ${text}`);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      return session.answer ? d.accept() : d.dismiss();
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  const session = {
    context,
    page,
    requests,
    problems,
    dialogs,
    answer: true,
    /** Open another page in the same profile. */
    async newPage() {
      return context.newPage();
    },
  };
  t.after(async () => {
    await context.close();
  });
  return session;
}

/** Every request went to the app's own origin (or was a blob:/data: URL made by the page). */
export function assertSameOrigin(session) {
  const foreign = session.requests.filter((u) => !u.startsWith(ORIGIN + '/') && !/^(blob|data):/.test(u));
  assert.deepEqual(foreign, [], 'requests to another origin');
}

export function assertNoProblems(session) {
  assert.deepEqual(session.problems, [], 'console errors or page errors');
}

/** Load the app and wait until the previews (or the error list) are there. */
export async function load(page, hash = '') {
  await page.goto(BASE_URL + hash);
  await page.waitForSelector('.panel pre.code, .panel .problems', { timeout: 15000 });
}

export const field = (page, path) => page.locator('#' + fieldId(path));

export function fieldId(path) {
  return 'f-' + path.replace(/[.[]/g, '-').replace(/]/g, '');
}

/** Type like a person: clear, then one key at a time (each keystroke is an input event). */
export async function retype(page, path, text) {
  const input = field(page, path);
  await input.fill('');
  await input.pressSequentially(text);
}

/**
 * The shown file's text, line by line from the DOM (not `innerText`: lines far off screen are
 * skipped by `content-visibility`, and since issue 17 the preview may start below the fold).
 */
export async function previewText(page) {
  return page.locator('.panel pre.code code .ln').evaluateAll((els) => els.map((e) => e.textContent.replace(/\n$/, '')).join('\n'));
}

/** The preview's line numbers and its number of line elements. */
export async function lineNumbers(page) {
  return page.evaluate(() => ({
    numbers: document.querySelector('.panel pre.code .gutter').textContent.split('\n'),
    lines: document.querySelectorAll('.panel pre.code code .ln').length,
  }));
}

export async function stored(page) {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/**
 * The autosaved text once the document in it satisfies `check`. The app saves 150 ms after an
 * edit (and when the page is left), not inside the keystroke; so a test that needs an edit
 * saved waits for it, up to `timeout` ms.
 */
export async function storedWhen(page, check, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await stored(page);
    if (text !== null && check(JSON.parse(text))) return text;
    assert.ok(Date.now() < until, `the autosave did not reach the expected state in ${timeout} ms: ${text}`);
    await page.waitForTimeout(20);
  }
}

export async function selectTab(page, name) {
  await page.getByRole('tab', { name }).click();
  await page.waitForSelector(`.tab[aria-selected="true"]:text-is("${name}")`);
}

/** Download the active tab's file; returns its bytes. */
export async function downloadActive(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.toolbar button', { hasText: /^Download (?!all)/ }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** The values of every form control, by id. */
export async function formValues(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('form input, form select, form textarea')]
        .filter((e) => e.id)
        .map((e) => [e.id, e.type === 'checkbox' ? e.checked : e.value]),
    ),
  );
}

/** The document inside a `#s=` share URL, read by the CLI (miniz_oxide: a link the browser compressed must open there too). */
export function decodeShare(url) {
  return JSON.parse(execFileSync(process.env.NIXFORM_CLI, ['unshare', url], { encoding: 'utf8' }));
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export async function findingIds(page) {
  return page.locator('.findings .finding').evaluateAll((els) => els.map((e) => e.dataset.check));
}

/** Undo or redo with the keyboard (Control, or Meta as on macOS). */
export async function press(page, keys) {
  await page.keyboard.press(keys);
}

/** Open the header's Presets menu and pick `label`. */
export async function pickPreset(page, label) {
  await page.locator('.menu summary', { hasText: 'Presets' }).click();
  await page.getByRole('button', { name: label }).click();
}

/** The autosaved document, parsed (null when nothing is saved). */
export async function storedDoc(page) {
  const text = await stored(page);
  return text === null ? null : JSON.parse(text);
}
