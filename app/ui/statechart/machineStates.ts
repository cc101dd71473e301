/** The `machine` trace records grouped per actor, for "active state at t" lookups (pure). */
import type { SimResult } from '../../sim/trace/types.ts';
import { DEFAULT_NAMESPACE } from '../../sim/trace/objectKey.ts';
import { lowerBound } from '../timeline/model.ts';

export interface ActorStates {
  /** The pod's own chart (`pod/NAME`), not a container's (`pod/NAME/CONTAINER`). */
  pod: boolean;
  times: number[];
  states: string[];
}

/**
 * The actor as the page names it: `pod/KEY` or `pod/KEY/CONTAINER`, KEY being the pod's objectKey
 * (the record's actor names only the pod; its namespace is beside it).
 */
function actorKey(actor: string, namespace: string): string {
  return namespace === DEFAULT_NAMESPACE ? actor : `pod/${namespace}/${actor.slice(4)}`;
}

const cache = new WeakMap<SimResult, Map<string, ActorStates>>();

export function machineStates(result: SimResult): Map<string, ActorStates> {
  let m = cache.get(result);
  if (m) return m;
  m = new Map();
  for (const r of result.trace) {
    if (r.type !== 'machine') continue;
    const key = actorKey(r.actor, r.namespace);
    let a = m.get(key);
    if (!a) m.set(key, (a = { pod: r.actor.split('/').length === 2, times: [], states: [] }));
    a.times.push(r.t);
    a.states.push(r.state);
  }
  cache.set(result, m);
  return m;
}

/** The latest state of `actor` at or before t. */
export function stateAt(a: ActorStates | undefined, t: number): string | undefined {
  if (!a) return undefined;
  const i = lowerBound(a.times, t + 1e-9) - 1;
  return i >= 0 ? a.states[i] : undefined;
}
