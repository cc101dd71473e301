/**
 * `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data --force` (the `Drained` node
 * state, reference cluster.md N2.13–N2.14), after kubectl pkg/drain/drain.go (GetPodsForDeletion,
 * evictPods, waitForDelete) and pkg/drain/filters.go: cordon, then every pod of the node through
 * the Eviction API in parallel (Podlab: in namespace/name order within one instant) —
 * `evicting pod NS/NAME`; on 429 `error when evicting pods/"NAME" -n "NS" (will retry after 5s):
 * MESSAGE` and again 5 s later (EvictErrorRetryDelay); once accepted, a poll every 1 s starting at
 * once until the pod is gone: `pod/NAME evicted`; when all are gone `node/NODE drained`.
 * `--force` because Podlab's bare pods declare no controller (they just go: kubectl warns
 * `Warning: deleting Pods that declare no controller: NS/NAME, …`). The lines of the action's
 * instant are its result; later ones are further `action` records under the same label.
 */
import { isStaticPod } from '../kubelet/staticPods.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { Cause } from '../trace/types.ts';
import { actionLabel } from './actions.ts';
import { evictPod } from './eviction.ts';
import type { ClusterApi, NodeAction } from './types.ts';

/** kubectl's EvictErrorRetryDelay and waitForDelete's poll interval. */
export const EVICT_RETRY_MS = 5000;
export const DELETE_POLL_MS = 1000;

export function drainNode(c: ClusterApi, a: NodeAction, cordonLine: string): void {
  const node = a.node.name;
  const label = actionLabel(a, c.profile.namespace);
  let now: string[] | undefined = [cordonLine];
  const out = (line: string) => {
    if (now) now.push(line);
    else c.recorder.add({ type: 'action', action: label, ok: true, message: line });
  };
  const pods = [...c.pods.values()]
    // filters.go mirrorPodFilter: a static pod's mirror is skipped without a word.
    .filter((w) => w.lifecycle !== 'deleted' && c.nodeOf(w) === node && !isStaticPod(w.pod))
    .sort((x, y) => `${x.namespace}/${x.name}`.localeCompare(`${y.namespace}/${y.name}`));
  // filters.go unreplicatedFilter with --force: a warning, the pod is still evicted.
  const unmanaged = pods.filter(
    (w) =>
      !(w.pod.metadata?.ownerReferences ?? []).some((o) => o.controller) &&
      w.phase !== 'Succeeded' &&
      w.phase !== 'Failed',
  );
  if (unmanaged.length > 0)
    out(
      `Warning: deleting Pods that declare no controller: ${unmanaged.map((w) => `${w.namespace}/${w.name}`).join(', ')}`,
    );
  const cause: Cause = {
    message: `kubectl drain ${node}: the Eviction API deletes the pod with its own grace period`,
    field: { doc: a.doc, path: a.path },
  };
  let left = pods.length;
  const done = () => {
    if (--left === 0) out(`node/${node} drained`);
  };
  for (const w of pods) evictLoop(c, w, cause, out, done);
  if (pods.length === 0) out(`node/${node} drained`);
  const lines = now;
  now = undefined;
  c.actionResult(lines.join('\n'));
}

function gone(c: ClusterApi, w: PodWorker): boolean {
  return w.lifecycle === 'deleted' || c.findPod(w.name, w.namespace) !== w;
}

function evictLoop(
  c: ClusterApi,
  w: PodWorker,
  cause: Cause,
  out: (line: string) => void,
  done: () => void,
): void {
  const attempt = () => {
    if (gone(c, w)) {
      out(`pod/${w.name} evicted`);
      return done();
    }
    out(`evicting pod ${w.namespace}/${w.name}`);
    const r = evictPod(w, c.budgetsFor(w), cause);
    if (r.ok) return waitForDelete();
    if (r.code === 429) {
      out(
        `error when evicting pods/"${w.name}" -n "${w.namespace}" (will retry after 5s): ${r.message}`,
      );
      c.clock.after(EVICT_RETRY_MS, attempt);
      return;
    }
    // Any other error ends this pod's goroutine; drain reports it and the node stays pending.
    out(`error when evicting pods/"${w.name}" -n "${w.namespace}": ${r.message}`);
  };
  // waitForDelete: wait.PollImmediate(1s): the first check at once.
  const waitForDelete = () => {
    if (gone(c, w)) {
      out(`pod/${w.name} evicted`);
      return done();
    }
    c.clock.after(DELETE_POLL_MS, waitForDelete);
  };
  attempt();
}
