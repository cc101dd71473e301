/**
 * kubectl debug through the whole engine (reference cluster.md §5, E5.1–E5.3), on the bundled
 * example: the ephemeral container joins its target's PID namespace, counts in no READY or
 * RESTARTS, is started once and never restarted, and dies with its target's processes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTrace, simulateText } from '../index.ts';
import { toPodsimJson } from '../trace/podsimJson.ts';
import { getPodRows } from '../trace/podRows.ts';
import { createTraceIndex } from '../trace/traceIndex.ts';

const text = readFileSync(
  new URL('../../scenario/examples/33-kubectl-debug.yaml', import.meta.url),
  'utf8',
);
const { result } = simulateText(text);
const trace = expandTrace(result.trace);
const execs = trace.flatMap((r) => (r.type === 'exec' ? [r] : []));
const web = toPodsimJson(result).pods.web;

const scenario = (actions: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: d }
spec:
  until: 30s
  actions:
${actions}
---
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers: [{ name: init, image: busybox:1.36, command: ['true'] }]
  containers: [{ name: app, image: nginx:1.27 }]
`;

describe('debug: an ephemeral container', () => {
  it('with target, its ps sees the target: nginx is PID 1, no /pause', () => {
    // PID 7 went to the exec at 10s in app's namespace (nginx's image has no ps: exit 127).
    expect(execs[0]).toMatchObject({ exitCode: 127, output: 'sh: 1: ps: not found\n' });
    expect(execs[1]?.output).toBe(
      [
        'PID   USER     TIME  COMMAND',
        '    1 root      0:00 nginx: master process nginx -g daemon off;',
        '    8 root      0:00 sh',
        '    9 root      0:00 ps',
        '',
      ].join('\n'),
    );
  });

  it('counts in no READY or RESTARTS, and a finished one is never restarted', () => {
    const rows = getPodRows(createTraceIndex(result), 50);
    expect(rows.map((r) => [r.ready, r.restarts])).toEqual([['1/1', '0']]);
    expect(web?.containers.check?.restartCount).toEqual([{ t: 40, value: 0 }]);
    expect(web?.containers.check?.state.at(-1)).toMatchObject({
      state: 'terminated',
      reason: 'Completed',
      exitCode: 0,
    });
  });

  it("dies with its target's processes and stays dead while the target restarts", () => {
    expect(web?.containers.debugger?.state.at(-1)).toMatchObject({
      t: 61,
      state: 'terminated',
      exitCode: 137,
      finishedAt: 60,
    });
    expect(web?.containers.app?.restartCount.at(-1)).toEqual({ t: 62, value: 1 });
  });

  it('the events carry the ephemeralContainers field path', () => {
    const ev = trace.flatMap((r) =>
      r.type === 'event' && r.reason === 'Started' ? [r.fieldPath] : [],
    );
    expect(ev).toEqual([
      'spec.containers{app}',
      'spec.ephemeralContainers{debugger}',
      'spec.ephemeralContainers{check}',
      'spec.containers{app}',
    ]);
  });

  it('the API server refuses a duplicate name or an unknown target, at the action', () => {
    const { result: r } = simulateText(
      scenario(`  - { at: 10s, debug: { pod: web, image: busybox, name: app } }
  - { at: 11s, debug: { pod: web, image: busybox, target: nope } }
  - { at: 12s, debug: { pod: nosuch, image: busybox } }`),
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'The Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"',
      'The Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"',
      'pods "nosuch" not found',
    ]);
  });

  it('an unnamed debug container is debugger-xxxxx, the same on every run; two never collide', () => {
    const two = `  - { at: 10s, debug: { pod: web, image: busybox:1.36 } }
  - { at: 10s, debug: { pod: web, image: busybox:1.36 } }`;
    const names = (t: string) =>
      Object.keys(toPodsimJson(simulateText(t).result).pods.web?.containers ?? {}).filter((n) =>
        n.startsWith('debugger-'),
      );
    const a = names(scenario(two));
    expect(a).toHaveLength(2);
    expect(a.every((n) => /^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toBe(true);
    expect(names(scenario(two))).toEqual(a);
  });

  it('an ephemeral container starts even while an init container runs; init is not redone', () => {
    const { result: r } = simulateText(
      scenario(`  - { at: 10s, debug: { pod: web, image: busybox:1.36, name: dbg } }`),
    );
    const j = toPodsimJson(r).pods.web;
    expect(j?.containers.dbg?.state.at(-1)).toMatchObject({ state: 'running' });
    expect(j?.containers.init?.restartCount).toEqual([{ t: 0, value: 0 }]);
  });
});
