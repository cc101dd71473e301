/** End-to-end: spawn the real `podsim` process (each spawn costs ~1 s, so few of them). */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, 'podsim.mjs');
const ENGINE = existsSync(join(import.meta.dirname, '../sim/index.ts'));
const dir = mkdtempSync(join(tmpdir(), 'podsim-'));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels:
    test: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe('podsim process', () => {
  it('exits 2 with the usage text on a usage error', () => {
    const r = spawnSync('node', [CLI, 'get', 'cronjobs', 'x.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('podsim: unknown resource "cronjobs"');
    expect(r.stderr).toContain('Usage: podsim COMMAND');
  });

  it('exits 1 with FILE:LINE:COL diagnostics on invalid input', () => {
    const file = write('bad.yaml', LIVENESS.replace('    image:', '    imagee:'));
    const r = spawnSync('node', [CLI, 'run', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+: error: `, 'm'));
    expect(r.stderr).toContain('imagee');
  });

  it.runIf(ENGINE)('runs a scenario from a share link: get pods and run --json', () => {
    const file = write('liveness.yaml', LIVENESS);
    const fragment = execFileSync('node', [CLI, 'link', file, '--at', '45s'], {
      encoding: 'utf8',
    }).trim();
    expect(fragment).toMatch(/^#s=1\./);
    const table = execFileSync('node', [CLI, 'get', 'pods', `https://podlab.example/${fragment}`], {
      encoding: 'utf8',
    });
    expect(table).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nliveness-exec\s+1\/1\s+Running\s+0\s+45s\n$/,
    );
    const json = JSON.parse(
      execFileSync(
        'npm',
        ['run', '--silent', 'podsim', '--', 'run', file, '--json', '--until', '3m'],
        {
          encoding: 'utf8',
        },
      ),
    ) as { until: number; pods: Record<string, { rows: { restarts: number }[] }> };
    expect(json.until).toBe(180);
    expect(json.pods['liveness-exec']?.rows.at(-1)?.restarts).toBeGreaterThanOrEqual(1);
  });
});
