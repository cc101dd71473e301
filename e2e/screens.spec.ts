import { expect, test } from '@playwright/test';
import { openPlayground, watchPage } from './helpers.ts';

/** Screenshots of the page at a few moments, saved under e2e/artifacts/ for review. */
test('screenshots at a few moments', async ({ page }) => {
  const w = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  // Hover the third failed liveness probe (45 s): the tooltip counts the failures in a row.
  const plot = await page.getByTestId('timeline-svg').boundingBox();
  const lane = await page.locator('.tl-label-probes').first().boundingBox();
  if (!plot || !lane) throw new Error('no timeline');
  await page.mouse.move(plot.x + (plot.width * 45) / 540, lane.y + 4.5);
  await expect(page.getByRole('tooltip')).toContainText('3 failures in a row');
  await page.screenshot({ path: 'e2e/artifacts/09-probe-streak.png' });
  await page.evaluate(() => window.__podlab?.setCursor(80));
  await page.getByRole('tab', { name: 'describe' }).click();
  await page.screenshot({ path: 'e2e/artifacts/10-describe-80s.png' });

  // Hover a probe tick: the tooltip says why.
  const svg = page.getByTestId('timeline-svg');
  const box = await svg.boundingBox();
  if (!box) throw new Error('no timeline');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.evaluate(() => window.__podlab?.setCursor(45));
  await page.getByRole('tab', { name: 'statechart' }).click();
  await page.getByRole('combobox', { name: 'Statechart of' }).selectOption({ index: 1 });
  await page.mouse.move(box.x + box.width * 0.4, box.y + 190);
  await page.screenshot({ path: 'e2e/artifacts/11-zoom-statechart-45s.png' });

  // Dark theme, logs at 200 s, a CrashLoopBackOff example.
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.evaluate(() => window.__podlab?.setCursor(500));
  await page.getByRole('tab', { name: 'logs' }).click();
  await page.getByRole('button', { name: 'Fit whole run' }).click();
  await page.screenshot({ path: 'e2e/artifacts/12-dark-logs-500s.png' });
  await page.getByRole('tab', { name: 'endpointslices' }).click();
  await page.screenshot({ path: 'e2e/artifacts/13-dark-endpoints.png' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(w.errors).toEqual([]);
});

test('screenshot of a sidecar example and a large run', async ({ page }) => {
  const w = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, '/#example/native-sidecar');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e/artifacts/20-native-sidecar.png' });
  await page.goto('/#example/graceful-shutdown');
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'e2e/artifacts/21-graceful-shutdown.png' });
  expect(w.errors).toEqual([]);
});
