import { expect, test } from '@playwright/test';
import { openPlayground, watchPage } from './helpers.ts';

/** The rollout traffic example: the Service's requests row shows which seconds failed, and why. */
test('a rollout that drops requests shows them on the requests row', async ({ page }) => {
  const w = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(page, '/#example/rollout-drops-requests');
  const label = page.locator('.tl-label-traffic').first();
  await expect(label).toHaveText(/requests/);
  await label.scrollIntoViewIfNeeded();
  const plot = await page.getByTestId('timeline-svg').boundingBox();
  const row = await label.boundingBox();
  if (!plot || !row) throw new Error('no timeline');
  // The run is 60 s wide: 22.5 s is inside the first failing second.
  await page.mouse.move(plot.x + (plot.width * 22.5) / 60, row.y + row.height / 2);
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('10 failed');
  await expect(tip).toContainText('10 of 30 requests failed: 10 connection refused (pod web-');
  await expect(tip).toContainText('kube-proxy applies an EndpointSlice change 1 s late');
  await page.screenshot({ path: 'e2e/artifacts/22-rollout-drops-requests.png' });
  await page.goto('/#example/rollout-prestop-sleep');
  await page.waitForTimeout(800);
  await expect(page.locator('.tl-traffic .seg.tone-terminated-bad')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/23-rollout-prestop-sleep.png' });
  expect(w.errors).toEqual([]);
});
