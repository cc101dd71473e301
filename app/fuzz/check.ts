/**
 * One fuzz case end to end: parse → simulate (twice) → every projection the page and the CLI offer
 * → the exports. Returns the invariants the case broke; an exception anywhere is a broken invariant
 * too (bad input must never break a view). Pure apart from the CLI path, which runs in-process.
 */
import { main } from '../cli/main.ts';
import type { CliIO } from '../cli/io.ts';
import { decodeShareFragment, encodeShareFragment } from '../scenario/shareLink.ts';
import { toKubectlScript } from '../scenario/kubectlScript.ts';
import { simulateText } from '../sim/index.ts';
import {
  createTraceIndex,
  describePod,
  formatEndpointSlicesTable,
  formatLegacyEndpointsTable,
  formatPodsTable,
  getEndpointSlices,
  getEvents,
  getLegacyEndpoints,
  getPodRows,
  getWatchRows,
  podNames,
  podYaml,
  readLogs,
  toPodsimJson,
  type SimResult,
  type TraceIndex,
} from '../sim/trace/index.ts';
import { buildTimeline } from '../ui/timeline/model.ts';
import { objectKey } from '../sim/trace/objectKey.ts';

export interface CaseOptions {
  /** Simulated seconds at most (the CI run caps long scenarios; the nightly run does not). */
  untilCap?: number;
  /** Wall-clock budget for the whole case, milliseconds. */
  wallBudgetMs: number;
  /** Also run the case through `podsim run --json` and `podsim get pods` in-process. */
  cli?: boolean;
}

export interface CaseReport {
  failures: string[];
  wallMs: number;
  records: number;
}

const firstLine = (e: unknown) =>
  e instanceof Error ? `${e.name}: ${e.message.split('\n')[0] ?? ''}` : String(e);

/** Runs `fn`, turning a throw into a failure named `what`. */
function guard<T>(failures: string[], what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    failures.push(`${what} threw ${firstLine(e)}`);
    return undefined;
  }
}

/** Restart counts never decrease while one pod object lives; events come in time order. */
export function traceInvariants(result: SimResult): string[] {
  const failures: string[] = [];
  const restarts = new Map<string, number>();
  let lastEvent = -Infinity;
  let lastT = -Infinity;
  for (const r of result.trace) {
    if (!Number.isFinite(r.t) || r.t < 0) failures.push(`record ${r.type} at t=${r.t}`);
    if (r.t > result.until + 1e-9) failures.push(`record ${r.type} at ${r.t} after until`);
    // A pod is its namespace and name (web in team-a and web in team-b are two pods).
    if (r.type === 'pod.deleted') {
      const pod = `${objectKey(r.namespace, r.pod)}\u0000`;
      for (const k of [...restarts.keys()]) if (k.startsWith(pod)) restarts.delete(k);
    } else if (r.type === 'container.status') {
      const k = `${objectKey(r.namespace, r.pod)}\u0000${r.container}`;
      const before = restarts.get(k) ?? 0;
      if (r.status.restartCount < before)
        failures.push(
          `${k.replace('\u0000', '/')}: restartCount ${before} → ${r.status.restartCount}`,
        );
      restarts.set(k, r.status.restartCount);
    } else if (r.type === 'event') {
      if (r.t < lastEvent) failures.push(`event ${r.reason} at ${r.t} after one at ${lastEvent}`);
      lastEvent = r.t;
    }
    lastT = Math.max(lastT, r.t);
  }
  return failures.slice(0, 5);
}

