/**
 * The playground's own `apiVersion: podlab.dev/v1, kind: Scenario` document (DESIGN.md §3) → ScenarioSpec.
 * Structure (field names, types) is checked by the schema; this adds durations, "exactly one action",
 * and references to objects of the scenario.
 */
import type { Issues } from './issues.ts';
import type { Segment } from './path.ts';
import { formatPath } from './path.ts';
import { looksLikeDuration, parseDuration } from './duration.ts';
import { durationAt } from './durationAt.ts';
import { readTraffic } from './scenarioTraffic.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from './json.ts';
import { checkActionNames, scenarioNameErrors } from './scenarioNames.ts';
import { checkKillTarget, checkPatch, readPatch } from './patchAction.ts';
import {
  NODE_STATES,
  type DebugTarget,
  type NodeState,
  type StaticPodRef,
  type ObjectKey,
  type ScenarioAction,
  type ScenarioSpec,
  type SimulatedKind,
} from './types.ts';

export const DEFAULT_UNTIL = 600;
/**
 * The most simulated time one run may cover (README "Scenarios"): a day is far more than any scenario
 * needs, and `until: 100000h` ran the CLI for 8 minutes at 1.5 GB. Longer is an error at `spec.until`
 * and the run is cut to this bound.
 */
export const MAX_UNTIL = 24 * 3600;
export const UNTIL_TOO_LONG =
  'must be at most 24h: the simulator runs at most 24h of simulated time';
const ACTION_KINDS = [
  'apply',
  'delete',
  'exec',
  'kill',
  'setCondition',
  'node',
  'patch',
  'debug',
  'staticPod',
  'scale',
  'rollout',
] as const;
/** The kinds `scale` and `rollout` act on (kubectl scale / rollout; the engine's workloads). */
const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet'];
export const SIGNALS = [
  'SIGTERM',
  'SIGKILL',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGSTOP',
  'SIGCONT',
];

/** What the scenario text defines: kind/namespace/name → exists (valid or not). */
export interface KnownObjects {
  has(kind: string, namespace: string, name: string): boolean;
  /** Container names (init and regular) of a Pod of the scenario, if it is defined. */
  containers(namespace: string, pod: string): readonly string[] | undefined;
}

/** Profile overrides: nested values; duration strings (`10s`) become seconds. */
export function convertProfile(v: unknown): unknown {
  if (typeof v === 'string' && looksLikeDuration(v)) return parseDuration(v);
  if (Array.isArray(v)) return v.map(convertProfile);
  const obj = asRecord(v);
  if (!obj) return v;
  return Object.fromEntries(Object.entries(obj).map(([k, val]) => [k, convertProfile(val)]));
}

export function emptyScenario(): ScenarioSpec {
  return { name: 'scenario', until: DEFAULT_UNTIL, profile: {}, actions: [], deferred: [] };
}

function objectKey(v: JsonObject): ObjectKey {
  const key: ObjectKey = { kind: String(v.kind) as SimulatedKind, name: String(v.name) };
  const ns = asString(v.namespace);
  if (ns) key.namespace = ns;
  return key;
}

