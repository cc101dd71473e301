/**
 * `spec.traffic: [{ service, rate, from?, to?, port?, namespace? }]` (DESIGN §3): clients inside the
 * cluster opening `rate` new connections per second to a Service. What the engine can check only
 * while running (the port exists on the Service) it reports then, at the same path.
 */
import type { Issues } from './issues.ts';
import type { Segment } from './path.ts';
import { formatPath } from './path.ts';
import { durationAt } from './durationAt.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from './json.ts';
import type { ScenarioSpec, TrafficSpec } from './types.ts';
import { isDNS1035Label, isDNS1123Label } from './validate/names.ts';

/** The part of scenarioDoc's KnownObjects this reads. */
interface Known {
  has(kind: string, namespace: string, name: string): boolean;
}

/** One timer per request: 1000 per second per client keeps an hour under 4 M events. */
export const MAX_TRAFFIC_RATE = 1000;

export function readTraffic(
  spec: JsonObject,
  doc: number,
  known: Known,
  issues: Issues,
  out: ScenarioSpec,
): void {
  const list = asArray(spec.traffic);
  if (list.length === 0) return;
  out.traffic = [];
  list.forEach((e, i) => {
    const raw = asRecord(e);
    if (!raw) return;
    const t = readClient(raw, ['spec', 'traffic', i], known, issues, out.until);
    if (t) out.traffic?.push({ ...t, doc, path: formatPath(['spec', 'traffic', i]) });
  });
}

function readClient(
  raw: JsonObject,
  path: Segment[],
  known: Known,
  issues: Issues,
  until: number,
): Omit<TrafficSpec, 'doc' | 'path'> | undefined {
  const service = asString(raw.service);
  if (service === undefined) {
    issues.required([...path, 'service']);
    return undefined;
  }
  const nameErrors = isDNS1035Label(service);
  for (const m of nameErrors) issues.invalid([...path, 'service'], service, m);
  const namespace = asString(raw.namespace);
  const nsErrors = namespace === undefined ? [] : isDNS1123Label(namespace);
  for (const m of nsErrors) issues.invalid([...path, 'namespace'], namespace, m);
  const rate = readRate(raw.rate, [...path, 'rate'], issues);
  const from = raw.from === undefined ? 0 : durationAt(raw.from, [...path, 'from'], issues);
  const to = raw.to === undefined ? undefined : durationAt(raw.to, [...path, 'to'], issues);
  const port = readPort(raw.port, [...path, 'port'], issues);
  if (nameErrors.length + nsErrors.length > 0 || rate === undefined || from === undefined)
    return undefined;
  if (raw.to !== undefined && to === undefined) return undefined;
  if (port === null) return undefined;
  if (to !== undefined && to <= from) {
    issues.invalid([...path, 'to'], raw.to, `must be after from (${from} s)`);
    return undefined;
  }
  if (from >= until)
    issues.warn(
      [...path, 'from'],
      `this client starts after spec.until (${until} s): it sends nothing`,
      'after-until',
    );
  if (!known.has('Service', namespace ?? 'default', service))
    issues.warn(
      [...path, 'service'],
      `Service "${service}" is not defined in this scenario: every request fails its DNS lookup`,
      'not-found',
    );
  return {
    service,
    ...(namespace !== undefined ? { namespace } : {}),
    rate,
    from,
    ...(to !== undefined ? { to } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

function readRate(v: unknown, path: Segment[], issues: Issues): number | undefined {
  if (v === undefined) {
    issues.required(path);
    return undefined;
  }
  const n = asNumber(v);
  if (n === undefined || !Number.isFinite(n) || n <= 0 || n > MAX_TRAFFIC_RATE) {
    issues.invalid(
      path,
      v,
      `must be a number of requests per second, above 0 and at most ${MAX_TRAFFIC_RATE}`,
    );
    return undefined;
  }
  return n;
}

/** A port number (1–65535) or a port name; `null`: given but invalid. */
function readPort(v: unknown, path: Segment[], issues: Issues): number | string | undefined | null {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535) return v;
  if (typeof v === 'string' && isDNS1123Label(v).length === 0 && /[a-z]/.test(v)) return v;
  issues.invalid(path, v, 'must be a Service port number (1-65535) or a port name');
  return null;
}
