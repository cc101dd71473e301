/**
 * Issue 13 item 6: the same pod name in two namespaces is two pods. Namespaces are part of every
 * identity: trace records, the index, the JSON keys (DESIGN §4: NAME in `default`, NAMESPACE/NAME
 * elsewhere), events, endpoints (a Service selects only pods of its own namespace).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';
import { createTraceIndex, podNames } from './trace/traceIndex.ts';
import { toPodsimJson } from './trace/podsimJson.ts';
import { getPodRows } from './trace/podRows.ts';
import { describePodAt } from './trace/describe.ts';
import { getEndpointSlices } from './trace/endpointSlices.ts';
import { getEvents } from './trace/events.ts';
import { readLogs } from './trace/logs.ts';
import { podYaml } from './trace/podYaml.ts';
import { TWO_WEBS } from './testing/twoWebs.ts';

function run(text: string, until = 120) {
  const { parsed, result } = simulateText(text, { until });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const idx = createTraceIndex(result);
  return { result, idx, json: toPodsimJson(result, idx) };
}

describe('web in team-a and web in team-b', () => {
  const { result, idx, json } = run(TWO_WEBS);

  it('every pod-scoped record carries its namespace', () => {
    const scoped = result.trace.filter((r) => 'pod' in r);
    expect(scoped.length).toBeGreaterThan(0);
    expect(new Set(scoped.map((r) => ('namespace' in r ? r.namespace : undefined)))).toEqual(
      new Set(['team-a', 'team-b']),
    );
  });

  it('are two pods, keyed NAMESPACE/NAME', () => {
    expect(podNames(idx)).toEqual(['team-a/web', 'team-b/web']);
    expect(Object.keys(json.pods)).toEqual(['team-a/web', 'team-b/web']);
  });

  it('each keeps its own rows and restarts', () => {
    const a = json.pods['team-a/web'];
    const b = json.pods['team-b/web'];
    expect(a?.rows.map((r) => r.status)).toEqual(['Pending', 'ContainerCreating', 'Running']);
    expect(a?.rows.every((r) => r.restarts === 0)).toBe(true);
    expect(b?.rows.map((r) => r.status)).toContain('CrashLoopBackOff');
    expect(Math.max(...(b?.rows.map((r) => r.restarts) ?? [0]))).toBeGreaterThan(2);
    expect(a?.containers['app']?.restartCount).toEqual([{ t: 0, value: 0 }]);
  });

  it('the Service in team-a selects only team-a/web', () => {
    expect(Object.keys(json.endpoints)).toEqual(['team-a/web']);
    const last = json.endpoints['team-a/web']?.at(-1);
    expect(last?.ready).toEqual(['web']);
    const slices = getEndpointSlices(idx, 60);
    expect(slices.map((s) => [s.namespace, s.service, s.endpoints.length])).toEqual([
      ['team-a', 'web', 1],
    ]);
  });

  it('events keep kubectl object names and add the namespace', () => {
    const backOff = json.events.filter((e) => e.reason === 'BackOff');
    expect(backOff.length).toBeGreaterThan(0);
    expect(backOff.every((e) => e.object === 'pod/web' && e.namespace === 'team-b')).toBe(true);
    const scheduled = json.events.filter((e) => e.reason === 'Scheduled');
    expect(scheduled.map((e) => [e.namespace, e.message])).toEqual([
      ['team-a', 'Successfully assigned team-a/web to node-1'],
      ['team-b', 'Successfully assigned team-b/web to node-1'],
    ]);
    expect(getEvents(idx, 120, 'pod/team-a/web').some((e) => e.type === 'Warning')).toBe(false);
    expect(getEvents(idx, 120, 'pod/team-b/web').some((e) => e.reason === 'BackOff')).toBe(true);
  });

  it('get pods lists one namespace, or all of them in order', () => {
    expect(getPodRows(idx, 60, { namespace: 'default' })).toEqual([]);
    expect(getPodRows(idx, 60, { namespace: 'team-a' }).map((r) => r.status)).toEqual(['Running']);
    expect(getPodRows(idx, 60).map((r) => `${r.namespace}/${r.name}`)).toEqual([
      'team-a/web',
      'team-b/web',
    ]);
  });

  it('pod YAML of each namespace’s web is its own (no shared cache entry)', () => {
    const a = podYaml(idx, 'team-a/web', 60);
    const b = podYaml(idx, 'team-b/web', 60);
    expect(a).toMatch(/^ {2}namespace: team-a$/m);
    expect(b).toMatch(/^ {2}namespace: team-b$/m);
    expect(podYaml(idx, 'web', 60)).toBe('Error from server (NotFound): pods "web" not found\n');
  });

  it('describe finds each pod by key', () => {
    expect(describePodAt(idx, 'web', 60)).toBeUndefined();
    const a = describePodAt(idx, 'team-a/web', 60) ?? '';
    const b = describePodAt(idx, 'team-b/web', 60) ?? '';
    expect(a).toMatch(/^Namespace:\s+team-a$/m);
    expect(a).toMatch(/^Events:/m);
    expect(a).not.toContain('BackOff');
    expect(b).toMatch(/^Namespace:\s+team-b$/m);
    expect(b).toContain('BackOff');
  });
});

describe('a default-namespace pod keeps its plain key', () => {
  it('web and team-a/web side by side', () => {
    const text = TWO_WEBS.replace('namespace: team-b, ', '');
    const { json } = run(text, 30);
    expect(Object.keys(json.pods)).toEqual(['team-a/web', 'web']);
    const plain = json.events.filter((e) => !('namespace' in e));
    expect(plain.map((e) => e.message)).toContain('Successfully assigned default/web to node-1');
    expect(plain.some((e) => e.message.includes('team-a'))).toBe(false);
    expect(json.events.filter((e) => e.namespace === 'team-a').length).toBeGreaterThan(0);
  });
});

describe('namespace names that are Object.prototype keys', () => {
  it('__proto__ is refused by validation, and the run goes on', () => {
    const { parsed, result } = simulateText(TWO_WEBS.replaceAll('team-b', '__proto__'), {
      until: 30,
    });
    expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(Object.keys(toPodsimJson(result).pods)).toEqual(['team-a/web']);
  });

  it.each(['constructor', 'hasownproperty', 'tostring'])('%s is an ordinary namespace', (ns) => {
    const text = TWO_WEBS.replaceAll('team-b', ns);
    const { json } = run(text, 30);
    expect(Object.keys(json.pods)).toEqual([`${ns}/web`, 'team-a/web'].sort());
    expect(json.pods[`${ns}/web`]?.rows.length).toBeGreaterThan(0);
  });
});

describe('Service env vars and DNS are per namespace', () => {
  // Each client prints what it sees of the Service web in team-a.
  const client = (ns: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: ${ns}}
spec:
  containers:
  - name: c
    image: busybox
    command: [sh, -c, 'sleep 5; echo "host=$WEB_SERVICE_HOST"; nslookup web >/dev/null 2>&1 && echo short-ok || echo short-fail; nslookup web.team-a.svc.cluster.local >/dev/null 2>&1 && echo fqdn-ok || echo fqdn-fail; sleep 600']
`;
  const text = `${TWO_WEBS}${client('team-a')}${client('team-b')}`;
  const { idx } = run(text, 30);

  it.each([
    // kubelet getServiceEnvVarMap: only Services of the pod's namespace; the search path
    // (resolv.conf `search NS.svc.cluster.local …`) finds the short name only from team-a.
    ['team-a/client', 'host=10.96.0.10\nshort-ok\nfqdn-ok\n'],
    ['team-b/client', 'host=\nshort-fail\nfqdn-ok\n'],
  ])('%s sees %j', (key, text) => {
    expect(readLogs(idx, key, 'c', 30)).toEqual({ ok: true, text });
  });
});
