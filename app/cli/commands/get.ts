/** `podsim get pods [NAME] FILE` and `podsim get endpointslices FILE`. */
import {
  formatEndpointConditions,
  formatEndpointSlicesTable,
  formatLegacyEndpointsTable,
  getLegacyEndpoints,
  formatNodesTable,
  formatPdbTable,
  getPdbRows,
  formatPodsTable,
  getNodeRows,
  getEndpointSlices,
  getPodRows,
  objectKey,
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

/** kubectl's `-n NAMESPACE` (default `default`) and `-A` (which wins over -n, as in kubectl). */
export interface Scope {
  namespace: string;
  allNamespaces: boolean;
}

export const DEFAULT_SCOPE: Scope = { namespace: 'default', allNamespaces: false };

/**
 * The index key of pod NAME in the scope's namespace. A pod name never holds `/` (the namespace
 * comes from -n only), so `team-a/web` is not found rather than read as a key.
 */
export function podKeyIn(scope: Pick<Scope, 'namespace'>, name: string): string | undefined {
  return name.includes('/') ? undefined : objectKey(scope.namespace, name);
}

const notFound = (kind: string, name: string): CommandOutput => ({
  stdout: '',
  stderr: `Error from server (NotFound): ${kind} "${name}" not found\n`,
  code: 1,
});

/** The namespace filter of a list: none for -A. */
const listed = (scope: Scope) => (scope.allNamespaces ? {} : { namespace: scope.namespace });

export function getPods(
  idx: TraceIndex,
  t: number,
  name: string | undefined,
  output: string | undefined,
  scope: Scope = DEFAULT_SCOPE,
): CommandOutput {
  if (name !== undefined && scope.allNamespaces) {
    // kubectl get: ResourceBuilder refuses a name with --all-namespaces.
    return {
      stdout: '',
      stderr: 'error: a resource cannot be retrieved by name across all namespaces\n',
      code: 1,
    };
  }
  const rows = getPodRows(idx, t, listed(scope));
  if (output === 'yaml') {
    if (name !== undefined) {
      const key = podKeyIn(scope, name);
      const snap = key === undefined ? undefined : podSnapshot(idx, key, t);
      return snap ? { stdout: toKubectlYaml(podObjectAt(snap)), code: 0 } : notFound('pods', name);
    }
    const items = rows.flatMap((r) => {
      const snap = podSnapshot(idx, objectKey(r.namespace, r.name), t);
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
  const shown = name === undefined ? rows : rows.filter((r) => r.name === name);
  if (name !== undefined && shown.length === 0) return notFound('pods', name);
  return {
    stdout: formatPodsTable(shown, {
      wide,
      namespace: scope.namespace,
      allNamespaces: scope.allNamespaces,
    }),
    code: 0,
  };
}

export function getEndpointSlicesCommand(
  idx: TraceIndex,
  t: number,
  output: string | undefined,
  scope: Scope = DEFAULT_SCOPE,
): CommandOutput {
  const views = getEndpointSlices(idx, t, listed(scope));
  let text = formatEndpointSlicesTable(views, scope.namespace, scope.allNamespaces);
  if (output === 'wide' && views.some((v) => v.endpoints.length > 0)) {
    text += `\n${formatEndpointConditions(views, scope.allNamespaces)}`;
  }
  return { stdout: text, code: 0 };
}

export function getEndpointsCommand(
  idx: TraceIndex,
  t: number,
  scope: Scope = DEFAULT_SCOPE,
): CommandOutput {
  const views = getLegacyEndpoints(idx, t, listed(scope));
  return {
    stdout: formatLegacyEndpointsTable(views, scope.namespace, scope.allNamespaces),
    code: 0,
  };
}

/** `kubectl get pdb` in the scope's namespace (or all). */
export function getPdbs(idx: TraceIndex, t: number, scope: Scope = DEFAULT_SCOPE): CommandOutput {
  const rows = getPdbRows(idx, t, scope.allNamespaces ? undefined : scope.namespace);
  return { stdout: formatPdbTable(rows, scope.namespace, scope.allNamespaces), code: 0 };
}

export function getNodes(idx: TraceIndex, t: number, output: string | undefined): CommandOutput {
  return { stdout: formatNodesTable(getNodeRows(idx, t), { wide: output === 'wide' }), code: 0 };
}