function readAction(
  raw: JsonObject,
  base: { at: number; doc: number; path: string },
  kind: string,
): ScenarioAction | undefined {
  const body = asRecord(raw[kind]);
  if (!body) return undefined;
  const ns = asString(body.namespace);
  const withNs = <T extends object>(o: T): T => (ns ? { ...o, namespace: ns } : o);
  switch (kind) {
    case 'apply':
      return { ...base, apply: objectKey(body) };
    case 'delete': {
      const del: ObjectKey & { gracePeriodSeconds?: number; force?: boolean } = objectKey(body);
      const grace = asNumber(body.gracePeriodSeconds);
      if (grace !== undefined) del.gracePeriodSeconds = grace;
      if (typeof body.force === 'boolean') del.force = body.force;
      return { ...base, delete: del };
    }
    case 'exec': {
      const command = Array.isArray(body.command)
        ? body.command.map(String)
        : String(body.command ?? '');
      const container = asString(body.container);
      return {
        ...base,
        exec: withNs({ pod: String(body.pod), command, ...(container ? { container } : {}) }),
      };
    }
    case 'kill': {
      const kill: {
        pod: string;
        container: string;
        sandbox?: boolean;
        signal?: string;
        exitCode?: number;
      } = { pod: String(body.pod), container: asString(body.container) ?? '' };
      if (body.sandbox === true) kill.sandbox = true;
      const signal = asString(body.signal);
      if (signal) kill.signal = signal.startsWith('SIG') ? signal : `SIG${signal}`;
      const exitCode = asNumber(body.exitCode);
      if (exitCode !== undefined) kill.exitCode = exitCode;
      return { ...base, kill: withNs(kill) };
    }
    case 'patch':
      return readPatch(body, base);
    case 'staticPod':
      return {
        ...base,
        staticPod: withNs({
          node: String(body.node ?? ''),
          pod: String(body.pod ?? ''),
          present: body.present !== false,
        }),
      };
    case 'debug': {
      const d: DebugTarget = { pod: String(body.pod), image: String(body.image ?? '') };
      const target = asString(body.target);
      const name = asString(body.name);
      if (target) d.target = target;
      if (name) d.name = name;
      if (Array.isArray(body.command)) d.command = body.command.map(String);
      else if (body.command !== undefined) d.command = String(body.command);
      return { ...base, debug: withNs(d) };
    }
    case 'scale':
      return { ...base, scale: { ...objectKey(body), replicas: asNumber(body.replicas) ?? 0 } };
    case 'rollout': {
      const to = asNumber(body.toRevision);
      const r = { ...objectKey(body), do: String(body.do) as 'undo' | 'restart' };
      return { ...base, rollout: to !== undefined ? { ...r, toRevision: to } : r };
    }
    case 'node':
      return {
        ...base,
        node: { name: String(body.name ?? ''), state: String(body.state) as NodeState },
      };
    default: {
      const status = String(body.status) as 'True' | 'False' | 'Unknown';
      const c: {
        pod: string;
        type: string;
        status: typeof status;
        reason?: string;
        message?: string;
      } = {
        pod: String(body.pod),
        type: String(body.type),
        status,
      };
      const reason = asString(body.reason);
      const message = asString(body.message);
      if (reason) c.reason = reason;
      if (message) c.message = message;
      return { ...base, setCondition: withNs(c) };
    }
  }
}

