import { expect, type Page } from '@playwright/test';

/** Records console errors, page errors and any request that leaves 127.0.0.1. */
export function watchPage(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url)) external.push(url);
  });
  return { errors, external };
}

export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.app[data-editor-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-trace-hash', /^[0-9a-f]{8}$/);
}

export async function traceHash(page: Page): Promise<string> {
  return (await page.getByTestId('sim-status').getAttribute('data-trace-hash')) ?? '';
}

/** Selects the first occurrence of `needle` in the editor (1-based positions via window.__podlab). */
export async function selectInEditor(page: Page, needle: string): Promise<void> {
  await page.evaluate((n) => {
    const api = window.__podlab;
    if (!api) throw new Error('no __podlab');
    const lines = api.getYaml().split('\n');
    const i = lines.findIndex((l) => l.includes(n));
    if (i < 0) throw new Error(`${n} not in the editor`);
    const col = (lines[i] ?? '').indexOf(n) + 1;
    api.select(i + 1, col, i + 1, col + n.length);
  }, needle);
}

/** The autosaved text (app/ui/share/autosave.ts record), or '' when there is none. */
export function autosavedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('podlab.autosave.v2');
    if (!raw) return '';
    const record = JSON.parse(raw) as { yaml?: unknown };
    return typeof record.yaml === 'string' ? record.yaml : '';
  });
}

/**
 * Waits until the autosave holds exactly `text` (or, with `partial`, contains it). Polled every
 * animation frame in the page, so it returns as soon as the write is observable.
 */
export async function waitForAutosave(page: Page, text: string, partial = false): Promise<void> {
  await page.waitForFunction(
    ([want, part]) => {
      const raw = window.localStorage.getItem('podlab.autosave.v2');
      if (!raw) return false;
      const record = JSON.parse(raw) as { yaml?: unknown };
      if (typeof record.yaml !== 'string') return false;
      return part ? record.yaml.includes(want) : record.yaml === want;
    },
    [text, partial] as const,
  );
}
