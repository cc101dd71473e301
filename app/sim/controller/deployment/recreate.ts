/**
 * k/k pkg/controller/deployment/recreate.go rolloutRecreate (reference cluster.md W3.11): every
 * old RS to 0, wait until none of their pods runs (terminating ones count), then the new RS at
 * full size.
 */
import type { CtlPod, DeploymentObject, ReplicaSetObject } from '../types.ts';
import { syncRolloutStatus, type Requeue } from './progress.ts';
import {
  activeRSs,
  cleanupDeployment,
  getAllReplicaSets,
  scaleRS,
  type DeploymentCtx,
} from './sync.ts';
import { actualReplicas, deploymentComplete } from './util.ts';

/** oldPodsRunning: old RSs report replicas, or one of their pods is not Succeeded/Failed. */
function oldPodsRunning(old: readonly ReplicaSetObject[], pods: readonly CtlPod[]): boolean {
  if (actualReplicas(old) > 0) return true;
  const uids = new Set(old.map((rs) => rs.uid));
  return pods.some(
    (p) =>
      p.ownerUid !== undefined &&
      uids.has(p.ownerUid) &&
      p.phase !== 'Failed' &&
      p.phase !== 'Succeeded',
  );
}

export function rolloutRecreate(c: DeploymentCtx, d: DeploymentObject, requeue: Requeue): boolean {
  let { newRS, oldRSs } = getAllReplicaSets(c, d, false);
  const all = () => [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeRSs(oldRSs)) if (scaleRS(c, rs, 0, d)) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(c, all(), newRS, d, requeue);
  if (oldPodsRunning(oldRSs, c.host.pods(d.namespace)))
    return syncRolloutStatus(c, all(), newRS, d, requeue);
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSets(c, d, true));
  // scaleUpNewReplicaSetForRecreate.
  if (newRS) scaleRS(c, newRS, d.spec.replicas, d);
  if (deploymentComplete(d, d.status)) cleanupDeployment(c, d, oldRSs);
  return syncRolloutStatus(c, all(), newRS, d, requeue);
}
