/**
 * Example promises (`# expect:` lines): a tiny language read by people and checked by tests
 * against the `podsim --json` projection.
 *
 *   at 75s pod liveness-exec restarts is 1
 *   pod myapp-pod condition Initialized becomes True between 41s and 43s
 *   pod web status becomes Terminating at 60s
 *   pod fast node is node-2                           (`none` while unbound; needs declared nodes)
 *   container web/nginx reason stays none from 2s to 5m
 *   pod team-a/web restarts stays 0 from 0s to 2m   (outside default: NAMESPACE/NAME, as podsim keys it)
 *   service web-svc ready becomes web at 62s        (pods comma-separated, `none` for empty)
 *   event pod/liveness-exec Killing first at 45s     (or `first between A and B`, or `never`;
 *                                                      also deployment/, replicaset/, job/, statefulset/, daemonset/, node/)
 *   traffic web failed is 30                         (requests of `spec.traffic` over the run: sent,
 *   traffic web failed from 30s to 40s is 30          ok or failed; `from A to B` counts [A, B))
 */
import { parseDuration } from '../k8s/duration.ts';

export type PodField = 'ready' | 'status' | 'restarts' | 'phase' | 'node';
export type ContainerField = 'state' | 'reason' | 'exitCode' | 'ready' | 'started' | 'restarts';
export type ServiceField = 'ready' | 'serving' | 'terminating';

export type Subject =
  | { kind: 'pod'; pod: string; field: PodField }
  | { kind: 'condition'; pod: string; condition: string }
  | { kind: 'container'; pod: string; container: string; field: ContainerField }
  | { kind: 'service'; service: string; field: ServiceField };

export type ExamplePromise =
  | { kind: 'at'; text: string; subject: Subject; at: number; value: string }
  | { kind: 'becomes'; text: string; subject: Subject; value: string; from: number; to: number }
  | { kind: 'stays'; text: string; subject: Subject; value: string; from: number; to: number }
  | { kind: 'event'; text: string; object: string; reason: string; from: number; to: number }
  | { kind: 'no-event'; text: string; object: string; reason: string }
  | {
      kind: 'traffic';
      text: string;
      service: string;
      field: TrafficField;
      from: number;
      to: number;
      value: number;
    };

export type TrafficField = 'sent' | 'ok' | 'failed';

export type ParsedPromise = { ok: true; promise: ExamplePromise } | { ok: false; error: string };

const POD_FIELDS: readonly string[] = ['ready', 'status', 'restarts', 'phase', 'node'];
const CONTAINER_FIELDS: readonly string[] = [
  'state',
  'reason',
  'exitCode',
  'ready',
  'started',
  'restarts',
];
const SERVICE_FIELDS: readonly string[] = ['ready', 'serving', 'terminating'];

function parseSubject(text: string): Subject | string {
  const words = text.trim().split(/\s+/);
  const [kind, name, field, extra] = words;
  if (kind === 'pod' && name && field === 'condition' && extra && words.length === 4) {
    return { kind: 'condition', pod: name, condition: extra };
  }
  if (words.length !== 3 || !name || !field)
    return `"${text}" is not "<pod|container|service> NAME FIELD"`;
  if (kind === 'pod') {
    if (!POD_FIELDS.includes(field))
      return `pod field "${field}" is not one of ${POD_FIELDS.join(', ')}`;
    return { kind: 'pod', pod: name, field: field as PodField };
  }
  if (kind === 'container') {
    // POD is the pod's key, so NAMESPACE/POD/CONTAINER outside default.
    const parts = name.split('/');
    const container = parts.pop();
    const pod = parts.join('/');
    if (!pod || !container || parts.length > 2)
      return `container "${name}" is not POD/CONTAINER or NAMESPACE/POD/CONTAINER`;
    if (!CONTAINER_FIELDS.includes(field)) {
      return `container field "${field}" is not one of ${CONTAINER_FIELDS.join(', ')}`;
    }
    return { kind: 'container', pod, container, field: field as ContainerField };
  }
  if (kind === 'service') {
    if (!SERVICE_FIELDS.includes(field)) {
      return `service field "${field}" is not one of ${SERVICE_FIELDS.join(', ')}`;
    }
    return { kind: 'service', service: name, field: field as ServiceField };
  }
  return `"${kind ?? ''}" is not pod, container or service`;
}

