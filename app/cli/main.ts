/**
 * `podsim`: the playground's engine and kubectl projections from the command line (DESIGN.md §4).
 * Exit 0 on success, 1 on an invalid scenario or a missing object, 2 on a usage error.
 */
import { describeWorkload, getWorkloads, rolloutStatus } from './commands/workloads.ts';
import { parseArgs } from 'node:util';
import { MAX_UNTIL, parseDuration, UNTIL_TOO_LONG } from '../k8s/index.ts';
import { encodeShareFragment } from '../scenario/shareLink.ts';
import { describeNodeAt, describePdbAt, describePodAt } from '../sim/trace/index.ts';
import { RUN_WALL_BUDGET_MS } from '../sim/trace/runStop.ts';
import {
  getEndpointsCommand,
  getEndpointSlicesCommand,
  getNodes,
  getPdbs,
  getPods,
  podKeyIn,
  type CommandOutput,
  type Scope,
} from './commands/get.ts';
import { exportKubectlCommand } from './commands/export.ts';
import { logsCommand } from './commands/logs.ts';
import { runCommand } from './commands/run.ts';
import { InputError, readScenario, type ScenarioInput } from './input.ts';
import { processIO, type CliIO } from './io.ts';
import { EXIT_STOPPED, loadScenario, type Loaded } from './load.ts';
import { USAGE, UsageError } from './usage.ts';
import { isKubernetesVersion, type KubernetesVersion } from '../k8s/features.ts';
import { unsupportedVersion } from '../k8s/scenarioVersion.ts';

