import { expect, test } from '@playwright/test';
import { openPlayground, selectInEditor, traceHash, watchPage } from './helpers.ts';

test.describe('playground', () => {
  test('opens on an example with its timeline drawn', async ({ page }) => {
    const w = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPlayground(page);
    await expect(page.getByRole('heading', { name: 'Podlab' })).toBeVisible();
    const svg = page.getByTestId('timeline-svg');
    await expect(svg).toBeVisible();
    expect(await svg.locator('rect.seg').count()).toBeGreaterThan(3);
    await expect(page.getByTestId('sim-status')).toHaveText(/simulated/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'e2e/artifacts/01-open-1280x720.png' });
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });

  test('typing a change redraws the timeline', async ({ page }) => {
    const w = watchPage(page);
    await openPlayground(page);
    const before = await traceHash(page);
    await selectInEditor(page, 'periodSeconds: 5');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-trace-hash', before);
    expect(await page.evaluate(() => window.__podlab?.getYaml())).toContain('periodSeconds: 2');
    expect(w.errors).toEqual([]);
  });

  test('moving the cursor changes the kubectl panel', async ({ page }) => {
    await openPlayground(page);
    const out = page.getByTestId('kubectl-output');
    await page.evaluate(() => window.__podlab?.setCursor(0.5));
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '0.5');
    const early = await out.textContent();
    await page.evaluate(() => window.__podlab?.setCursor(120));
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '120');
    await expect(out).not.toHaveText(early ?? '');
    // Clicking in the timeline moves the cursor too.
    const svg = page.getByTestId('timeline-svg');
    const box = await svg.boundingBox();
    if (!box) throw new Error('no timeline');
    await page.mouse.click(box.x + box.width * 0.5, box.y + 40);
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-cursor', '120');
    // Keyboard: step to the next event outside the editor.
    await page.evaluate(() => window.__podlab?.setCursor(0));
    await page.getByRole('button', { name: 'Fit whole run' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-cursor', '0');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.screenshot({ path: 'e2e/artifacts/03-help.png' });
    await page.keyboard.press('Escape');
  });

  test('schema and object-layer errors show as markers in Monaco', async ({ page }) => {
    const w = watchPage(page);
    await openPlayground(page);
    const hash = await traceHash(page);
    await selectInEditor(page, 'periodSeconds: 5');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('bogusField: 1');
    // One marker per problem, from Podlab's own validation (the YAML worker does not validate).
    await expect
      .poll(
        async () =>
          page.evaluate(() =>
            window.__podlab
              ?.getMarkers()
              .filter((m) => m.message.includes('bogusField'))
              .map((m) => m.owner),
          ),
        { timeout: 20_000 },
      )
      .toEqual(['podlab']);
    await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
    // The run is stale: the last valid trace stays on screen.
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-trace-hash', hash);
    await page.getByRole('tab', { name: /problems/ }).click();
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('bogusField');
    await page.screenshot({ path: 'e2e/artifacts/04-schema-error.png' });
    expect(w.errors).toEqual([]);
  });

  test("a pasted yaml-language-server modeline keeps Podlab's schema", async ({ page }) => {
    const w = watchPage(page);
    await openPlayground(page);
    await page.evaluate(() =>
      window.__podlab?.setYaml(
        [
          '# yaml-language-server: $schema=https://example.com/schemas/pod.json',
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: web',
          'spec:',
          '  terminationGracePeriodSeconds: 5',
          '  containers:',
          '  - name: app',
          '    image: nginx',
          '',
        ].join('\n'),
      ),
    );
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toContain('terminationGracePeriodSeconds');
    // Hovering a field shows Podlab's schema docs (the modeline's URL is never fetched).
    await selectInEditor(page, 'terminationGracePeriodSeconds');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    await expect(page.locator('.monaco-hover').first()).toContainText(/grace/i, {
      timeout: 20_000,
    });
    await expect(page.locator('.monaco-hover').first()).not.toContainText('Source:');
    await page.screenshot({ path: 'e2e/artifacts/15-hover-schema-docs.png' });
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('an exec action is written into the YAML and changes the trace', async ({ page }) => {
    const w = watchPage(page);
    await openPlayground(page);
    const before = await traceHash(page);
    await page.evaluate(() => window.__podlab?.setCursor(20));
    await page.getByRole('tab', { name: 'act' }).click();
    const input = page.getByRole('textbox', { name: 'Exec command' });
    await input.fill('rm -f /tmp/healthy');
    await input.press('Enter');
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toContain('kind: Scenario');
    const yaml = (await page.evaluate(() => window.__podlab?.getYaml())) ?? '';
    expect(yaml).toMatch(
      /- at: 20s\n\s+exec: \{ pod: liveness-exec, container: liveness, command: rm -f \/tmp\/healthy \}/,
    );
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-trace-hash', before);
    await page.screenshot({ path: 'e2e/artifacts/05-exec-action.png' });
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
  });

  test('hovering a mark explains why; clicking it moves the cursor and highlights its field', async ({
    page,
  }) => {
    const w = watchPage(page);
    await openPlayground(page);
    const svg = page.getByTestId('timeline-svg');
    const box = await svg.boundingBox();
    const label = await page.locator('.tl-label-container', { hasText: 'liveness' }).boundingBox();
    if (!box || !label) throw new Error('no timeline');
    const until = await page.evaluate(() => {
      const m = /\/ (\S+)/.exec(
        document.querySelector('[data-testid="cursor-time"]')?.textContent ?? '',
      );
      return m?.[1] ?? '';
    });
    expect(until).toBe('9m');
    // The kubelet's SIGTERM after the third failed liveness probe (45 s).
    const x = box.x + (box.width * 45) / 540;
    const y = label.y + label.height / 2;
    await page.mouse.move(x, y);
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText('SIGTERM');
    await expect(tip).toContainText('why:');
    await page.screenshot({ path: 'e2e/artifacts/06-tooltip-why.png' });
    await page.mouse.click(x, y);
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '45');
    await expect(page.locator('.monaco-editor .podlab-highlight').first()).toBeVisible();
    await page.screenshot({ path: 'e2e/artifacts/07-click-highlights-field.png' });
    expect(w.errors).toEqual([]);
  });

  test('deleting the pod and killing its container from the Act panel', async ({ page }) => {
    const w = watchPage(page);
    await openPlayground(page);
    await page.getByRole('tab', { name: 'act' }).click();
    await page.getByRole('textbox', { name: 'Jump to time' }).fill('1m');
    await page.getByRole('textbox', { name: 'Jump to time' }).press('Enter');
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '60');
    const before = await traceHash(page);
    await page.getByRole('combobox', { name: 'Kill with' }).selectOption('exit');
    await page.getByRole('spinbutton', { name: 'Exit code' }).fill('3');
    await page.getByRole('button', { name: 'Kill container' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toContain('kill: { pod: liveness-exec, container: liveness, exitCode: 3 }');
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-trace-hash', before);
    await page.evaluate(() => window.__podlab?.setCursor(100));
    await page.getByRole('spinbutton', { name: 'Grace period seconds' }).fill('5');
    await page.getByRole('button', { name: 'Delete pod' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toMatch(
        /- at: 1m\n\s+kill: .*\n\s+- at: 1m40s\n\s+delete: \{ kind: Pod, name: liveness-exec, gracePeriodSeconds: 5 \}/,
      );
    await page.getByRole('tab', { name: 'get pods' }).click();
    await page.evaluate(() => window.__podlab?.setCursor(200));
    await expect(page.getByTestId('kubectl-output')).toContainText('No resources found');
    await page.screenshot({ path: 'e2e/artifacts/08-after-delete.png' });
    expect(w.errors).toEqual([]);
  });

  test('a debug container from the Act panel shares the target container’s processes', async ({
    page,
  }) => {
    const w = watchPage(page);
    await openPlayground(page);
    await page.getByRole('tab', { name: 'act' }).click();
    await page.getByRole('textbox', { name: 'Jump to time' }).fill('20s');
    await page.getByRole('textbox', { name: 'Jump to time' }).press('Enter');
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-cursor', '20');
    await page.getByRole('button', { name: 'Debug container' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toContain('debug: { pod: liveness-exec, image: busybox:1.36, target: liveness }');
    await page.getByRole('tab', { name: 'describe' }).click();
    await page.evaluate(() => window.__podlab?.setCursor(40));
    const out = page.getByTestId('describe-output');
    await expect(out).toContainText('Ephemeral Containers:');
    await expect(out).toContainText(/Started container debugger-[a-z0-9]{5}/);
    // Not counted as a container of the pod: READY stays 1/1.
    await page.getByRole('tab', { name: 'get pods' }).click();
    await expect(page.getByTestId('kubectl-output')).toContainText(
      /liveness-exec\s+1\/1\s+Running/,
    );
    await page.getByRole('tab', { name: 'describe' }).click();
    await page.screenshot({ path: 'e2e/artifacts/08b-debug-container.png' });
    expect(w.errors).toEqual([]);
  });

  test('follows the system colour scheme and remembers the toggle', async ({ page }) => {
    const w = watchPage(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPlayground(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('.monaco-editor.vs')).toBeVisible();
    await page.reload();
    await expect(page.locator('.app[data-editor-ready="true"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(w.errors).toEqual([]);
  });

  test('every control has an accessible name, in every panel', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPlayground(page);
    const tabs = [
      'get pods',
      'describe',
      'status YAML',
      'endpointslices',
      'logs',
      'statechart',
      'act',
      'problems',
    ];
    const unnamed: string[] = [];
    for (const name of tabs) {
      await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
      await expect(page.getByRole('tabpanel')).not.toContainText('Loading…');
      const missing = await page.evaluate(() =>
        [...document.querySelectorAll('button, input, select, textarea, a[href], [role="tab"]')]
          .filter((el) => !el.closest('[aria-hidden="true"]'))
          .filter((el) => {
            const h = el as HTMLInputElement;
            const named =
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              (h.labels && h.labels.length > 0) ||
              el.textContent?.trim() ||
              el.getAttribute('title');
            return !named && (el as HTMLElement).offsetParent !== null;
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      unnamed.push(...missing.map((m) => `${name}: ${m}`));
    }
    expect(unnamed).toEqual([]);
  });

  test('setting a readiness gate from the Act panel takes the pod out of the Service', async ({
    page,
  }) => {
    const w = watchPage(page);
    await openPlayground(page, '/#example/readiness-gate');
    await page.evaluate(() => window.__podlab?.setCursor(60));
    await page.getByRole('tab', { name: 'act' }).click();
    await expect(page.getByLabel('Readiness gate condition type')).toHaveValue(
      'www.example.com/feature-1',
    );
    await page.getByRole('combobox', { name: 'Condition status' }).selectOption('False');
    const before = await traceHash(page);
    await page.getByRole('button', { name: 'Set condition' }).click();
    await expect
      .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
      .toContain('setCondition: { pod: centos, type: www.example.com/feature-1, status: "False" }');
    await expect(page.getByTestId('sim-status')).not.toHaveAttribute('data-trace-hash', before);
    await page.evaluate(() => window.__podlab?.setCursor(90));
    await page.getByRole('tab', { name: 'get pods' }).click();
    await expect(page.getByTestId('kubectl-output')).toContainText('centos');
    await page.getByRole('tab', { name: 'endpointslices' }).click();
    await page.screenshot({ path: 'e2e/artifacts/14-readiness-gate.png' });
    expect(w.errors).toEqual([]);
  });
});
