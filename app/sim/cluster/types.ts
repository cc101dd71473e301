/**
 * What the scenario actions and the node lifecycle controller use of the cluster (implemented by
 * cluster.ts). They take this interface, not the class that creates them, so no module here imports
 * the cluster back (no import cycle).
 */
import type {
  DefaultedNode,
  NodeState,
  ObjectKey,
  PatchAction,
  ScenarioAction,
  SourceObject,
} from '../../k8s/types.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { KubeletProfile } from '../profile.ts';
import type { Cause } from '../trace/types.ts';
import type { BudgetView } from './eviction.ts';

export type DeleteAction = ScenarioAction & {
  delete: ObjectKey & { gracePeriodSeconds?: number; force?: boolean };
};
export type NodeAction = ScenarioAction & { node: { name: string; state: NodeState } };

export interface ClusterApi {
  readonly clock: SimClock;
  readonly recorder: Recorder;
  readonly profile: KubeletProfile;
  readonly pods: ReadonlyMap<string, PodWorker>;
  readonly node: { setState(a: NodeAction): void };
  /** Creates the object; `action` is the scenario action that applied it, if any (for errors). */
  apply(src: SourceObject, action?: ScenarioAction): void;
  delete(a: DeleteAction): void;
  findPod(name: string, ns?: string): PodWorker | undefined;
  hasNode(name: string): boolean;
  nodeNames(): string[];
  /** The node's conditions as a healthy kubelet posts them, or Unknown as the controller sets them. */
  postNodeStatus(node: string, state: 'healthy' | 'unknown', cause?: Cause): void;
  /** The node a pod with a kubelet runs on. */
  nodeOf(w: PodWorker): string | undefined;
  actionError(a: ScenarioAction, message: string): void;
  /** The running action's outcome when it succeeded (kubectl's answer), for the `actions` series. */
  actionResult(message: string): void;
  /** The Node object as the API holds it now. */
  nodeObject(name: string): DefaultedNode | undefined;
  /** A Node update (a patch): stored, recorded, and the scheduler retries (NodeUpdate). */
  updateNode(node: DefaultedNode): void;
  syncEndpoints(): void;
  staticPod(
    ref: { node: string; pod: string; namespace?: string; present: boolean },
    src: SourceObject | undefined,
    report: (severity: 'error' | 'warning', message: string) => void,
  ): void;
  /** The PodDisruptionBudgets whose selector matches the pod (same namespace), for the Eviction API. */
  budgetsFor(w: PodWorker): BudgetView[];
  /** The scenario actions on Deployments and ReplicaSets (workloadHost.ts). */
  readonly workloads: {
    scale(a: ScenarioAction & { scale: unknown }): void;
    rollout(a: ScenarioAction & { rollout: unknown }): void;
    patch(a: PatchAction): void;
  };
}
