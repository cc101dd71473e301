/** `main` in-process (no spawn): flags and their bounds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_TIMEOUT_MS } from '../ui/worker/useSimulation.ts';
import { DEFAULT_MAX_WALL_S } from './main.ts';
import { runMain } from './testIO.ts';
import { USAGE } from './usage.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: nginx}]
`;

describe('podsim --until / --at are bounded like spec.until (24h)', () => {
  const TOO_LONG = 'must be at most 24h: the simulator runs at most 24h of simulated time';
  it.each([
    [['run', 'pod.yaml', '--until', '100000h'], `podsim: invalid --until "100000h": ${TOO_LONG}`],
    [['get', 'pods', 'pod.yaml', '--at', '25h'], `podsim: invalid --at "25h": ${TOO_LONG}`],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runMain(argv, { 'pod.yaml': POD });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(message);
  });

  it('a Scenario with until: 100000h is an error at its line (exit 1), nothing simulated', async () => {
    const text = `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  until: 100000h\n---\n${POD}`;
    const r = await runMain(['run', 's.yaml'], { 's.yaml': text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `s.yaml:5:10: error: spec.until: Invalid value: "100000h": ${TOO_LONG}\n`,
    );
  });
});

describe('podsim --max-wall: a wall-clock budget like the page, a truthful stop', () => {
  const BUSY = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: busy}
spec:
  until: 24h
---
apiVersion: v1
kind: Pod
metadata: {name: busy}
spec:
  containers:
  - name: app
    image: busybox
    command: [sh, -c, 'while true; do sleep 0.001; done']
`;

  // The engine is imported on first use: load it before timing a run.
  beforeAll(() => import('../sim/index.ts'));

  it('defaults to the page run timeout (one constant)', () => {
    expect(DEFAULT_MAX_WALL_S * 1000).toBe(RUN_TIMEOUT_MS);
    expect(USAGE).toContain(`--max-wall SECONDS`);
    expect(USAGE).toContain(`default ${DEFAULT_MAX_WALL_S}`);
  });

  it.each([
    [['run', 'busy.yaml', '--max-wall', '0.3'], /^\s+T\s+NAME\s+READY/],
    [['get', 'pods', 'busy.yaml', '--max-wall', '0.3'], /^NAME\s+READY\s+STATUS/],
  ])('%j stops after 0.3 s with the time reached, prints that far, exits 3', async (argv, out) => {
    const t0 = performance.now();
    const r = await runMain(argv, { 'busy.yaml': BUSY });
    const wall = performance.now() - t0;
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(out);
    const m =
      /^busy\.yaml: error: simulation stopped at t=([\d.]+)s of 86400s: after 0\.3 s of wall time \(--max-wall\)$/m.exec(
        r.stderr,
      );
    expect(m, r.stderr).not.toBeNull();
    const reached = Number(m?.[1]);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(86400);
    // The 24h run would take minutes; the budget plus one slice and the output is well under 5 s.
    expect(wall).toBeLessThan(5000);
  });

  it.each([['0'], ['0.0'], ['soon']])('--max-wall %s is a usage error', async (v) => {
    const r = await runMain(['run', 'pod.yaml', '--max-wall', v], { 'pod.yaml': POD });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      `podsim: invalid --max-wall "${v}": use a number of seconds greater than 0`,
    );
  });
});

describe('podsim get nodes / describe node', () => {
  const files = { 'pod.yaml': POD };

  it.each<[string, string[], number, string]>([
    [
      'get nodes: the implicit node',
      ['get', 'nodes', 'pod.yaml', '--at', '45s'],
      0,
      'NAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   45s   v1.32.0\n',
    ],
    [
      'describe node: its pod',
      ['describe', 'node', 'node-1', 'pod.yaml', '--at', '45s'],
      0,
      'default                     web ',
    ],
    ['describe node: unknown', ['describe', 'node', 'node-9', 'pod.yaml'], 1, ''],
  ])('%s', async (_n, argv, code, out) => {
    const r = await runMain(argv, files);
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(out);
    if (code === 1)
      expect(r.stderr).toBe('Error from server (NotFound): nodes "node-9" not found\n');
  });

  it('rejects get nodes -o yaml as a usage error', async () => {
    const r = await runMain(['get', 'nodes', 'pod.yaml', '-o', 'yaml'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unsupported output format "yaml" (use wide)');
  });
});

describe('podsim describe job', () => {
  const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: busybox, command: [sh, -c, 'sleep 2']}]
`;
  const files = { 'job.yaml': JOB };

  it.each([['job'], ['jobs']])('describe %s NAME: JobDescriber', async (resource) => {
    const r = await runMain(['describe', resource, 'pi', 'job.yaml', '--at', '30s'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Name:\s+pi\nNamespace:\s+default\nSelector:\s+batch\.kubernetes\.io\/controller-uid=/,
    );
    expect(r.stdout).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n');
  });

  it('an unknown Job: NotFound, exit 1', async () => {
    const r = await runMain(['describe', 'job', 'nope', 'job.yaml'], files);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): jobs.batch "nope" not found\n');
  });
});