function time(text: string | undefined): number | string {
  const t = text === undefined ? undefined : parseDuration(text);
  return t === undefined ? `"${text ?? ''}" is not a time like 45s or 2m30s` : t;
}

/** `at T` or `between A and B` → [from, to]. */
function window(text: string): [number, number] | string {
  const at = /^at (\S+)$/.exec(text);
  if (at) {
    const t = time(at[1]);
    return typeof t === 'string' ? t : [t, t];
  }
  const between = /^between (\S+) and (\S+)$/.exec(text);
  if (!between) return `"${text}" is not "at T" or "between A and B"`;
  const a = time(between[1]);
  const b = time(between[2]);
  if (typeof a === 'string') return a;
  if (typeof b === 'string') return b;
  return a <= b ? [a, b] : `${between[1]} is after ${between[2]}`;
}

export function parsePromise(line: string): ParsedPromise {
  const text = line.trim().replace(/\s+/g, ' ');
  const fail = (why: string): ParsedPromise => ({ ok: false, error: `expect "${text}": ${why}` });

  const event =
    /^event ((?:pod|deployment|replicaset|job|statefulset|daemonset|node)\/\S+) (\S+) (?:first (.+)|(never))$/.exec(
      text,
    );
  if (event) {
    const object = event[1] ?? '';
    const reason = event[2] ?? '';
    if (event[4]) return { ok: true, promise: { kind: 'no-event', text, object, reason } };
    const w = window(event[3] ?? '');
    if (typeof w === 'string') return fail(w);
    return { ok: true, promise: { kind: 'event', text, object, reason, from: w[0], to: w[1] } };
  }

  const traffic = /^traffic (\S+) (sent|ok|failed)(?: from (\S+) to (\S+))? is (\d+)$/.exec(text);
  if (traffic) {
    const a = traffic[3] === undefined ? 0 : time(traffic[3]);
    const b = traffic[4] === undefined ? Infinity : time(traffic[4]);
    if (typeof a === 'string') return fail(a);
    if (typeof b === 'string') return fail(b);
    const [, service = '', field = 'sent', , , value = '0'] = traffic;
    return {
      ok: true,
      promise: {
        kind: 'traffic',
        text,
        service,
        field: field as TrafficField,
        from: a,
        to: b,
        value: parseInt(value, 10),
      },
    };
  }

  const at = /^at (\S+) (.+) is (\S+)$/.exec(text);
  if (at) {
    const t = time(at[1]);
    const subject = parseSubject(at[2] ?? '');
    if (typeof t === 'string') return fail(t);
    if (typeof subject === 'string') return fail(subject);
    return { ok: true, promise: { kind: 'at', text, subject, at: t, value: at[3] ?? '' } };
  }

  const becomes = /^(.+) becomes (\S+) ((?:at|between) .+)$/.exec(text);
  if (becomes) {
    const subject = parseSubject(becomes[1] ?? '');
    const w = window(becomes[3] ?? '');
    if (typeof subject === 'string') return fail(subject);
    if (typeof w === 'string') return fail(w);
    const value = becomes[2] ?? '';
    return { ok: true, promise: { kind: 'becomes', text, subject, value, from: w[0], to: w[1] } };
  }

  const stays = /^(.+) stays (\S+) from (\S+) to (\S+)$/.exec(text);
  if (stays) {
    const subject = parseSubject(stays[1] ?? '');
    const a = time(stays[3]);
    const b = time(stays[4]);
    if (typeof subject === 'string') return fail(subject);
    if (typeof a === 'string') return fail(a);
    if (typeof b === 'string') return fail(b);
    const value = stays[2] ?? '';
    return { ok: true, promise: { kind: 'stays', text, subject, value, from: a, to: b } };
  }

  return fail(
    'expected "at T … is V", "… becomes V at T", "… becomes V between A and B", "… stays V from A to B", "event pod/NAME REASON first at T" or "traffic SERVICE failed is N"',
  );
}
