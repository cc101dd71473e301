/** Input of `gen.mjs`: the kinds whose JSON schema is generated from kubernetes-types. */
import type { Pod, Service, ConfigMap, Secret, Namespace, Node } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';

export type K8sDoc =
  | Pod
  | Service
  | ConfigMap
  | Secret
  | Namespace
  | Node
  | PodDisruptionBudget
  | ReplicaSet
  | Deployment
  | Job
  | StatefulSet
  | DaemonSet;
