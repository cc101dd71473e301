/** Every action the Act panel writes is accepted by the object layer and changes the engine's trace. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../sim/index.ts';
import { TWO_WEBS } from '../../sim/testing/twoWebs.ts';
import { appendAction, objectTarget, podTarget, type ActionBody } from './appendAction.ts';

const EXAMPLE = readFileSync(
  new URL('../../scenario/examples/13-liveness-exec.yaml', import.meta.url),
  'utf8',
);
const WITH_SERVICE = `${EXAMPLE}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { test: liveness }
  ports: [{ port: 80 }]
`;

const pod = 'liveness-exec';
const container = 'liveness';
const cases: [string, ActionBody][] = [
  ['exec', { exec: { pod, container, command: 'rm -f /tmp/healthy' } }],
  ['kill by signal', { kill: { pod, container, signal: 'SIGKILL' } }],
  ['kill with an exit code', { kill: { pod, container, exitCode: 3 } }],
  ['delete pod', { delete: { kind: 'Pod', name: pod, gracePeriodSeconds: 5 } }],
  ['delete service', { delete: { kind: 'Service', name: 'web' } }],
  ['set condition', { setCondition: { pod, type: 'example.com/gate', status: 'True' } }],
  ['kill the sandbox', { kill: { pod, sandbox: true } }],
  ['debug', { debug: { pod, image: 'busybox:1.36', target: container } }],
];

describe('actions written by the Act panel', () => {
  const base = simulateText(WITH_SERVICE);
  const baseTrace = JSON.stringify(base.result.trace);

  it.each(cases)('%s parses without errors and changes the trace', (_name, body) => {
    const text = appendAction(WITH_SERVICE, 20, body);
    const { parsed, result } = simulateText(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.scenario.actions).toHaveLength(1);
    expect(parsed.scenario.actions[0]?.at).toBe(20);
    if (!('setCondition' in body)) expect(JSON.stringify(result.trace)).not.toBe(baseTrace);
  });
});

describe('actions on a pod outside default name its namespace (issue 13 item 6)', () => {
  // Both pods are named web; the panel holds the key team-a/web.
  it.each([
    ['kill', { kill: { ...podTarget('team-a/web'), container: 'app', signal: 'SIGKILL' } }],
    ['delete', { delete: { kind: 'Pod', ...objectTarget('team-a/web'), gracePeriodSeconds: 5 } }],
  ] as [string, ActionBody][])('%s reaches team-a/web only', (_name, body) => {
    const text = appendAction(TWO_WEBS, 20, body);
    const { parsed, result } = simulateText(text, { until: 60 });
    expect(parsed.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const who = result.trace.flatMap((r) =>
      (r.type === 'signal' || r.type === 'pod.deleting') && r.t === 20
        ? [`${r.namespace}/${r.pod}`]
        : [],
    );
    expect(who.length).toBeGreaterThan(0);
    expect(new Set(who)).toEqual(new Set(['team-a/web']));
  });

  it('targets keep the default namespace implicit', () => {
    expect(podTarget('web')).toEqual({ pod: 'web' });
    expect(podTarget('team-a/web')).toEqual({ pod: 'web', namespace: 'team-a' });
    expect(objectTarget('team-a/web')).toEqual({ name: 'web', namespace: 'team-a' });
  });
});