/** Every kubectl view at time t, as the CLI and the panels ask for them. */
function projectAt(failures: string[], idx: TraceIndex, t: number): void {
  guard(failures, `get pods @${t}`, () => formatPodsTable(getPodRows(idx, t), { wide: true }));
  guard(failures, `endpointslices @${t}`, () =>
    formatEndpointSlicesTable(getEndpointSlices(idx, t)),
  );
  guard(failures, `endpoints @${t}`, () => formatLegacyEndpointsTable(getLegacyEndpoints(idx, t)));
  guard(failures, `events @${t}`, () => getEvents(idx, t));
  for (const name of podNames(idx)) {
    guard(failures, `describe ${name} @${t}`, () => describePod(idx, name, t));
    guard(failures, `pod yaml ${name} @${t}`, () => podYaml(idx, name, t));
    for (const track of idx.pods.get(name) ?? []) {
      for (const c of track.containers.keys()) {
        guard(failures, `logs ${name}/${c} @${t}`, () => readLogs(idx, name, c, t));
        guard(failures, `logs -p ${name}/${c} @${t}`, () =>
          readLogs(idx, name, c, t, { previous: true }),
        );
      }
    }
  }
}

function memoryIO(text: string): { io: CliIO; out: string[] } {
  const out: string[] = [];
  return {
    out,
    io: {
      stdout: (s) => void out.push(s),
      stderr: () => undefined,
      readStdin: async () => text,
      readFile: async () => text,
    },
  };
}

async function cliChecks(failures: string[], text: string, cap?: number): Promise<void> {
  const until = cap !== undefined ? ['--until', `${cap}s`] : [];
  for (const argv of [
    ['run', 'case.yaml', '--json', ...until],
    ['get', 'pods', 'case.yaml', ...until],
  ]) {
    const { io, out } = memoryIO(text);
    try {
      const code = await main(argv, io);
      if (code !== 0 && code !== 1) failures.push(`podsim ${argv.join(' ')} exited ${code}`);
      if (argv.includes('--json') && code === 0) JSON.parse(out.join(''));
    } catch (e) {
      failures.push(`podsim ${argv.join(' ')} threw ${firstLine(e)}`);
    }
  }
}

export async function checkCase(text: string, opts: CaseOptions): Promise<CaseReport> {
  const failures: string[] = [];
  const started = performance.now();
  const simOpts = opts.untilCap !== undefined ? { until: opts.untilCap } : {};
  const first = guard(failures, 'simulate', () => simulateText(text, simOpts));
  if (first) {
    const cap = opts.untilCap;
    const { result, parsed } = first;
    const until = cap !== undefined && parsed.scenario.until > cap ? cap : parsed.scenario.until;
    const again = guard(failures, 'simulate (2nd run)', () => simulateText(text, simOpts));
    if (again && JSON.stringify(again.result) !== JSON.stringify(result))
      failures.push('two runs of the same text differ');
    failures.push(...traceInvariants(result));
    const lines = text.split('\n').length;
    for (const d of [...parsed.diagnostics, ...result.diagnostics]) {
      if (typeof d.message !== 'string' || d.message === '') failures.push('empty diagnostic');
      if (d.line !== undefined && (d.line < 1 || d.line > lines + 1))
        failures.push(`diagnostic at line ${d.line} of ${lines}: ${d.message}`);
    }
    const idx = guard(failures, 'trace index', () => createTraceIndex(result));
    if (idx) {
      const times = new Set([0, until / 2, until, ...parsed.scenario.actions.map((a) => a.at)]);
      for (const t of times) if (t >= 0 && t <= until) projectAt(failures, idx, t);
      guard(failures, 'get pods -w', () => getWatchRows(idx));
      guard(failures, 'podsim json', () => JSON.stringify(toPodsimJson(result, idx)));
    }
    guard(failures, 'timeline model', () => buildTimeline(result));
  }
  guard(failures, 'kubectl script', () => toKubectlScript(text));
  guard(failures, 'share link', () => {
    const back = decodeShareFragment(encodeShareFragment({ yaml: text }));
    if (!back.ok || back.payload.yaml !== text) failures.push('share link does not round-trip');
  });
  if (opts.cli) await cliChecks(failures, text, opts.untilCap);
  const wallMs = performance.now() - started;
  if (wallMs > opts.wallBudgetMs)
    failures.push(`took ${Math.round(wallMs)} ms (budget ${opts.wallBudgetMs} ms)`);
  return { failures, wallMs, records: first?.result.trace.length ?? 0 };
}
