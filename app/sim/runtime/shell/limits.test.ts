/**
 * Resource limits of the simulated shell (issue 13, build item 1), through the whole engine: each
 * hostile script in a container command or an exec probe ends the way a real process would (a
 * segfault's 139, the shell's `out of memory` or `can't fork` error, or a throttled busy loop), the
 * run finishes in wall-clock and heap bounds, and a healthy pod beside it keeps its exact trace.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { TraceRecord } from '../../trace/types.ts';
import { TraceQuery } from '../../testing/scenario.ts';

const GOOD = `apiVersion: v1
kind: Pod
metadata: { name: good }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, 'echo hello; i=0; while [ $i -lt 3 ]; do echo tick $i; i=$((i+1)); sleep 2; done; exit 3']
`;

const yamlString = (s: string) => JSON.stringify(s);

const badPod = (cmd: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, ${yamlString(cmd)}]
`;

const probePod = (cmd: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, 'sleep 3600']
    livenessProbe:
      exec: { command: [sh, -c, ${yamlString(cmd)}] }
      periodSeconds: 5
      failureThreshold: 1
`;

const hookPod = (cmd: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, 'sleep 3600']
    lifecycle:
      postStart:
        exec: { command: [sh, -c, ${yamlString(cmd)}] }
`;

const scenario = (until: number) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: limits }
spec:
  until: ${until}s
---
`;

/** Deeply nested parentheses in $(( )), built by the script itself. */
const DEEP_ARITH =
  'o=; c=; i=0; while [ $i -lt 1500 ]; do o="($o"; c="$c)"; i=$((i+1)); done; echo $(( ${o}1$c ))';

interface Row {
  name: string;
  pod: string;
  until: number;
  /** The bad container's last state summary (`terminated:Error(139)`, `running`). */
  state: string;
  /** A line the bad container logs, or a diagnostic substring. */
  log?: string;
  diag?: RegExp;
  /** For probe rows: the probe fails and the kubelet kills the container. */
  probeFails?: boolean;
  /** For hook rows: the kubelet reports FailedPostStartHook. */
  hookFails?: boolean;
  /** The YAML field the limit's diagnostic points at. */
  diagPath?: string;
  /** No limit was reached: no diagnostic about the bad pod at all. */
  noDiag?: boolean;
}

