import { expect, test, type Page } from '@playwright/test';
import { openPlayground, watchPage } from './helpers.ts';

const inEditor = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
const focusText = (page: Page) => page.locator('#timeline-focus-text').innerText();

test.describe('keyboard only', () => {
  test('from page load to the third probe failure explained, and back to the editor', async ({
    page,
  }) => {
    const w = watchPage(page);
    await openPlayground(page);
    // Tab from the top of the page reaches the editor.
    for (let i = 0; i < 20 && !(await inEditor(page)); i++) await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(true);
    // Esc leaves the editor for the timeline.
    await page.keyboard.press('Escape');
    await expect(page.locator('#timeline-plot')).toBeFocused();
    // Walk the rows down to the probe row, then along it to the third failure.
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 12 && !/probe/.test(await focusText(page)); i++)
      await page.keyboard.press('ArrowDown');
    expect(await focusText(page)).toMatch(/probe/);
    await page.keyboard.press('Home');
    let failures = /probe failure/.test(await focusText(page)) ? 1 : 0;
    for (let i = 0; i < 200 && failures < 3; i++) {
      await page.keyboard.press('ArrowRight');
      if (/probe failure/.test(await focusText(page))) failures++;
    }
    expect(failures).toBe(3);
    await expect(page.getByTestId('timeline-focus')).toBeVisible();
    // Enter explains it; the cause is highlighted in the YAML.
    await page.keyboard.press('Enter');
    const tip = page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(/probe failure/);
    await page.screenshot({ path: 'e2e/artifacts/keyboard-third-failure.png' });
    // Esc closes the explanation, a second Esc goes back to the editor.
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await page.keyboard.press('Escape');
    expect(await inEditor(page)).toBe(true);
    expect(w.errors).toEqual([]);
  });

  test('Enter after an automatic suggestion makes a new line; after Ctrl+Space it accepts', async ({
    page,
  }) => {
    await openPlayground(page);
    await page.evaluate(() => window.__podlab?.setYaml(''));
    await page.evaluate(() => window.__podlab?.setCursor(0));
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.type('apiVersion: v1', { delay: 90 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('kind: Pod', { delay: 90 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toBe('apiVersion: v1\nkind: Pod\n');
    // Ctrl+Space opens the list deliberately: Enter takes the suggestion.
    await page.keyboard.type('meta', { delay: 90 });
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget.visible')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:/);
  });

  test('Ctrl+M makes Tab leave the editor', async ({ page }) => {
    await openPlayground(page);
    await page.locator('.monaco-editor').first().click();
    const before = await page.evaluate(() => window.__podlab?.getYaml());
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    expect(await page.evaluate(() => window.__podlab?.getYaml())).toBe(before);
  });

  test('the jump box takes the axis format and says what it accepts', async ({ page }) => {
    await openPlayground(page);
    const jump = page.getByRole('textbox', { name: 'Jump to time' });
    await jump.fill('1:30');
    await jump.press('Enter');
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '90');
    await jump.fill('soon');
    await jump.press('Enter');
    await expect(page.locator('#jump-error')).toContainText('1:30');
    await expect(jump).toHaveAttribute('aria-invalid', 'true');
  });
});
