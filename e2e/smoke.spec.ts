import { test, expect } from '@playwright/test';

test('the page loads with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Podlab' })).toBeVisible();
  expect(errors).toEqual([]);
});
