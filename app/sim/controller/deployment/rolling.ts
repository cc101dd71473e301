/**
 * k/k pkg/controller/deployment/rolling.go rolloutRolling, reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate
 * (reference cluster.md W3.10).
 */
import type { DeploymentObject, ReplicaSetObject } from '../types.ts';
import { syncRolloutStatus, type Requeue } from './progress.ts';
import {
  activeRSs,
  cleanupDeployment,
  getAllReplicaSets,
  scaleRS,
  type DeploymentCtx,
} from './sync.ts';
import {
  availableReplicas,
  byCreation,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  specReplicas,
} from './util.ts';

function reconcileNewReplicaSet(
  c: DeploymentCtx,
  all: ReplicaSetObject[],
  newRS: ReplicaSetObject,
  d: DeploymentObject,
): boolean {
  if (newRS.spec.replicas === d.spec.replicas) return false;
  if (newRS.spec.replicas > d.spec.replicas) return scaleRS(c, newRS, d.spec.replicas, d);
  return scaleRS(c, newRS, newRSNewReplicas(d, all, newRS), d);
}

/**
 * The loop of cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate: old RSs,
 * oldest first, each losing what `take` allows until `budget` replicas are gone.
 */
function scaleDownOldest(
  c: DeploymentCtx,
  old: ReplicaSetObject[],
  d: DeploymentObject,
  budget: number,
  take: (rs: ReplicaSetObject) => number,
): number {
  let total = 0;
  for (const rs of [...old].sort(byCreation)) {
    if (total >= budget) break;
    const n = Math.min(budget - total, take(rs));
    if (n <= 0) continue;
    scaleRS(c, rs, rs.spec.replicas - n, d);
    total += n;
  }
  return total;
}

/** cleanupUnhealthyReplicas: up to `max` unavailable old replicas go first. */
const cleanupUnhealthy = (
  c: DeploymentCtx,
  old: ReplicaSetObject[],
  d: DeploymentObject,
  max: number,
) => scaleDownOldest(c, old, d, max, (rs) => rs.spec.replicas - rs.status.availableReplicas);

/** scaleDownOldReplicaSetsForRollingUpdate: the available replicas above minAvailable. */
function scaleDownOld(
  c: DeploymentCtx,
  all: ReplicaSetObject[],
  old: ReplicaSetObject[],
  d: DeploymentObject,
) {
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const available = availableReplicas(all);
  if (available <= minAvailable) return 0;
  return scaleDownOldest(c, old, d, available - minAvailable, (rs) => rs.spec.replicas);
}

function reconcileOldReplicaSets(
  c: DeploymentCtx,
  all: ReplicaSetObject[],
  old: ReplicaSetObject[],
  newRS: ReplicaSetObject,
  d: DeploymentObject,
): boolean {
  if (specReplicas(old) === 0) return false;
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newUnavailable = newRS.spec.replicas - newRS.status.availableReplicas;
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthy(c, old, d, maxScaledDown);
  const scaled = scaleDownOld(c, all, old, d);
  return cleaned + scaled > 0;
}

export function rolloutRolling(c: DeploymentCtx, d: DeploymentObject, requeue: Requeue): boolean {
  const { newRS, oldRSs } = getAllReplicaSets(c, d, true);
  if (!newRS) return false;
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(c, all, newRS, d)) return syncRolloutStatus(c, all, newRS, d, requeue);
  if (reconcileOldReplicaSets(c, all, activeRSs(oldRSs), newRS, d))
    return syncRolloutStatus(c, all, newRS, d, requeue);
  if (deploymentComplete(d, d.status)) cleanupDeployment(c, d, oldRSs);
  return syncRolloutStatus(c, all, newRS, d, requeue);
}
