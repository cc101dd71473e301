/**
 * agnhost (registry.k8s.io/e2e-test-images/agnhost), the Kubernetes test image, with the
 * subcommands the docs use: pause, liveness, netexec, serve-hostname, grpc-health-checking; and
 * etcd, the docs' gRPC-probe example (health service SERVING on 2379).
 */
import type { Gen } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import type { HttpResult } from '../types.ts';
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles } from './userland.ts';
import { bind, blockForever, goSignalHandler, serveUntilSignal, simDate } from './server.ts';
import { PROGRAMS_FROM_GO } from './goServers.ts';

function flag(args: string[], name: string, dflt: string): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === `--${name}`) return args[i + 1] ?? dflt;
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return dflt;
}

function listenOr1(ctx: ProgCtx, port: number, l: Parameters<typeof bind>[2]): boolean {
  if (bind(ctx, port, l)) return true;
  ctx.io.err(`listen tcp :${port}: bind: address already in use\n`);
  return false;
}

function* netexec(ctx: ProgCtx, args: string[]): Gen {
  goSignalHandler(ctx);
  const port = Number(flag(args, 'http-port', '8080'));
  let exitCode: number | undefined;
  const ok = listenOr1(ctx, port, {
    http: (req): HttpResult => {
      const [path, q = ''] = req.path.split('?');
      const param = (k: string) =>
        decodeURIComponent(new RegExp(`(?:^|&)${k}=([^&]*)`).exec(q)?.[1] ?? '');
      switch (path) {
        case '/':
          return { ok: true, status: 200, body: `NOW: ${simDate(ctx.sys.now()).toISOString()}` };
        case '/hostname':
          return { ok: true, status: 200, body: ctx.sys.hostname };
        case '/healthz':
          return { ok: true, status: 200, body: '' };
        case '/echo':
          return { ok: true, status: 200, body: param('msg') };
        case '/exit':
          exitCode = Number(param('code') || 0);
          ctx.sys.kill(ctx.self.pid, 'SIGUSR1');
          return { ok: true, status: 200, body: '' };
        default:
          return { ok: true, status: 404, body: '404 page not found\n' };
      }
    },
  });
  if (!ok) return 1;
  const prev = ctx.self.handler;
  ctx.self.handler = (sig) =>
    sig === 'SIGUSR1' && exitCode !== undefined ? 'deliver' : prev!(sig);
  for (;;) {
    const r = yield { t: 'block' };
    if (r?.signal === 'SIGUSR1' && exitCode !== undefined) return exitCode;
  }
}

function* serveHostname(ctx: ProgCtx, args: string[]): Gen {
  goSignalHandler(ctx);
  const port = Number(flag(args, 'port', '9376'));
  const ok = listenOr1(ctx, port, {
    http: () => ({ ok: true, status: 200, body: ctx.sys.hostname }),
  });
  if (!ok) return 1;
  ctx.io.err(`Serving on port ${port}.\n`);
  return yield* blockForever();
}

function* grpcHealth(ctx: ProgCtx, args: string[]): Gen {
  goSignalHandler(ctx);
  const port = Number(flag(args, 'port', '5000'));
  const httpPort = Number(flag(args, 'http-port', '8080'));
  let serving = true;
  const ok =
    listenOr1(ctx, port, { grpc: () => (serving ? 'SERVING' : 'NOT_SERVING') }) &&
    listenOr1(ctx, httpPort, {
      http: (req) => {
        if (req.path === '/make-serving') serving = true;
        else if (req.path === '/make-not-serving') serving = false;
        else return { ok: true, status: 404, body: '404 page not found\n' };
        return { ok: true, status: 200, body: '' };
      },
    });
  if (!ok) return 1;
  return yield* blockForever();
}

const agnhostProgram: Program = function* (ctx) {
  const [sub = 'pause', ...rest] = ctx.argv.slice(1);
  ctx.sys.setMemory(ctx.self.pid, 8 * 1024 * 1024);
  switch (sub) {
    case 'pause':
      return yield* serveUntilSignal(ctx, {
        SIGTERM: { exit: 0, log: ['Shutting down, got signal: Terminated'] },
        SIGINT: { exit: 0 },
      });
    case 'liveness':
      return yield* PROGRAMS_FROM_GO['liveness-server']!({ ...ctx, argv: ['/server'] });
    case 'netexec':
      return yield* netexec(ctx, rest);
    case 'serve-hostname':
      return yield* serveHostname(ctx, rest);
    case 'grpc-health-checking':
      return yield* grpcHealth(ctx, rest);
    default:
      ctx.sys.diag(
        `agnhost ${sub}: Podlab models the subcommands pause, liveness, netexec, serve-hostname and grpc-health-checking; this one is treated as pause.`,
      );
      return yield* serveUntilSignal(ctx, { SIGTERM: { exit: 0 } });
  }
};

export const agnhost: ImageFamily = {
  repositories: ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost'],
  hasTag: (tag) => /^2\.\d+$/.test(tag) || tag === 'latest',
  config: () => ({ entrypoint: ['/agnhost'], cmd: ['pause'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({
    ...baseDirs(),
    ...busyboxFiles(),
    '/agnhost': { program: 'agnhost' },
    '/usr/bin/curl': { program: 'curl' },
  }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 52_000_000,
  pullMs: 4_000,
  presentOnNode: false,
  programs: { agnhost: agnhostProgram },
};

const etcdProgram: Program = function* (ctx) {
  const urls = flag(ctx.argv.slice(1), 'listen-client-urls', 'http://localhost:2379');
  const port = Number(/:(\d+)/.exec(urls)?.[1] ?? 2379);
  const ok = listenOr1(ctx, port, {
    grpc: () => 'SERVING',
    http: (req) =>
      req.path === '/health'
        ? { ok: true, status: 200, body: '{"health":"true","reason":""}' }
        : { ok: true, status: 404, body: '404 page not found\n' },
  });
  if (!ok) return 1;
  ctx.sys.setMemory(ctx.self.pid, 40 * 1024 * 1024);
  ctx.io.err(
    `{"level":"info","msg":"serving client traffic insecurely; this is strongly discouraged!","address":"[::]:${port}"}\n`,
  );
  return yield* serveUntilSignal(ctx, {
    SIGTERM: {
      exit: 0,
      log: ['{"level":"info","msg":"received signal; shutting down","signal":"terminated"}'],
    },
    SIGINT: { exit: 0 },
  });
};

export const etcd: ImageFamily = {
  repositories: [
    'registry.k8s.io/etcd',
    'k8s.gcr.io/etcd',
    'gcr.io/etcd-development/etcd',
    'quay.io/coreos/etcd',
  ],
  hasTag: (tag) => tag === 'latest' || /^v?3\.\d+\.\d+(-\d+)?$/.test(tag),
  config: () => ({ entrypoint: [], cmd: ['/usr/local/bin/etcd'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({ '/tmp/': '', '/var/lib/etcd/': '', '/usr/local/bin/etcd': { program: 'etcd' } }),
  userland: () => ({ gnu: true, oldNslookup: false, dash: false }),
  sizeBytes: 57_000_000,
  pullMs: 4_500,
  presentOnNode: false,
  programs: { etcd: etcdProgram },
};
