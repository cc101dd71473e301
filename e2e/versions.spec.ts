import { test, expect } from '@playwright/test';
import { openPlayground, traceHash, watchPage } from './helpers.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    lifecycle:
      preStop:
        sleep: {seconds: 0}
`;

test('the version selector writes spec.kubernetesVersion and the run follows it', async ({
  page,
}) => {
  const watch = watchPage(page);
  await openPlayground(page);
  await page.evaluate((t) => window.__podlab?.setYaml(t), POD);
  const select = page.getByLabel('Kubernetes version');
  await expect(select).toHaveValue('');
  await expect(select.locator('option').first()).toHaveText('1.36 (default)');
  const before = await traceHash(page);

  // 1.31 refuses sleep: 0; the user's text is kept and a Scenario document is added after it.
  await select.selectOption('1.31');
  await expect
    .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
    .toBe(
      `${POD}---\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata:\n  name: playground\nspec:\n  kubernetesVersion: "1.31"\n`,
    );
  await expect(select).toHaveValue('1.31');
  await expect
    .poll(() => page.evaluate(() => (window.__podlab?.getMarkers() ?? []).map((m) => m.message)))
    .toContain(
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    );

  // Back to 1.36: the value is replaced in place and the pod runs again.
  await select.selectOption('1.36');
  await expect
    .poll(() => page.evaluate(() => window.__podlab?.getYaml()))
    .toContain('  kubernetesVersion: "1.36"\n');
  await expect.poll(() => traceHash(page)).not.toBe(before);
  expect(watch.errors).toEqual([]);
  expect(watch.external).toEqual([]);
});