const OPTIONS = {
  until: { type: 'string' },
  at: { type: 'string' },
  'max-wall': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  container: { type: 'string', short: 'c' },
  previous: { type: 'boolean', short: 'p' },
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--max-wall` when not given: the page's run timeout. */
export const DEFAULT_MAX_WALL_S = RUN_WALL_BUDGET_MS / 1000;

interface Flags {
  until?: number;
  at?: number;
  maxWallS: number;
  json: boolean;
  output?: string;
  container?: string;
  previous: boolean;
  scope: Scope;
  /** `-n` was given (run shows every namespace otherwise). */
  namespaceGiven: boolean;
  /** `--kubernetes-version`: overrides the Scenario's spec.kubernetesVersion. */
  kubernetesVersion?: KubernetesVersion;
}

/** `describe` resource names of the workloads kubectl describes (deployment, job). */
const WORKLOAD_RESOURCES: Readonly<Record<string, 'Deployment' | 'Job' | undefined>> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  job: 'Job',
  jobs: 'Job',
};

function kubernetesVersion(v: string | undefined): KubernetesVersion | undefined {
  if (v === undefined || isKubernetesVersion(v)) return v;
  throw new UsageError(`invalid --kubernetes-version "${v}": ${unsupportedVersion(v)}`);
}

function duration(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = parseDuration(v);
  if (s === undefined)
    throw new UsageError(`invalid --${name} "${v}": use a duration such as 45s or 1m30s`);
  if (s > MAX_UNTIL) throw new UsageError(`invalid --${name} "${v}": ${UNTIL_TOO_LONG}`);
  return s;
}

function maxWall(v: string | undefined): number {
  if (v === undefined) return DEFAULT_MAX_WALL_S;
  const s = /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!(s > 0))
    throw new UsageError(`invalid --max-wall "${v}": use a number of seconds greater than 0`);
  return s;
}

function expectArity(positionals: string[], n: number, what: string): void {
  if (positionals.length !== n) throw new UsageError(`usage: podsim ${what}`);
}

function emit(io: CliIO, out: CommandOutput): number {
  if (out.stderr) io.stderr(out.stderr);
  if (out.stdout) io.stdout(out.stdout);
  return out.code;
}

async function withScenario(
  io: CliIO,
  file: string,
  flags: Flags,
  fn: (loaded: Loaded, t: number) => CommandOutput,
): Promise<number> {
  const outcome = await loadScenario(file, io, {
    ...(flags.until !== undefined ? { until: flags.until } : {}),
    ...(flags.at !== undefined ? { at: flags.at } : {}),
    maxWallS: flags.maxWallS,
    ...(flags.kubernetesVersion ? { kubernetesVersion: flags.kubernetesVersion } : {}),
  });
  if (!outcome.ok) return outcome.code;
  const { loaded } = outcome;
  const { stopped, until } = loaded.result;
  const wanted = flags.at ?? loaded.input.t ?? until;
  // A stopped run shows the last time it reached, never a time it did not simulate.
  const t = stopped ? Math.min(wanted, until) : wanted;
  const code = emit(io, fn(loaded, t));
  return stopped && code === 0 ? EXIT_STOPPED : code;
}

/** For commands that need the text only (no simulation): exit 1 when it cannot be read. */
async function withInput(
  io: CliIO,
  file: string,
  fn: (input: ScenarioInput) => CommandOutput,
): Promise<number> {
  let input: ScenarioInput;
  try {
    input = await readScenario(file, io);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`podsim: ${e.message}\n`);
    return 1;
  }
  return emit(io, fn(input));
}

async function dispatch(positionals: string[], flags: Flags, io: CliIO): Promise<number> {
  const [command, ...rest] = positionals;
  switch (command) {
    case 'run': {
      expectArity(rest, 1, 'run FILE [--until 10m] [--json]');
      const scope = flags.scope.allNamespaces
        ? { allNamespaces: true }
        : flags.namespaceGiven
          ? { namespace: flags.scope.namespace }
          : {};
      return withScenario(io, rest[0] ?? '', { ...flags, at: undefined }, (l) => ({
        stdout: runCommand(l.result, l.idx, flags.json, scope),
        code: 0,
      }));
    }
    case 'get': {
      const [resource, ...args] = rest;
      if (resource === 'pods' || resource === 'pod' || resource === 'po') {
        if (args.length !== 1 && args.length !== 2)
          throw new UsageError('usage: podsim get pods [NAME] FILE [--at 45s] [-o wide|yaml]');
        if (flags.output !== undefined && flags.output !== 'wide' && flags.output !== 'yaml') {
          throw new UsageError(`unsupported output format "${flags.output}" (use wide or yaml)`);
        }
        const name = args.length === 2 ? args[0] : undefined;
        return withScenario(io, args[args.length - 1] ?? '', flags, (l, t) =>
          getPods(l.idx, t, name, flags.output, flags.scope),
        );
      }
      if (resource === 'endpointslices' || resource === 'endpointslice') {
        expectArity(args, 1, 'get endpointslices FILE [--at 45s] [-o wide]');
        return withScenario(io, args[0] ?? '', flags, (l, t) =>
          getEndpointSlicesCommand(l.idx, t, flags.output, flags.scope),
        );
      }
      if (resource === 'nodes' || resource === 'node' || resource === 'no') {
        expectArity(args, 1, 'get nodes FILE [--at 45s] [-o wide]');
        if (flags.output !== undefined && flags.output !== 'wide')
          throw new UsageError(`unsupported output format "${flags.output}" (use wide)`);
        return withScenario(io, args[0] ?? '', flags, (l, t) => getNodes(l.idx, t, flags.output));
      }
      if (resource === 'pdb' || resource === 'pdbs' || resource === 'poddisruptionbudgets') {
        expectArity(args, 1, 'get pdb FILE [--at 45s]');
        return withScenario(io, args[0] ?? '', flags, (l, t) => getPdbs(l.idx, t, flags.scope));
      }
      if (resource === 'endpoints' || resource === 'ep') {
        expectArity(args, 1, 'get endpoints FILE [--at 45s]');
        return withScenario(io, args[0] ?? '', flags, (l, t) =>
          getEndpointsCommand(l.idx, t, flags.scope),
        );
      }
      const workload = ['deployments', 'deployment', 'deploy'].includes(resource ?? '')
        ? 'Deployment'
        : ['replicasets', 'replicaset', 'rs'].includes(resource ?? '')
          ? 'ReplicaSet'
          : ['jobs', 'job'].includes(resource ?? '')
            ? 'Job'
            : ['statefulsets', 'statefulset', 'sts'].includes(resource ?? '')
              ? 'StatefulSet'
              : ['daemonsets', 'daemonset', 'ds'].includes(resource ?? '')
                ? 'DaemonSet'
                : undefined;
      if (workload) {
        expectArity(args, 1, `get ${resource ?? ''} FILE [--at 45s]`);
        return withScenario(io, args[0] ?? '', flags, (l, t) =>
          getWorkloads(l.idx, t, workload, flags.scope),
        );
      }
      throw new UsageError(
        `unknown resource "${resource ?? ''}" (podsim gets pods, nodes, pdb, deployments, replicasets, jobs, statefulsets, daemonsets, endpointslices and endpoints)`,
      );
    }
    case 'rollout': {
      if (rest[0] !== 'status' || rest.length !== 3)
        throw new UsageError(
          'usage: podsim rollout status deployment|statefulset|daemonset/NAME FILE [--at 45s]',
        );
      return withScenario(io, rest[2] ?? '', flags, (l, t) =>
        rolloutStatus(l.idx, t, rest[1] ?? '', flags.scope),
      );
    }
    case 'describe': {
      const [resource, name, file] = rest;
      if (resource === 'pdb' || resource === 'poddisruptionbudget') {
        expectArity(rest, 3, 'describe pdb NAME FILE [--at 45s]');
        return withScenario(io, file ?? '', flags, (l, t) => {
          const text = describePdbAt(l.idx, name ?? '', flags.scope.namespace, t);
          return text === undefined
            ? {
                stdout: '',
                stderr: `Error from server (NotFound): poddisruptionbudgets.policy "${name ?? ''}" not found\n`,
                code: 1,
              }
            : { stdout: text, code: 0 };
        });
      }
      const workload = WORKLOAD_RESOURCES[resource ?? ''];
      if (workload) {
        expectArity(rest, 3, `describe ${workload.toLowerCase()} NAME FILE [--at 45s]`);
        return withScenario(io, file ?? '', flags, (l, t) =>
          describeWorkload(l.idx, t, workload, name ?? '', flags.scope),
        );
      }
      const isNode = resource === 'node' || resource === 'nodes' || resource === 'no';
      if (!isNode && resource !== 'pod' && resource !== 'pods' && resource !== 'po') {
        throw new UsageError('usage: podsim describe pod|node|deployment|job NAME FILE [--at 45s]');
      }
      expectArity(rest, 3, `describe ${isNode ? 'node' : 'pod'} NAME FILE [--at 45s]`);
      const describeAt = isNode ? describeNodeAt : describePodAt;
      return withScenario(io, file ?? '', flags, (l, t) => {
        const key = isNode ? name : podKeyIn(flags.scope, name ?? '');
        const text = key === undefined ? undefined : describeAt(l.idx, key, t);
        return text === undefined
          ? {
              stdout: '',
              stderr: `Error from server (NotFound): ${isNode ? 'nodes' : 'pods'} "${name ?? ''}" not found\n`,
              code: 1,
            }
          : { stdout: text, code: 0 };
      });
    }
    case 'logs': {
      expectArity(rest, 2, 'logs POD [-c CONTAINER] [--previous] FILE [--at 45s]');
      return withScenario(io, rest[1] ?? '', flags, (l, t) =>
        logsCommand(
          l.idx,
          t,
          rest[0] ?? '',
          flags.container,
          flags.previous,
          flags.scope.namespace,
        ),
      );
    }
    case 'link': {
      expectArity(rest, 1, 'link FILE [--at 45s]');
      return withInput(io, rest[0] ?? '', (input) => {
        const t = flags.at ?? input.t;
        const fragment = encodeShareFragment({
          yaml: input.text,
          ...(t !== undefined ? { t } : {}),
        });
        return { stdout: `#${fragment}\n`, code: 0 };
      });
    }
    case 'export': {
      if (rest[0] !== 'kubectl' || rest.length !== 2)
        throw new UsageError('usage: podsim export kubectl FILE');
      return withInput(io, rest[1] ?? '', exportKubectlCommand);
    }
    default:
      throw new UsageError(
        command === undefined ? 'no command given' : `unknown command "${command}"`,
      );
  }
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const flags: Flags = {
      maxWallS: maxWall(values['max-wall']),
      json: values.json ?? false,
      previous: values.previous ?? false,
      scope: {
        namespace: values.namespace ?? 'default',
        allNamespaces: values['all-namespaces'] ?? false,
      },
      namespaceGiven: values.namespace !== undefined,
      ...(values.output !== undefined ? { output: values.output } : {}),
      ...(values.container !== undefined ? { container: values.container } : {}),
    };
    const version = kubernetesVersion(values['kubernetes-version']);
    if (version) flags.kubernetesVersion = version;
    const until = duration('until', values.until);
    const at = duration('at', values.at);
    if (until !== undefined) flags.until = until;
    if (at !== undefined) flags.at = at;
    return await dispatch(positionals, flags, io);
  } catch (e) {
    const isUsage =
      e instanceof UsageError ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (!isUsage) throw e;
    io.stderr(`podsim: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
}
