/**
 * Nothing typed is lost (issue 13 item 7 / build 5), in real Chromium: a reload before the
 * debounced URL sync keeps the typed text, a link opened over typed work keeps it one click away
 * across reloads, and a full storage says so instead of failing silently. Plus the smaller items
 * of issue 13 item 9 that need a page: the status line after errors, the stale trace export and
 * the embed's "Open in playground" link.
 *
 * No fixed sleeps: each step waits for what it depends on to be observable (the autosave in
 * localStorage, the address bar, the editor's text).
 */
import { test, expect, type Page } from '@playwright/test';
import { encodeShareFragment } from '../app/scenario/shareLink.ts';
import { waitForAutosave } from './helpers.ts';

const LINKED = `apiVersion: v1
kind: Pod
metadata:
  name: from-a-link
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'echo linked; sleep 30']
`;
const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
    image: busybox:1.28
    restartPolicy: Sometimes
`;

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__podlab?.editorReady === true);
}

const editorText = (page: Page) => page.evaluate(() => window.__podlab?.getYaml() ?? '');

/** Waits until the autosave contains `needle`: it has been written. */
const autosaved = (page: Page, needle: string) => waitForAutosave(page, needle, true);

/** Opens the page, types `tag` onto the default text and waits for the autosave; returns the text. */
async function typedWork(page: Page, tag: string): Promise<string> {
  await page.goto('/');
  await ready(page);
  const text = `${await editorText(page)}${tag}\n`;
  await page.evaluate((t) => window.__podlab?.setYaml(t), text);
  await autosaved(page, tag);
  return text;
}

/** Reloads and waits for the editor; `mine` must then be in it. */
async function reloadShows(page: Page, mine: string): Promise<void> {
  await page.reload();
  await ready(page);
  expect(await editorText(page)).toBe(mine);
}

/** Types `text` on a new last line of the editor, through the keyboard. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.evaluate(() => window.__podlab?.select(1, 1, 1, 1));
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${text}`);
}

test('text typed just before a reload comes back, not the older text in the address bar', async ({
  page,
}) => {
  await page.goto('/#example/liveness-exec');
  await ready(page);
  const mark = `# typed-before-reload-${Date.now()}`;
  await typeAtEnd(page, mark);
  // The race of the bug: the autosave is written while the debounced URL still holds the old
  // text. Read both in the page at the same moment the autosave appears.
  const hashWhenSaved = await page.waitForFunction((m) => {
    const raw = window.localStorage.getItem('podlab.autosave.v2');
    return raw?.includes(m) ? window.location.hash : false;
  }, mark);
  expect(await hashWhenSaved.jsonValue(), 'the URL sync ran before the autosave').toBe(
    '#example/liveness-exec',
  );
  await page.reload();
  await ready(page);
  // The reload really was of the address with the older text's fragment.
  const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.name);
  expect(new URL(loaded ?? '').hash).toBe('#example/liveness-exec');
  expect(await editorText(page)).toContain(mark);
  // Nothing to offer back: the newest text is in the editor.
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
});

test('a reload straight after typing keeps the text (flushed when the page is hidden)', async ({
  page,
}) => {
  await page.goto('/#example/liveness-exec');
  await ready(page);
  const mark = `# typed-then-reloaded-${Date.now()}`;
  await typeAtEnd(page, mark);
  await expect.poll(() => editorText(page)).toContain(mark);
  await page.reload();
  await ready(page);
  expect(await editorText(page)).toContain(mark);
});

test('a link opened over typed work keeps it one click away, across reloads', async ({ page }) => {
  const mine = await typedWork(page, `# my work in progress ${Date.now()}`);

  await page.goto('about:blank');
  await page.goto(`/#${encodeShareFragment({ yaml: LINKED })}`);
  await ready(page);
  expect(await editorText(page)).toBe(LINKED);
  const notice = page.getByTestId('restore-notice');
  await expect(notice).toContainText('This link replaced the text you were editing');
  await expect(notice).toContainText('kept on this device');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'e2e/artifacts/typed-work-restore-1440.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e/artifacts/typed-work-restore-390.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  for (const round of [1, 2]) {
    await autosaved(page, 'from-a-link');
    await page.reload();
    await ready(page);
    expect(await editorText(page), `reload ${round}`).toBe(LINKED);
    await expect(page.getByTestId('restore-notice'), `reload ${round}`).toBeVisible();
  }
  await page.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);
  await autosaved(page, '# my work in progress');
  await reloadShows(page, mine);
  // The link's text was never edited, so nothing else is kept to offer.
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
});