export function readScenario(
  obj: JsonObject,
  doc: number,
  known: KnownObjects,
  issues: Issues,
): ScenarioSpec {
  const spec = asRecord(obj.spec) ?? {};
  const out = emptyScenario();
  out.doc = doc;
  const name = asString(asRecord(obj.metadata)?.name);
  const nameErrors = name === undefined ? [] : scenarioNameErrors(name);
  for (const m of nameErrors) issues.invalid(['metadata', 'name'], name, m);
  if (name !== undefined && nameErrors.length === 0) out.name = name;
  const until = durationAt(spec.until, ['spec', 'until'], issues);
  if (until !== undefined && until > MAX_UNTIL) {
    issues.invalid(['spec', 'until'], spec.until, UNTIL_TOO_LONG);
    out.until = MAX_UNTIL;
  } else if (until !== undefined) out.until = until;
  out.profile = asRecord(convertProfile(spec.profile ?? {})) ?? {};
  const nodes = asNumber(spec.nodes);
  if (nodes !== undefined && Number.isInteger(nodes) && nodes >= 1 && nodes <= 100)
    out.nodes = nodes;
  readStaticPods(spec, doc, known, issues, out);
  readTraffic(spec, doc, known, issues, out);
  // Containers a `debug` action adds (with a name) can be exec'd into by later actions.
  const debugNames = new Map<string, string[]>();
  // A static pod's mirror is named POD-NODE (config/common.go generatePodName).
  const mirrors = new Set(
    (out.staticPods ?? []).map(
      (s) => `${s.namespace ?? 'default'}/${s.pod}-${s.node.toLowerCase()}`,
    ),
  );
  const knownNow: KnownObjects = {
    has: (k, ns, n) => known.has(k, ns, n) || (k === 'Pod' && mirrors.has(`${ns}/${n}`)),
    containers: (ns, pod) => {
      const names = known.containers(ns, pod);
      const more = debugNames.get(`${ns}/${pod}`) ?? [];
      return names && [...names, ...more];
    },
  };
  asArray(spec.actions).forEach((a, i) => {
    const raw = asRecord(a);
    if (!raw) return;
    const path: Segment[] = ['spec', 'actions', i];
    const at = durationAt(raw.at, [...path, 'at'], issues);
    const present = ACTION_KINDS.filter((k) => raw[k] !== undefined);
    if (present.length === 0) {
      issues.required(path, `must specify one of: ${ACTION_KINDS.join(', ')}`);
      return;
    }
    for (const extra of present.slice(1))
      issues.forbidden([...path, extra], 'may not specify more than 1 action');
    const kind = present[0] ?? 'apply';
    if (at === undefined) return;
    if (at > out.until) {
      issues.warn(
        [...path, 'at'],
        `this action is after spec.until (${out.until} s): it will not run`,
        'after-until',
      );
    }
    const action = readAction(raw, { at, doc, path: formatPath(path) }, kind);
    if (!action) return;
    // A name the API server would reject (a newline, a control character): the action is dropped.
    if (!checkActionNames(action, [...path, kind], issues)) return;
    // An apply of an object the text does not define is an error: that action is dropped.
    if (!checkReferences(action, [...path, kind], knownNow, issues)) return;
    out.actions.push(action);
    if ('staticPod' in action && action.staticPod.present) {
      const s = action.staticPod;
      mirrors.add(`${s.namespace ?? 'default'}/${s.pod}-${s.node.toLowerCase()}`);
    }
    if ('debug' in action && action.debug.name) {
      const key = `${action.debug.namespace ?? 'default'}/${action.debug.pod}`;
      debugNames.set(key, [...(debugNames.get(key) ?? []), action.debug.name]);
    }
  });
  // Equal times keep document order (Array.prototype.sort is stable).
  out.actions.sort((a, b) => a.at - b.at);
  for (const a of out.actions) if ('apply' in a) out.deferred.push(a.apply);
  return out;
}

function checkReferences(
  action: ScenarioAction,
  path: Segment[],
  known: KnownObjects,
  issues: Issues,
): boolean {
  if ('apply' in action) {
    const { kind, name, namespace = 'default' } = action.apply;
    if (!known.has(kind, namespace, name)) {
      issues.raw(
        [...path, 'name'],
        `${formatPath([...path, 'name'])}: Not found: ${kind} "${name}" is not defined in this scenario`,
        'not-found',
        'value',
      );
      return false;
    }
    return true;
  }
  if ('node' in action) {
    // A bad state would silently do nothing: the action is dropped with an error at the value.
    if (!(NODE_STATES as readonly string[]).includes(action.node.state)) {
      issues.notSupported([...path, 'state'], action.node.state, [...NODE_STATES]);
      return false;
    }
    return true;
  }
  if ('patch' in action) return checkPatch(action.patch, path, known, issues);
  if ('staticPod' in action) return staticPodDefined(action.staticPod, path, known, issues);
  if ('scale' in action || 'rollout' in action)
    return checkWorkloadAction(
      'scale' in action ? action.scale : action.rollout,
      path,
      known,
      issues,
    );
  if ('kill' in action && !checkKillTarget(action.kill, path, issues)) return false;
  if ('debug' in action && action.debug.image === '') {
    // kubectl debug.go Validate: without --copy-to there must be an image.
    issues.required([...path, 'image'], 'you must specify --image when not using --copy-to.');
    return false;
  }
  const target =
    'delete' in action
      ? { kind: action.delete.kind, name: action.delete.name, ns: action.delete.namespace }
      : 'exec' in action
        ? { kind: 'Pod', name: action.exec.pod, ns: action.exec.namespace }
        : 'kill' in action
          ? { kind: 'Pod', name: action.kill.pod, ns: action.kill.namespace }
          : 'debug' in action
            ? { kind: 'Pod', name: action.debug.pod, ns: action.debug.namespace }
            : { kind: 'Pod', name: action.setCondition.pod, ns: action.setCondition.namespace };
  const field = 'delete' in action ? 'name' : 'pod';
  if (!known.has(target.kind, target.ns ?? 'default', target.name)) {
    issues.warn(
      [...path, field],
      `${target.kind} "${target.name}" is not defined in this scenario: this action will do nothing`,
      'not-found',
    );
  }
  const container =
    'exec' in action
      ? action.exec.container
      : 'kill' in action && !action.kill.sandbox
        ? action.kill.container
        : 'debug' in action
          ? action.debug.target
          : undefined;
  const names = known.containers(target.ns ?? 'default', target.name);
  if (container !== undefined && names && !names.includes(container)) {
    issues.warn(
      [...path, 'debug' in action ? 'target' : 'container'],
      `container "${container}" is not in pod ${target.name} (its containers: ${names.join(', ')}): this action will do nothing`,
      'not-found',
    );
  }
  if ('kill' in action && action.kill.signal && !SIGNALS.includes(action.kill.signal)) {
    issues.notSupported([...path, 'signal'], action.kill.signal, SIGNALS);
  }
  return true;
}

