/** `podsim get pods [NAME] FILE` and `podsim get endpointslices FILE`. */
import {
  formatEndpointConditions,
  formatEndpointSlicesTable,
  formatLegacyEndpointsTable,
  getLegacyEndpoints,
  formatNodesTable,
  formatPodsTable,
  getNodeRows,
  getEndpointSlices,
  getPodRows,
  podObjectAt,
  podSnapshot,
  toKubectlYaml,
  type TraceIndex,
} from '../../sim/trace/index.ts';

export interface CommandOutput {
  stdout: string;
  stderr?: string;
  code: number;
}

const notFound = (kind: string, name: string): CommandOutput => ({
  stdout: '',
  stderr: `Error from server (NotFound): ${kind} "${name}" not found\n`,
  code: 1,
});

export function getPods(
  idx: TraceIndex,
  t: number,
  name: string | undefined,
  output: string | undefined,
): CommandOutput {
  if (output === 'yaml') {
    if (name !== undefined) {
      const snap = podSnapshot(idx, name, t);
      return snap ? { stdout: toKubectlYaml(podObjectAt(snap)), code: 0 } : notFound('pods', name);
    }
    const items = getPodRows(idx, t).flatMap((r) => {
      const snap = podSnapshot(idx, r.name, t);
      return snap ? [podObjectAt(snap)] : [];
    });
    return {
      stdout: toKubectlYaml({
        apiVersion: 'v1',
        items,
        kind: 'List',
        metadata: { resourceVersion: '' },
      }),
      code: 0,
    };
  }
  const wide = output === 'wide';
  let rows = getPodRows(idx, t);
  if (name !== undefined) {
    rows = rows.filter((r) => r.name === name);
    if (rows.length === 0) return notFound('pods', name);
  }
  return { stdout: formatPodsTable(rows, { wide }), code: 0 };
}

export function getEndpointSlicesCommand(
  idx: TraceIndex,
  t: number,
  output: string | undefined,
): CommandOutput {
  const views = getEndpointSlices(idx, t);
  let text = formatEndpointSlicesTable(views);
  if (output === 'wide' && views.some((v) => v.endpoints.length > 0)) {
    text += `\n${formatEndpointConditions(views)}`;
  }
  return { stdout: text, code: 0 };
}

export function getEndpointsCommand(idx: TraceIndex, t: number): CommandOutput {
  return { stdout: formatLegacyEndpointsTable(getLegacyEndpoints(idx, t)), code: 0 };
}

export function getNodes(idx: TraceIndex, t: number, output: string | undefined): CommandOutput {
  return { stdout: formatNodesTable(getNodeRows(idx, t), { wide: output === 'wide' }), code: 0 };
}
