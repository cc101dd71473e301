/**
 * The examples gallery in real Chromium: every bundled example opens from the gallery and runs with
 * no error diagnostics; opening one over the user's own work offers an undo.
 * Needs the page to mount <GalleryButton currentYaml onOpen> from app/ui/share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { metaName, parseExample, type Example } from '../app/scenario/exampleMeta.ts';
import { filterExamples } from '../app/ui/gallery/gallery.ts';

const DIR = new URL('../app/scenario/examples/', import.meta.url);
const EXAMPLES: Example[] = readdirSync(DIR)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((n) => {
    const r = parseExample(
      n,
      readFileSync(new URL(n, DIR), 'utf8'),
      readFileSync(new URL(metaName(n), DIR), 'utf8'),
    );
    if (!r.ok) throw new Error(r.error);
    return r.example;
  });

async function ready(page: Page) {
  await page.waitForFunction(() => window.__podlab?.editorReady === true);
}

async function openFromGallery(page: Page, e: Example) {
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: `Open example: ${e.title}` }).click();
  await expect(dialog).toBeHidden();
}

test('the gallery lists every example with what to watch', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog.getByTestId('gallery-item')).toHaveCount(EXAMPLES.length);
  // The dialog shows what the gallery's own filter keeps (two examples have sidecars since the Job one).
  const sidecars = filterExamples(EXAMPLES, 'sidecar');
  expect(sidecars.length).toBeGreaterThan(0);
  expect(sidecars.length).toBeLessThan(EXAMPLES.length);
  await dialog.getByLabel('Filter examples').fill('sidecar');
  await expect(dialog.getByTestId('gallery-item')).toHaveCount(sidecars.length);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

for (const e of EXAMPLES) {
  test(`example ${e.fileName} loads and simulates with no errors`, async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await openFromGallery(page, e);
    await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(e.yaml);
    const status = page.getByTestId('sim-status');
    await expect(status).toHaveAttribute('data-trace-hash', /.+/);
    await expect(status).toHaveAttribute('data-stale', 'false');
    // Monaco marker severity 8 = Error (monaco-yaml's schema markers and the simulator's).
    await expect
      .poll(async () =>
        (await page.evaluate(() => window.__podlab?.getMarkers() ?? []))
          .filter((m) => m.severity === 8)
          .map((m) => `${m.owner} line ${m.line}: ${m.message}`),
      )
      .toEqual([]);
    // The address bar names the untouched example (no payload until it is edited).
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#example/${e.slug}`);
  });
}

test('two pods named web in two namespaces are two timeline groups and two kubectl rows', async ({
  page,
}) => {
  const e = EXAMPLES.find((x) => x.slug === 'same-name-two-namespaces');
  if (!e) throw new Error('example 28 is missing');
  await page.goto('/');
  await ready(page);
  await openFromGallery(page, e);
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-stale', 'false');
  await expect(page.locator('.tl-label-group')).toHaveText([
    'pod/team-a/web',
    'pod/team-b/web',
    'service/team-a/web',
  ]);
  await page.getByRole('tab', { name: 'get pods' }).click();
  await page.evaluate(() => window.__podlab?.setCursor(30));
  const out = page.getByTestId('kubectl-output');
  await expect(out).toContainText('kubectl get pods -A');
  await expect(out).toContainText(/team-a\s+web\s+1\/1\s+Running/);
  await expect(out).toContainText(/team-b\s+web\s+0\/1\s+CrashLoopBackOff/);
  await page.getByRole('tab', { name: 'describe' }).click();
  await page.getByRole('combobox', { name: 'Pod' }).selectOption('team-b/web');
  await expect(page.getByTestId('describe-output')).toContainText(
    'kubectl describe pod web -n team-b',
  );
  await expect(page.getByTestId('describe-output')).toContainText(/Namespace:\s+team-b/);
});

test('opening an example over unsaved edits offers an undo', async ({ page }) => {
  const mine =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n    - name: c\n      image: busybox:1.28\n';
  await page.goto('/');
  await ready(page);
  await page.evaluate((text) => window.__podlab?.setYaml(text), mine);
  await openFromGallery(page, EXAMPLES[0]!);
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(EXAMPLES[0]!.yaml);
  await page.getByRole('button', { name: 'Undo: back to my scenario' }).click();
  await expect.poll(() => page.evaluate(() => window.__podlab?.getYaml())).toBe(mine);
});
