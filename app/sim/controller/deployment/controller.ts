/**
 * k/k pkg/controller/deployment/deployment_controller.go syncDeployment: a replicas change is a
 * scaling event (sync.go sync: proportional scaling, no new RS), anything else a rollout by the
 * strategy. Paused Deployments and rollbackTo are not simulated.
 */
import type { DeploymentObject } from '../types.ts';
import type { Requeue } from './progress.ts';
import { syncRolloutStatus } from './progress.ts';
import { rolloutRecreate } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import {
  cleanupDeployment,
  getAllReplicaSets,
  isScalingEvent,
  scale,
  type DeploymentCtx,
} from './sync.ts';
import { deploymentComplete } from './util.ts';

/** One sync; true when the Deployment object (status, annotations) changed. */
export function syncDeployment(c: DeploymentCtx, d: DeploymentObject, requeue: Requeue): boolean {
  const before = JSON.stringify([d.status, d.annotations]);
  if (isScalingEvent(c, d)) {
    const { newRS, oldRSs } = getAllReplicaSets(c, d, false);
    scale(c, d, newRS, oldRSs);
    if (deploymentComplete(d, d.status)) cleanupDeployment(c, d, oldRSs);
    syncRolloutStatus(c, [...oldRSs, newRS], newRS, d, requeue);
  } else if (d.spec.strategy.type === 'Recreate') rolloutRecreate(c, d, requeue);
  else rolloutRolling(c, d, requeue);
  return JSON.stringify([d.status, d.annotations]) !== before;
}
