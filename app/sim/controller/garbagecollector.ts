/**
 * The garbage collector's background cascading deletion (k/k pkg/controller/garbagecollector,
 * reference cluster.md W3.32): once an owner is gone, every object whose ownerReferences name its
 * UID is deleted too — a Deployment's ReplicaSets, then their pods (each with its own grace).
 * Podlab runs it in the owner's instant (derived simplification); foreground and orphan deletion
 * are not simulated yet.
 */
import type { ReplicaSetObject } from './types.ts';

export interface GcStore {
  dependents(uid: string): { replicaSets: ReplicaSetObject[] };
  podsOwnedBy(namespace: string, uid: string): { name: string; namespace: string }[];
  deleteObject(o: ReplicaSetObject): void;
  readonly host: { deletePod(namespace: string, name: string): void };
}

export function collectGarbage(store: GcStore, ownerUid: string, namespace?: string): void {
  for (const rs of store.dependents(ownerUid).replicaSets) store.deleteObject(rs);
  if (namespace === undefined) return;
  for (const p of store.podsOwnedBy(namespace, ownerUid)) store.host.deletePod(p.namespace, p.name);
}
