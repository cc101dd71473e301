/**
 * Trace projections (DESIGN.md §2.5): pure functions of a SimResult at time t. Build the index once
 * per result with createTraceIndex; every query at t is then a few binary searches.
 */
export type * from './types.ts';
export {
  createTraceIndex,
  startTraceIndex,
  podNames,
  podAt,
  serviceAt,
  usesNamespaces,
} from './traceIndex.ts';
export {
  objectKey,
  splitObjectKey,
  eventKey,
  kubectlName,
  DEFAULT_NAMESPACE,
} from './objectKey.ts';
export type { TraceIndex, TraceIndexBuild, PodTrack, ServiceTrack } from './traceIndex.ts';
export { getPodRows, formatPodsTable, getWatchRows, getPodWatchRows } from './podRows.ts';
export type { PodRow, WatchRow } from './podRows.ts';
export { describePod, describePodAt } from './describe.ts';
export { describeNodeAt, formatNodesTable, getNodeRows } from './nodes.ts';
export { describePdbAt, formatPdbTable, getPdbRows } from './pdbs.ts';
export type { NodeRow } from './nodes.ts';
export { podYaml, podObjectAt, toKubectlYaml } from './podYaml.ts';
export { podSnapshot } from './podState.ts';
export type { PodSnapshot } from './podState.ts';
export {
  getEndpointSlices,
  formatEndpointSlicesTable,
  formatEndpointConditions,
} from './endpointSlices.ts';
export type { EndpointSliceView, EndpointSlicePort, EndpointView } from './endpointSlices.ts';
export { getEvents, eventAge } from './events.ts';
export type { AggregatedEvent } from './events.ts';
export { getLogs, readLogs } from './logs.ts';
export type { LogsResult } from './logs.ts';
export { humanDuration, formatGoDuration, rfc3339, rfc1123z, EPOCH_MS } from './time.ts';
export { toPodsimJson } from './podsimJson.ts';
export type { PodsimJson, PodsimPod, PodsimNode, PodsimContainerState } from './podsimJson.ts';
export { tabwrite, TABLE_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter.ts';
export { formatWatchTable } from './watchTable.ts';
export type { WatchTableOptions } from './watchTable.ts';
export { getLegacyEndpoints, formatLegacyEndpointsTable } from './legacyEndpoints.ts';
export type { EndpointsView } from './legacyEndpoints.ts';
export {
  deploymentsAt,
  replicaSetsAt,
  formatDeploymentsTable,
  formatReplicaSetsTable,
  jobsAt,
  formatJobsTable,
  describeDeploymentAt,
  rolloutStatusAt,
} from './workloadViews.ts';
export { describeJobAt } from './describeJob.ts';
export { formatStatefulSetsTable, statefulSetsAt } from './statefulSetViews.ts';
export { daemonSetsAt, formatDaemonSetsTable } from './daemonSetViews.ts';
export { workloadsJson } from './workloads.ts';
