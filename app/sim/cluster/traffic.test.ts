/**
 * kube-proxy and request traffic (reference cluster.md K8), to the request: worked timeline C8 (the
 * rolling-update race without and with `preStop: sleep`, and its node-lost variant) and the K8.6 table.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import type { SimResult, TrafficSecond } from '../trace/types.ts';
import { webDeployment, type WebDeployment } from '../testing/webDeployment.ts';

type Opts = WebDeployment;

function scenario(o: Opts = {}): string {
  return webDeployment({ traffic: '    - { service: web, rate: 30, from: 90s, to: 115s }', ...o });
}

const SLEEP5 = `          lifecycle: { preStop: { sleep: { seconds: 5 } } }
`;

function run(text: string): SimResult {
  const { result } = simulateText(text);
  expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return result;
}

const total = (r: SimResult, k: 'sent' | 'ok' | 'failed') =>
  (r.traffic ?? []).reduce((n, s) => n + s[k], 0);

/** [second, failed, error, pod name prefix] of every second with a failure. */
const failedSeconds = (r: SimResult) =>
  (r.traffic ?? [])
    .filter((s) => s.failed > 0)
    .map((s: TrafficSecond) => [
      s.t,
      s.failed,
      Object.keys(s.errors).join(','),
      s.failures.map((f) => f.pod?.replace(/-[a-z0-9]{5}$/, '') ?? '-').join(','),
    ]);

describe('C8: traffic during a rolling update (30 requests/s, patch at 100 s)', () => {
  it('without preStop, 10 requests of each old pod’s first second are refused: 30 in all', () => {
    const r = run(scenario());
    expect(total(r, 'sent')).toBe(30 * 25);
    expect(total(r, 'failed')).toBe(30);
    const old = failedSeconds(r).map((x) => x[3]);
    expect(failedSeconds(r).map(([t, n, e]) => [t, n, e])).toEqual([
      [102, 10, 'connection refused'],
      [104, 10, 'connection refused'],
      [106, 10, 'connection refused'],
    ]);
    // Each window's failures all went to one old pod (the one deleted in that instant).
    expect(new Set(old).size).toBe(1);
    const f = r.traffic?.find((s) => s.t === 102)?.failures[0];
    expect(f && [f.count, f.first, f.last]).toEqual([10, 102.066, 102.966]);
  });

  it('with preStop sleep 5 none fails, and every request is served by some pod', () => {
    const r = run(scenario({ container: SLEEP5 }));
    expect([total(r, 'sent'), total(r, 'ok'), total(r, 'failed')]).toEqual([750, 750, 0]);
    for (const s of r.traffic ?? [])
      expect(Object.values(s.served).reduce((a, b) => a + b, 0)).toBe(s.sent);
  });

  it('the node-lost variant: ⅓ of the requests time out until the pod is NotReady + 1 s', () => {
    const r = run(
      scenario({
        until: '3m',
        traffic: '    - { service: web, rate: 30, from: 90s, to: 170s }',
        actions: '    - { at: 100s, node: { name: node-2, state: Lost } }',
      }),
    );
    const failed = failedSeconds(r);
    expect(total(r, 'failed')).toBe(560);
    expect([failed[0]?.[0], failed.at(-1)?.[0], failed[0]?.[2]]).toEqual([
      100,
      155,
      'connection timed out',
    ]);
  });
});

describe('K8.6: what the client sees', () => {
  it('no endpoint: the proxy rejects (refused, attributed to no pod)', () => {
    const r = run(scenario({ selector: 'nobody', actions: '    []' }));
    const s = r.traffic?.find((x) => x.t === 100);
    expect(s && [s.sent, s.failed, s.errors, s.failures]).toEqual([
      30,
      30,
      { 'connection refused': 30 },
      [{ error: 'connection refused', count: 30, first: 100, last: 100.966 }],
    ]);
  });

  it('an endpoint reaches new connections 1 s after its pod turns Ready (K8.3)', () => {
    const r = run(
      scenario({
        actions: '    []',
        traffic: '    - { service: web, rate: 10, from: 0s, to: 5s }',
      }),
    );
    // Pods are Ready at 2 s: the slice lists them then, the proxies at 3 s.
    expect((r.traffic ?? []).map((s) => [s.t, s.ok, Object.keys(s.errors).join()])).toEqual([
      [0, 0, 'connection timed out'], // no rules for the new Service until 1 s
      [1, 0, 'connection refused'],
      [2, 0, 'connection refused'],
      [3, 10, ''],
      [4, 10, ''],
    ]);
  });

  it('a Service the scenario never creates: every DNS lookup fails', () => {
    const { parsed, result } = simulateText(
      scenario({
        actions: '    []',
        traffic: '    - { service: api, rate: 2, from: 10s, to: 12s }',
      }),
    );
    expect(parsed.diagnostics.map((d) => d.message)).toContain(
      'Service "api" is not defined in this scenario: every request fails its DNS lookup',
    );
    expect(result.traffic?.map((s) => [s.t, s.errors])).toEqual([
      [10, { 'no such host': 2 }],
      [11, { 'no such host': 2 }],
    ]);
  });

  it('a port the Service lacks is reported once at the client and refused', () => {
    const { result } = simulateText(
      scenario({
        actions: '    []',
        traffic: '    - { service: web, rate: 1, port: 8080, from: 10s, to: 13s }',
      }),
    );
    expect(result.diagnostics.map((d) => [d.message, d.line])).toEqual([
      ['Service "web" has no port 8080: every request is refused', 8],
    ]);
    expect(total(result, 'failed')).toBe(3);
  });

  it('a named Service port and a headless Service (no proxy: DNS gives the ready pods)', () => {
    const named = run(
      scenario({
        actions: '    []',
        traffic: '    - { service: web, port: web, rate: 4, from: 10s, to: 11s }',
      }),
    );
    expect(named.traffic?.map((s) => [s.sent, s.ok])).toEqual([[4, 4]]);
    const headless = run(
      scenario({
        actions: '    []',
        service: 'clusterIP: None\n  ',
        traffic: '    - { service: web, rate: 3, from: 2s, to: 3s }',
      }),
    );
    // Ready at 2 s and at once in DNS: no proxy lag.
    expect(headless.traffic?.map((s) => [s.t, s.ok, Object.keys(s.served).length])).toEqual([
      [2, 3, 3],
    ]);
  });

  it('sent = rate × seconds at a fractional rate: one request every 2 s', () => {
    const r = run(
      scenario({
        actions: '    []',
        traffic: '    - { service: web, rate: 0.5, from: 10s, to: 20s }',
      }),
    );
    expect(total(r, 'sent')).toBe(5);
    expect(r.traffic?.map((s) => s.t)).toEqual([10, 12, 14, 16, 18]);
  });
});

describe('determinism', () => {
  it('the same scenario gives the same traffic, byte for byte', () => {
    const a = JSON.stringify(run(scenario()).traffic);
    expect(JSON.stringify(run(scenario()).traffic)).toBe(a);
  });
});