/** `spec.staticPods: [{ node, pod }]`: each names a Pod document of the scenario (M4.1). */
function readStaticPods(
  spec: JsonObject,
  doc: number,
  known: KnownObjects,
  issues: Issues,
  out: ScenarioSpec,
): void {
  const list = asArray(spec.staticPods);
  if (list.length === 0) return;
  out.staticPods = [];
  list.forEach((e, i) => {
    const raw = asRecord(e);
    if (!raw) return;
    const path: Segment[] = ['spec', 'staticPods', i];
    const ns = asString(raw.namespace);
    const ref: StaticPodRef = {
      node: String(raw.node ?? ''),
      pod: String(raw.pod ?? ''),
      ...(ns ? { namespace: ns } : {}),
    };
    if (staticPodDefined(ref, path, known, issues))
      out.staticPods?.push({ ...ref, doc, path: formatPath(path) });
  });
}

/** The Pod document must exist: it is the manifest file's content. */
function staticPodDefined(
  ref: StaticPodRef,
  path: Segment[],
  known: KnownObjects,
  issues: Issues,
): boolean {
  if (known.has('Pod', ref.namespace ?? 'default', ref.pod)) return true;
  issues.raw(
    [...path, 'pod'],
    `${formatPath([...path, 'pod'])}: Not found: Pod "${ref.pod}" is not defined in this scenario`,
    'not-found',
    'value',
  );
  return false;
}

/**
 * `scale` names a Deployment, ReplicaSet or StatefulSet of the text (a Job or DaemonSet is refused
 * at run time); `rollout restart` a Deployment, StatefulSet or DaemonSet; `rollout undo` a Deployment (Podlab keeps no
 * StatefulSet history to roll back to).
 */
function checkWorkloadAction(
  target: ObjectKey & { do?: string },
  path: Segment[],
  known: KnownObjects,
  issues: Issues,
): boolean {
  // A missing kind, name or `do` already has the schema's "Required value" at the same place.
  const missing = (v: string | undefined) => v === 'undefined';
  if (missing(target.kind) || missing(target.name) || missing(target.do)) return false;
  const kinds =
    target.do === undefined
      ? WORKLOAD_KINDS
      : target.do === 'restart'
        ? ['Deployment', 'StatefulSet', 'DaemonSet']
        : ['Deployment'];
  // `kubectl scale job/NAME` (or daemonset/NAME) is accepted by the CLI and refused by the API
  // server (no scale subresource): the run reports that refusal (workloadHost.ts scale).
  const refusedAtRun =
    target.do === undefined && (target.kind === 'Job' || target.kind === 'DaemonSet');
  if (!kinds.includes(target.kind) && !refusedAtRun) {
    issues.notSupported([...path, 'kind'], target.kind, kinds);
    return false;
  }
  if (target.do !== undefined && target.do !== 'undo' && target.do !== 'restart') {
    issues.notSupported([...path, 'do'], target.do, ['undo', 'restart']);
    return false;
  }
  if (!known.has(target.kind, target.namespace ?? 'default', target.name))
    issues.warn(
      [...path, 'name'],
      `${target.kind} "${target.name}" is not defined in this scenario: this action will do nothing`,
      'not-found',
    );
  return true;
}
