/**
 * The Scenario's `patch` action (DESIGN §3): `{ at, patch: { kind, name, namespace?, patch: {...} } }`,
 * a strategic merge patch as `kubectl patch KIND NAME -p '{...}'` sends it. Read and checked at its
 * line here; the API server's own checks (what a Pod update may change) run when it is applied
 * (app/sim/cluster/patch.ts), against the object as it is then.
 */
import type { Issues } from './issues.ts';
import { SUSPEND_NOT_SIMULATED } from './jobs.ts';
import { asRecord, asString, type JsonObject } from './json.ts';
import type { Segment } from './path.ts';
import type { PatchTarget, ScenarioAction } from './types.ts';

/** The kinds whose patch the engine applies (others are reported and skipped). */
export const PATCHABLE_KINDS: string[] = [
  'Pod',
  'Node',
  'Deployment',
  'ReplicaSet',
  'Job',
  'StatefulSet',
  'DaemonSet',
];

export function readPatch(
  body: JsonObject,
  base: { at: number; doc: number; path: string },
): ScenarioAction | undefined {
  const patch = asRecord(body.patch);
  // A missing or non-object patch body is a schema error at its field: the action is dropped.
  if (!patch) return undefined;
  const target: PatchTarget = { kind: String(body.kind), name: String(body.name), patch };
  const ns = asString(body.namespace);
  if (ns) target.namespace = ns;
  return { ...base, patch: target };
}

export interface PatchKnown {
  has(kind: string, namespace: string, name: string): boolean;
}

/** A kind the engine cannot patch, or a Pod the text does not define: a warning, the run goes on. */
export function checkPatch(
  p: PatchTarget,
  path: Segment[],
  known: PatchKnown,
  issues: Issues,
): boolean {
  if (!PATCHABLE_KINDS.includes(p.kind)) {
    issues.warn(
      [...path, 'kind'],
      `patching a ${p.kind} is not simulated yet (${PATCHABLE_KINDS.join(', ')} are): this action will do nothing`,
      'not-simulated',
    );
    return false;
  }
  if (p.kind === 'Job' && asRecord(p.patch.spec)?.suspend !== undefined)
    issues.warn([...path, 'patch', 'spec', 'suspend'], SUSPEND_NOT_SIMULATED, 'not-simulated');
  // Nodes may come from `spec.nodes` or the default node-1: the run reports an unknown one.
  if (p.kind !== 'Node' && !known.has(p.kind, p.namespace ?? 'default', p.name)) {
    issues.warn(
      [...path, 'name'],
      `${p.kind} "${p.name}" is not defined in this scenario: this action will do nothing`,
      'not-found',
    );
  }
  return true;
}

/** `kill` names a container, or `sandbox: true` (the pause container), not both. */
export function checkKillTarget(
  kill: { container: string; sandbox?: boolean },
  path: Segment[],
  issues: Issues,
): boolean {
  if (kill.sandbox && kill.container !== '') {
    issues.forbidden([...path, 'container'], 'may not be set with sandbox: true');
    return false;
  }
  if (!kill.sandbox && kill.container === '') {
    issues.required([...path, 'container'], 'a container to kill, or sandbox: true');
    return false;
  }
  return true;
}
