/**
 * polinux/stress: `stress --vm N --vm-bytes B [--vm-hang S] [--timeout T]`. Each vm worker
 * allocates B bytes (stress's k/m/g suffixes are binary) at ~1 GiB/s and keeps them; over the
 * container's memory limit the cgroup OOM-kills the whole container (exit 137, OOMKilled).
 */
import type { Program } from '../process/types.ts';
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles } from './userland.ts';
import { parseDuration } from '../programs/util.ts';

const ALLOC_BYTES_PER_MS = (1024 * 1024 * 1024) / 1000;
const BASE = 1024 * 1024;

function bytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bkmgBKMG]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'
  ];
  return Math.round(Number(m[1]) * mult);
}

const stressProgram: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  const opt = (long: string, short?: string): string | undefined => {
    const i = a.findIndex((x) => x === long || (short !== undefined && x === short));
    return i >= 0 ? a[i + 1] : undefined;
  };
  const vm = Number(opt('--vm', '-m') ?? 0);
  const cpu = Number(opt('--cpu', '-c') ?? 0);
  const vmBytes = bytes(opt('--vm-bytes') ?? '256M');
  const timeout = opt('--timeout', '-t');
  if (vm === 0 && cpu === 0) {
    ctx.io.out(
      "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n",
    );
    return 1;
  }
  if (vmBytes === undefined) {
    ctx.io.err(`stress: FAIL: [1] (1) invalid number: ${opt('--vm-bytes')}\n`);
    return 1;
  }
  ctx.io.out(
    `stress: info: [${ctx.self.pid}] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`,
  );
  const total = BASE + vm * vmBytes;
  const limit = ctx.sys.memoryLimit();
  const endMs = timeout ? parseDuration(timeout) : undefined;
  if (limit !== undefined && total > limit) {
    // Usage crosses the limit part-way through the allocation: the OOM kill happens then.
    yield { t: 'sleep', ms: Math.max(1, Math.ceil((limit - BASE) / ALLOC_BYTES_PER_MS)) };
    ctx.sys.setMemory(ctx.self.pid, total);
  } else {
    yield { t: 'sleep', ms: Math.ceil((vm * vmBytes) / ALLOC_BYTES_PER_MS) };
    ctx.sys.setMemory(ctx.self.pid, total);
  }
  if (endMs === undefined) for (;;) yield { t: 'block' };
  yield { t: 'sleep', ms: endMs };
  ctx.sys.setMemory(ctx.self.pid, BASE);
  ctx.io.out(
    `stress: info: [${ctx.self.pid}] successful run completed in ${Math.round(endMs / 1000)}s\n`,
  );
  return 0;
};

export const stress: ImageFamily = {
  repositories: ['docker.io/polinux/stress', 'docker.io/progrium/stress'],
  hasTag: (tag) => tag === 'latest' || tag === '1.0.4',
  config: () => ({ entrypoint: [], cmd: ['stress', '--help'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({
    ...baseDirs(),
    ...busyboxFiles(),
    '/usr/local/bin/stress': { program: 'stress' },
    '/usr/bin/stress': { program: 'stress' },
  }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 9_700_000,
  pullMs: 2_500,
  presentOnNode: false,
  programs: { stress: stressProgram },
};
