/**
 * The Export menu in real Chromium: the trace JSON is byte-for-byte what Node computes
 * (`podsim --json`), the timeline exports as a standalone SVG and a PNG, and the kubectl replay
 * script is a shell script.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';

const FILE = fileURLToPath(
  new URL('../app/scenario/examples/19-crashloop-ladder.yaml', import.meta.url),
);
const PODSIM = fileURLToPath(new URL('../app/cli/podsim.mjs', import.meta.url));

async function exportItem(page: Page, name: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name }).click(),
  ]);
  const path = await download.path();
  return readFileSync(path);
}

test('exports the trace, the timeline and a replay script', async ({ page }) => {
  await page.goto('/#example/crashloop-ladder');
  await page.waitForFunction(() => window.__podlab?.editorReady === true);
  const status = page.getByTestId('sim-status');
  await expect(status).toHaveAttribute('data-trace-hash', /.+/);
  await expect(status).toHaveAttribute('data-stale', 'false');
  await expect(page.locator('svg[data-testid="timeline-svg"]')).toBeVisible();

  const json = JSON.parse(
    (await exportItem(page, 'Trace as JSON (podsim --json)')).toString('utf8'),
  ) as unknown;
  const cli = execFileSync('node', [PODSIM, 'run', FILE, '--json'], { encoding: 'utf8' });
  expect(json).toEqual(JSON.parse(cli));

  const svg = (await exportItem(page, 'Timeline as SVG')).toString('utf8');
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toMatch(/fill:\s*rgb/); // computed styles are inlined

  const png = await exportItem(page, 'Timeline as PNG');
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.length).toBeGreaterThan(2000);

  const script = (await exportItem(page, 'kubectl script to replay on a cluster (.sh)')).toString(
    'utf8',
  );
  expect(script.startsWith('#!/bin/sh\n')).toBe(true);
  expect(script).toContain("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod");
  expect(script).toContain('kubectl get pods -w &');
});

test('the Export menu works from the keyboard and closes on Escape or a click outside', async ({
  page,
}) => {
  await page.goto('/#example/crashloop-ladder');
  await page.waitForFunction(() => window.__podlab?.editorReady === true);
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-trace-hash', /.+/);
  const summary = page.getByRole('button', { name: 'Export' });
  await summary.focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('menuitem', { name: 'Trace as JSON (podsim --json)' });
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Timeline as SVG' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(
    page.getByRole('menuitem', { name: 'kubectl script to replay on a cluster (.sh)' }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(first).toBeHidden();
  await expect(summary).toBeFocused();
  await summary.click();
  await expect(first).toBeVisible();
  await page.getByRole('heading', { name: 'Podlab' }).click();
  await expect(first).toBeHidden();
});