const rows: Row[] = [
  {
    name: 'recursive function: the shell segfaults',
    pod: badPod('f() { f; }; f'),
    until: 30,
    state: 'terminated:Error(139)',
    diag: /call depth|stack/i,
  },
  {
    name: 'recursive function through a background job: PID 1 returns at once',
    pod: badPod('f() { f & }; f; echo main done'),
    until: 30,
    state: 'terminated:Completed(0)',
    log: 'main done',
  },
  {
    name: 'recursive function through a pipeline: a busy fork bomb, still running',
    pod: badPod('f() { f | f; }; f'),
    until: 30,
    state: 'running',
  },
  {
    name: 'recursive eval: the shell segfaults',
    pod: badPod(`x='eval "$x"'; eval "$x"`),
    until: 30,
    state: 'terminated:Error(139)',
  },
  {
    name: 'recursion through command substitution: the innermost subshell segfaults',
    pod: badPod('f() { echo $(f); }; f; echo after $?'),
    until: 30,
    state: 'terminated:Completed(0)',
    log: 'after 0',
  },
  {
    name: 'printf with a huge width: out of memory',
    pod: badPod('printf "%0999999999d" 1'),
    until: 30,
    state: 'terminated:Error(2)',
    log: 'sh: out of memory',
  },
  {
    name: 'dash (debian) fails with its own message: Out of space',
    pod: badPod('x=a; while true; do x=$x$x; done').replace('busybox:1.36', 'debian:12'),
    until: 30,
    state: 'terminated:Error(2)',
    log: 'sh: 1: Out of space',
  },
  {
    name: 'doubling a variable forever: out of memory',
    pod: badPod('x=a; while true; do x=$x$x; done'),
    until: 30,
    state: 'terminated:Error(2)',
    log: 'sh: out of memory',
  },
  {
    name: 'a file doubled in a loop: writes fail as on a full disk, no crash',
    pod: badPod('echo a > /tmp/f; while true; do cat /tmp/f >> /tmp/f; done'),
    until: 30,
    state: 'running',
    diag: /without letting time pass/,
  },
  {
    name: 'command substitution of seq in a 1 ms loop: throttled by the CPU budget',
    pod: badPod('while true; do echo $(seq 1 1000); sleep 0.001; done'),
    until: 600,
    state: 'running',
  },
  {
    name: 'the same loop without sleep: throttled, simulated time passes',
    pod: badPod('while true; do echo $(seq 1 1000); done'),
    until: 600,
    state: 'running',
    diag: /CPU model/,
  },
  {
    name: 'a loop of cheap commands without sleep: a busy loop, interpreting stops',
    pod: badPod('while :; do i=$((i+1)); done'),
    until: 600,
    state: 'running',
    diag: /without letting time pass/,
  },
  {
    name: 'background sleeps every millisecond: fork fails at the process limit',
    pod: badPod('while true; do sleep 100 & sleep 0.001; done'),
    until: 30,
    state: 'terminated:Error(2)',
    log: "sh: can't fork",
  },
  {
    name: 'deeply nested arithmetic: an error, not a crash',
    pod: badPod(DEEP_ARITH),
    until: 30,
    state: 'terminated:Error(2)',
    log: 'sh: expression recursion level exceeded',
    diag: /nests more than \d+ levels/,
  },
  {
    name: 'recursion of ordinary depth still works',
    pod: badPod(
      'f() { if [ $1 -gt 0 ]; then f $(($1-1)); else echo bottom; fi; }; f 40; echo ok $?',
    ),
    until: 30,
    state: 'terminated:Completed(0)',
    log: 'ok 0',
    noDiag: true,
  },
  {
    name: 'recursive eval without functions: the depth limit, not the JS stack',
    pod: badPod(`x='n=$((n+1)); eval "$x"'; eval "$x"`),
    until: 30,
    state: 'terminated:Error(139)',
    diag: /more than \d+ deep/,
  },
  {
    name: 'recursion through nested loops and case: the depth limit, not the JS stack',
    pod: badPod(
      'f() { if true; then while true; do for x in 1; do case a in a) f;; esac; done; done; fi; }; f',
    ),
    until: 30,
    state: 'terminated:Error(139)',
    diag: /more than \d+ deep/,
  },
  {
    name: 'a script nested too deep for the parser: the process crashes, not the run',
    pod: badPod('('.repeat(5000) + 'echo hi' + ')'.repeat(5000)),
    until: 30,
    state: 'terminated:Error(139)',
    diag: /crashed in Podlab's interpreter/,
  },
  {
    name: 'printf with a huge precision: out of memory',
    pod: badPod('printf "%.999999999f" 1'),
    until: 30,
    state: 'terminated:Error(2)',
    log: 'sh: out of memory',
  },
  {
    name: 'background jobs that finish at once, every millisecond: reaped, memory bounded',
    pod: badPod('while true; do true & sleep 0.001; done'),
    until: 60,
    state: 'running',
  },
  {
    name: 'recursive function in a postStart hook: the hook fails, the container is killed',
    pod: hookPod('f() { f; }; f'),
    until: 30,
    // What the engine shows for any failed postStart hook (the same as for `exit 1`).
    state: 'waiting:ContainerCreating',
    hookFails: true,
    diagPath: 'spec.containers[0].lifecycle.postStart.exec.command',
  },
  {
    name: 'recursive function in an exec liveness probe: the probe fails, the container restarts',
    pod: probePod('f() { f; }; f'),
    until: 30,
    state: 'running',
    probeFails: true,
    diagPath: 'spec.containers[0].livenessProbe.exec.command',
  },
];

const goodRecords = (trace: TraceRecord[]) =>
  JSON.stringify(trace.filter((r) => 'pod' in r && r.pod === 'good'));

const baseline = (until: number) => goodRecords(simulateText(scenario(until) + GOOD).result.trace);

describe('shell resource limits through the engine', () => {
  it.each(rows)('$name', (row) => {
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const { result } = simulateText(scenario(row.until) + GOOD + row.pod);
    const wallMs = performance.now() - t0;
    const heapDelta = process.memoryUsage().heapUsed - heap0;
    expect(wallMs).toBeLessThan(5_000);
    expect(heapDelta).toBeLessThan(512 * 1024 * 1024);
    const q = new TraceQuery(result.trace, result.diagnostics);
    expect(q.states('bad', 'c').at(-1)?.[1]).toBe(row.state);
    if (row.log !== undefined) {
      const lines = q.of('log').filter((r) => r.pod === 'bad');
      expect(lines.map((r) => r.line).join('\n')).toContain(row.log);
    }
    const diags = result.diagnostics.map((d) => d.message).join('\n');
    if (row.diag) expect(diags).toMatch(row.diag);
    // A limit in limits.ts, not the JS stack, ends these (deterministic on every JS engine).
    if (row.diag && !/crashed/.test(row.diag.source)) expect(diags).not.toMatch(/crashed/);
    if (row.noDiag) expect(diags).toBe('');
    if (row.diagPath) {
      const d = result.diagnostics.find((x) => /more than \d+ deep/.test(x.message));
      expect(d?.path).toBe(row.diagPath);
      expect(d?.line).toBeGreaterThan(0);
    }
    if (row.hookFails) expect(q.events('bad', 'FailedPostStartHook').length).toBeGreaterThan(0);
    if (row.probeFails) {
      const fails = q.probes('bad', 'c', 'liveness').filter((p) => p.result !== 'success');
      expect(fails.length).toBeGreaterThan(0);
      expect(q.events('bad', 'Killing').length).toBeGreaterThan(0);
    }
    // The healthy pod beside it has exactly the trace it has alone.
    expect(goodRecords(result.trace)).toBe(baseline(row.until));
  });
});
