/**
 * A Service's `requests` row: its traffic seconds as segments. Served seconds merge into one "ok"
 * band; seconds with failures merge while the same pods fail the same way, each band saying how many
 * failed, to which pod, how, when — and why (reference cluster.md K8.6–K8.7).
 */
import type { Cause, TrafficError, TrafficSecond } from '../../sim/trace/types.ts';
import type { Segment } from './types.ts';

const WHY: Record<TrafficError, string> = {
  'connection refused':
    'kube-proxy applies an EndpointSlice change 1 s late, so new connections still reached a pod that had stopped listening (a preStop sleep longer than that lag keeps it serving)',
  'connection timed out':
    'nothing answers at that address (the pod’s node is gone, or the Service has no proxy rules yet), so each connection waits for the client’s timeout',
  'no such host': 'no Service of that name exists, so the client’s DNS lookup fails',
};
const NO_ENDPOINT_WHY =
  'the Service had no usable endpoint: kube-proxy’s REJECT rule refuses every connection at once';

/** Seconds with at most this gap between them still form one served band (low rates). */
const OK_GAP = 2;

interface Band {
  start: number;
  end: number;
  sent: number;
  failed: number;
  /** (pod, error) → count and first/last send time. */
  fails: Map<
    string,
    { pod?: string; error: TrafficError; count: number; first: number; last: number }
  >;
}

const failKey = (s: TrafficSecond) =>
  s.failures
    .map((f) => `${f.pod ?? ''}\u0000${f.error}`)
    .sort()
    .join('\u0001');

export function trafficSegments(
  seconds: readonly TrafficSecond[],
  field?: Cause['field'],
): Segment[] {
  const out: Segment[] = [];
  let band: Band | undefined;
  let key = '';
  const flush = () => {
    if (band) out.push(segment(band, field));
    band = undefined;
  };
  for (const s of seconds) {
    const k = s.failed > 0 ? failKey(s) : '';
    const joins = band !== undefined && k === key && s.t <= band.end + (k === '' ? OK_GAP : 0);
    if (!joins) {
      flush();
      band = { start: s.t, end: s.t + 1, sent: 0, failed: 0, fails: new Map() };
      key = k;
    }
    const b = band!;
    b.end = s.t + 1;
    b.sent += s.sent;
    b.failed += s.failed;
    for (const f of s.failures) {
      const fk = `${f.pod ?? ''}\u0000${f.error}`;
      const e = b.fails.get(fk);
      if (e) {
        e.count += f.count;
        e.last = f.last;
      } else b.fails.set(fk, { ...f });
    }
  }
  flush();
  return out;
}

function segment(b: Band, field?: Cause['field']): Segment {
  if (b.failed === 0)
    return {
      start: b.start,
      end: b.end,
      label: 'ok',
      tone: 'ep-ready',
      message: `${b.sent} request${b.sent === 1 ? '' : 's'}, all served`,
    };
  const parts = [...b.fails.values()].map(
    (f) =>
      `${f.count} ${f.error}${f.pod ? ` (pod ${f.pod})` : ' (no endpoint)'} at ${f.first.toFixed(3)}–${f.last.toFixed(3)} s`,
  );
  const first = [...b.fails.values()][0];
  const why = first
    ? first.pod
      ? WHY[first.error]
      : first.error === 'connection refused'
        ? NO_ENDPOINT_WHY
        : WHY[first.error]
    : '';
  return {
    start: b.start,
    end: b.end,
    label: `${b.failed} failed`,
    tone: 'terminated-bad',
    message: `${b.failed} of ${b.sent} requests failed: ${parts.join('; ')}`,
    cause: { message: why, ...(field ? { field } : {}) },
  };
}
