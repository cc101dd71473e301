/**
 * k/k pkg/controller/deployment/progress.go syncRolloutStatus and requeueStuckDeployment: the
 * Progressing condition (NewReplicaSetAvailable, ReplicaSetUpdated, ProgressDeadlineExceeded) and
 * the re-check at lastUpdateTime + progressDeadlineSeconds + 1 s.
 */
import type { DeploymentObject, ReplicaSetObject } from '../types.ts';
import { calculateStatus, type DeploymentCtx } from './sync.ts';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  newCondition,
  removeCondition,
  setCondition,
} from './util.ts';

/** What the caller does when the deadline should be checked again (an AddAfter). */
export type Requeue = (d: DeploymentObject, afterSeconds: number) => void;

function progressingCondition(
  d: DeploymentObject,
  s: DeploymentObject['status'],
  newRS: ReplicaSetObject | undefined,
  now: number,
): void {
  const target = newRS ? `ReplicaSet "${newRS.name}"` : `Deployment "${d.name}"`;
  if (deploymentComplete(d, s)) {
    const msg = `${target} has successfully progressed.`;
    setCondition(s, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg, now));
  } else if (deploymentProgressing(d.status, s)) {
    const c = newCondition(
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `${target} is progressing.`,
      now,
    );
    // Progress updates lastUpdateTime every time, keeping a True condition's transition time.
    const cur = getCondition(d.status, 'Progressing');
    if (cur?.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
    if (cur) removeCondition(s, 'Progressing');
    setCondition(s, c);
  } else if (deploymentTimedOut(d, s, now)) {
    const msg = `${target} has timed out progressing.`;
    setCondition(s, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', msg, now));
  }
}

/** syncRolloutStatus; true when the status changed (UpdateStatus). */
export function syncRolloutStatus(
  c: DeploymentCtx,
  all: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined,
  d: DeploymentObject,
  requeue: Requeue,
): boolean {
  const now = c.host.now();
  const s = calculateStatus(c, all, newRS, d);
  const cur = getCondition(d.status, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
  if (!complete) progressingCondition(d, s, newRS, now);
  if (JSON.stringify(s) === JSON.stringify(d.status)) {
    requeueStuck(d, s, now, requeue);
    return false;
  }
  d.status = s;
  return true;
}

/** requeueStuckDeployment: a rollout in progress is checked again just after its deadline. */
function requeueStuck(
  d: DeploymentObject,
  s: DeploymentObject['status'],
  now: number,
  requeue: Requeue,
): void {
  const cur = getCondition(s, 'Progressing');
  if (!cur || cur.reason === 'NewReplicaSetAvailable' || cur.reason === 'ProgressDeadlineExceeded')
    return;
  if (deploymentComplete(d, s)) return;
  const after = cur.lastUpdateTime + d.spec.progressDeadlineSeconds - now;
  requeue(d, after < 1 ? 1 : after + 1);
}
