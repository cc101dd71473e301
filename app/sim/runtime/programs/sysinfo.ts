/** Identity, environment and clock: true false env pwd hostname id whoami uname date. */
import { SIM_EPOCH_MS } from '../../clock/wallTime.ts';
import { done } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import { runArgv } from './util.ts';

export const trueProg: Program = () => done(0);

export const falseProg: Program = () => done(1);

export const env: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const e = new Map(ctx.env);
  while (args[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0])) {
    const a = args.shift()!;
    const k = a.slice(0, a.indexOf('='));
    e.set(k, a.slice(k.length + 1));
  }
  if (args.length > 0) return yield* runArgv(ctx, args, e);
  ctx.io.out([...e].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const pwd: Program = (ctx) => {
  ctx.io.out(ctx.cwd + '\n');
  return done(0);
};

export const hostname: Program = (ctx) => {
  ctx.io.out((ctx.argv[1] === '-i' ? ctx.sys.podIP : ctx.sys.hostname) + '\n');
  return done(0);
};

export const id: Program = (ctx) => {
  ctx.io.out(ctx.argv[1] === '-u' ? '0\n' : 'uid=0(root) gid=0(root) groups=0(root)\n');
  return done(0);
};

export const whoami: Program = (ctx) => {
  ctx.io.out('root\n');
  return done(0);
};

export const uname: Program = (ctx) => {
  const a = ctx.argv.includes('-a');
  ctx.io.out(a ? `Linux ${ctx.sys.hostname} 6.8.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
  return done(0);
};

/** `date` at simulated time; t = 0 is 2026-01-01T00:00:00Z (any fixed origin is deterministic). */
export { SIM_EPOCH_MS };

export const date: Program = (ctx: ProgCtx) => {
  const d = new Date(SIM_EPOCH_MS + ctx.sys.now());
  const fmt = ctx.argv.find((a) => a.startsWith('+'));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const T = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  if (!fmt) {
    ctx.io.out(
      `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${T} UTC ${d.getUTCFullYear()}\n`,
    );
    return done(0);
  }
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()),
    S: p2(d.getUTCSeconds()),
    s: String(Math.floor(d.getTime() / 1000)),
    T,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    N: String((d.getTime() % 1000) * 1_000_000).padStart(9, '0'),
    Z: 'UTC',
    '%': '%',
  };
  ctx.io.out(fmt.slice(1).replace(/%([YmdHMSsTFNZ%])/g, (_, c: string) => map[c] ?? '') + '\n');
  return done(0);
};
