/**
 * The `podsim run --json` shape (DESIGN.md §4), as far as example promises read it. Structural, so
 * the projection helper's `toPodsimJson` output can be passed in as is.
 */
export interface Point<V> {
  t: number;
  value: V;
}

export interface PodRow {
  t: number;
  ready: string;
  status: string;
  restarts: number;
}

export interface ContainerStatePoint {
  t: number;
  state: string;
  reason?: string;
  exitCode?: number;
}

export interface PodsimContainer {
  state: readonly ContainerStatePoint[];
  ready: readonly Point<boolean>[];
  started: readonly Point<boolean>[];
  restartCount: readonly Point<number>[];
}

export interface PodsimPod {
  rows: readonly PodRow[];
  phase: readonly Point<string>[];
  conditions: Readonly<Record<string, readonly { t: number; status: string; reason?: string }[]>>;
  containers: Readonly<Record<string, PodsimContainer>>;
}

export interface EndpointPoint {
  t: number;
  ready: readonly string[];
  serving: readonly string[];
  terminating: readonly string[];
}

export interface PodsimEvent {
  t: number;
  object: string;
  type: string;
  reason: string;
  message: string;
}

export interface PodsimJson {
  until: number;
  pods: Readonly<Record<string, PodsimPod>>;
  endpoints: Readonly<Record<string, readonly EndpointPoint[]>>;
  events: readonly PodsimEvent[];
}
