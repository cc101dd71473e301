/**
 * Share links in real Chromium: a copied link opened in a fresh browser shows the same run (same
 * trace hash) at the same moment; damaged links say so and keep the user's own scenario.
 * Needs the page to mount app/ui/share (readInitialState, ShareButton, InitialNotice, useAutosave).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { waitForAutosave } from './helpers.ts';

const CRASH = readFileSync(
  new URL('../app/scenario/examples/19-crashloop-ladder.yaml', import.meta.url),
  'utf8',
);

async function ready(page: Page) {
  await page.waitForFunction(() => window.__podlab?.editorReady === true);
}

async function settledHash(page: Page): Promise<string> {
  const status = page.getByTestId('sim-status');
  await expect(status).toHaveAttribute('data-trace-hash', /.+/);
  await expect(status).toHaveAttribute('data-stale', 'false');
  return (await status.getAttribute('data-trace-hash')) ?? '';
}

test('a copied link opens the same run at the same moment in a fresh browser', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await ready(page);
  await page.evaluate((text) => window.__podlab?.setYaml(text), CRASH);
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(CRASH);
  const hash = await settledHash(page);
  await page.evaluate(() => window.__podlab?.setCursor(45));
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '45');

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText('The scenario lives only in this link; nothing is uploaded.'),
  ).toBeVisible();
  const url = await dialog.getByLabel('Share link').inputValue();
  expect(url).toMatch(/^http:\/\/[^/]+\/#s=1\.[\w-]+$/);
  expect(url.length).toBeLessThan(2000);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(dialog.getByLabel('Embed in a page')).toHaveValue(
    /^<iframe src="http:\/\/[^/]+\/\?embed=1&amp;t=45#s=1\./,
  );

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await ready(other);
  expect(await other.evaluate(() => window.__podlab?.getYaml())).toBe(CRASH);
  expect(await settledHash(other)).toBe(hash);
  await expect(other.getByTestId('sim-status')).toHaveAttribute('data-cursor', '45');
  await fresh.close();
});

test('a damaged link shows why and keeps the editor content', async ({ page }) => {
  const mine = `${CRASH}# my own edit\n`;
  await page.goto('/');
  await ready(page);
  await page.evaluate((text) => window.__podlab?.setYaml(text), mine);
  await waitForAutosave(page, mine);
  const good = await (async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    const v = await page.getByLabel('Share link').inputValue();
    await page.getByRole('button', { name: 'Close' }).click();
    return v;
  })();

  await page.goto('about:blank');
  await page.goto(good.slice(0, good.length - 25)); // cut off, as chat apps do
  await ready(page);
  const alert = page.getByTestId('link-error');
  await expect(alert).toContainText('This link is damaged');
  await expect(alert).toContainText('Your own scenario was kept.');
  expect(await page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);

  await page.goto('about:blank');
  await page.goto('/#s=3.AAAA');
  await ready(page);
  await expect(page.getByTestId('link-error')).toContainText('made by a newer Podlab (format 3)');
  expect(await page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);
});

test('opening a link over unsaved work offers to restore it', async ({ page }) => {
  const mine = `${CRASH}# work in progress\n`;
  await page.goto('/');
  await ready(page);
  await page.evaluate((text) => window.__podlab?.setYaml(text), mine);
  await waitForAutosave(page, mine);
  await page.goto('about:blank');
  await page.goto('/#example/restart-policies');
  await ready(page);
  const notice = page.getByTestId('restore-notice');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);
});

test('?t= in an embed link sets the cursor', async ({ page }) => {
  await page.goto('/?embed=1&t=30#example/crashloop-ladder');
  await ready(page);
  await settledHash(page);
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '30');
});

test('download the scenario, open a file, and undo the open', async ({ page }) => {
  await page.goto('/#example/crashloop-ladder');
  await ready(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download scenario (.yaml)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('crashloop-ladder.yaml');
  expect(readFileSync(await download.path(), 'utf8')).toBe(CRASH);

  const other =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-file\nspec:\n  containers:\n    - name: c\n      image: busybox:1.28\n';
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Open file…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'from-file.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(other),
  });
  await expect(dialog.getByRole('status')).toContainText('Opened from-file.yaml.');
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(other);
  await dialog.getByRole('button', { name: 'Undo: back to my scenario' }).click();
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(CRASH);
});

test('a link pasted into the address bar of an open page opens without a reload', async ({
  page,
}) => {
  const mine = `${CRASH}# typed here\n`;
  await page.goto('/');
  await ready(page);
  await page.evaluate((text) => window.__podlab?.setYaml(text), mine);
  await waitForAutosave(page, mine);
  await page.evaluate(() => {
    window.location.hash = 's=1.AAAA';
  });
  await expect(page.getByTestId('link-error')).toContainText('This link is damaged');
  expect(await page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);

  await page.evaluate(() => {
    window.location.hash = 'example/restart-policies';
  });
  await expect
    .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
    .toContain('name: never-exit1');
  const notice = page.getByTestId('restore-notice');
  await notice.getByRole('button', { name: 'Restore your previous text' }).click();
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);
});