test('restoring keeps the edited link text in its place; Discard forgets for good', async ({
  page,
}) => {
  const mine = await typedWork(page, `# mine ${Date.now()}`);
  await page.goto('about:blank');
  await page.goto(`/#${encodeShareFragment({ yaml: LINKED })}`);
  await ready(page);
  const edited = `${LINKED}# edited the link\n`;
  await page.evaluate((text) => window.__podlab?.setYaml(text), edited);

  const notice = page.getByTestId('restore-notice');
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);
  await expect(notice).toContainText('the text it replaced is kept instead');
  // And back again: both texts stay one click away.
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(edited);
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);

  await notice.getByRole('button', { name: 'Discard it' }).click();
  await expect(notice).toHaveCount(0);
  await autosaved(page, '# mine ');
  await reloadShows(page, mine);
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
});

test('a full storage is said plainly, and the newest text is still what is offered back', async ({
  page,
}) => {
  const older = await typedWork(page, '# older text');

  // From the next load on, every write fails as a full localStorage does.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await ready(page);
  expect(await editorText(page)).toBe(older);
  const newest = `${older}# newest text\n`;
  await page.evaluate((text) => window.__podlab?.setYaml(text), newest);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('will not survive a reload');
  await page.screenshot({ path: 'e2e/artifacts/typed-work-storage-full-1440.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e/artifacts/typed-work-storage-full-390.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A link pasted into the open page: the offer is the newest text, not the older stored one.
  await page.evaluate(() => {
    window.location.hash = 'example/restart-policies';
  });
  await expect.poll(() => editorText(page)).toContain('name: never-exit1');
  const notice = page.getByTestId('restore-notice');
  await expect(notice).toContainText('only in this tab');
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(newest);
});

test('a blocked storage (cookies off) still opens, says so, and keeps work within the tab', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await ready(page);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('storage is blocked');
  await expect(warning).toContainText('will not survive a reload');
  const mine = `${await editorText(page)}# typed with storage blocked\n`;
  await page.evaluate((text) => window.__podlab?.setYaml(text), mine);
  await page.evaluate(() => {
    window.location.hash = 'example/restart-policies';
  });
  await expect.poll(() => editorText(page)).toContain('name: never-exit1');
  await page.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);
  expect(errors).toEqual([]);
});

test('a first run with errors says "not simulated", and a stale trace export says it is old', async ({
  page,
}) => {
  await page.goto(`/#${encodeShareFragment({ yaml: BROKEN })}`);
  await ready(page);
  const status = page.getByTestId('sim-status');
  await expect(status).toHaveText(/^not simulated · \d+ errors?$/);
  await expect(page.locator('.timeline-wrap .empty')).toHaveText(
    /^Not simulated · \d+ errors? \(see Problems\)$/,
  );

  await page.evaluate((text) => window.__podlab?.setYaml(text), LINKED);
  await expect(status).toHaveText(/^simulated /);
  await expect(status).toHaveAttribute('data-stale', 'false');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: 'Trace as JSON (podsim --json)' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.evaluate((text) => window.__podlab?.setYaml(text), BROKEN);
  await expect(status).toHaveAttribute('data-stale', 'true');
  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('menuitem', { name: /^Trace as JSON of the last valid run/ });
  await expect(item).toContainText(/the YAML now has \d+ errors?/);
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  expect(download.suggestedFilename()).toBe('broken.last-valid.trace.json');
});

test('an embed links to the playground on this host and leaves the visitor’s work alone', async ({
  page,
  baseURL,
}) => {
  const mine = await typedWork(page, `# before the embed ${Date.now()}`);
  const origin = new URL(baseURL ?? '').origin;
  await page.goto('about:blank');
  // A path that reads as another host when used alone as an href (`//other.host/`).
  await page.goto(`${origin}//other.host/?embed=1#example/crashloop-ladder`);
  await ready(page);
  const href = await page.getByRole('link', { name: /Open in playground/ }).getAttribute('href');
  expect(new URL(href ?? '', page.url()).origin).toBe(origin);
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
  await page.goto('about:blank');
  await page.goto('/');
  await ready(page);
  expect(await editorText(page)).toBe(mine);
});
