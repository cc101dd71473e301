/**
 * Small static Go images from the Kubernetes docs: the liveness demo server, goproxy, and pause.
 * They are built FROM scratch: no shell and no tools, so `kubectl exec ... cat` fails to start.
 */
import type { Gen } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import type { ImageFamily } from './types.ts';
import { bind, blockForever, goSignalHandler, installHandler, serveUntilSignal } from './server.ts';

/**
 * agnhost liveness server (test/images/agnhost/liveness/server.go): HTTP on 8080, /healthz is
 * 200 "ok" while `time.Since(started)` ≤ 10 s, then 500 "error: <seconds>"; /started prints the
 * start time; /redirect?loc=... redirects; anything else is Go's 404.
 */
const livenessServer: Program = function* (ctx) {
  goSignalHandler(ctx);
  const started = ctx.sys.now();
  const ok = bind(ctx, 8080, {
    http: (req) => {
      const [path, query = ''] = req.path.split('?');
      if (path === '/healthz') {
        const secs = (ctx.sys.now() - started) / 1000;
        return secs > 10
          ? { ok: true, status: 500, body: `error: ${secs}` }
          : { ok: true, status: 200, body: 'ok' };
      }
      if (path === '/started') return { ok: true, status: 200, body: `${started / 1000}` };
      if (path === '/redirect') {
        const loc = /(?:^|&)loc=([^&]*)/.exec(query)?.[1];
        return loc
          ? { ok: true, status: 302, body: '', location: decodeURIComponent(loc) }
          : { ok: true, status: 400, body: 'Missing loc parameter\n' };
      }
      return { ok: true, status: 404, body: '404 page not found\n' };
    },
  });
  if (!ok) {
    ctx.io.err('listen tcp :8080: bind: address already in use\n');
    return 1;
  }
  ctx.sys.setMemory(ctx.self.pid, 5 * 1024 * 1024);
  return yield* blockForever();
};

/** elazarl/goproxy demo: a forward proxy on 8080 that refuses plain (non-proxy) requests. */
const goproxyServer: Program = function* (ctx) {
  goSignalHandler(ctx);
  const ok = bind(ctx, 8080, {
    http: () => ({
      ok: true,
      status: 500,
      body: 'This is a proxy server. Does not respond to non-proxy requests.\n',
    }),
  });
  if (!ok) {
    ctx.io.err('listen tcp :8080: bind: address already in use\n');
    return 1;
  }
  ctx.sys.setMemory(ctx.self.pid, 4 * 1024 * 1024);
  return yield* blockForever();
};

/** pause: sleeps until SIGINT/SIGTERM, then exits 0. */
const pause: Program = function* (ctx): Gen {
  installHandler(ctx, {});
  return yield* serveUntilSignal(ctx, {
    SIGTERM: { exit: 0, log: ['Shutting down, got signal: Terminated'] },
    SIGINT: { exit: 0, log: ['Shutting down, got signal: Interrupt'] },
  });
};

const scratchUserland = () => ({ gnu: true, oldNslookup: false, dash: false });

export const liveness: ImageFamily = {
  repositories: [
    'k8s.gcr.io/liveness',
    'registry.k8s.io/liveness',
    'gcr.io/google_containers/liveness',
  ],
  hasTag: (tag) => tag === 'latest',
  config: () => ({ entrypoint: [], cmd: [], env: {} }),
  files: () => ({ '/server': { program: 'liveness-server' }, '/tmp/': '', '/etc/': '' }),
  userland: scratchUserland,
  sizeBytes: 4_900_000,
  pullMs: 1_500,
  presentOnNode: true,
  programs: { 'liveness-server': livenessServer },
};

export const goproxy: ImageFamily = {
  repositories: [
    'k8s.gcr.io/goproxy',
    'registry.k8s.io/goproxy',
    'gcr.io/google_containers/goproxy',
  ],
  hasTag: (tag) => tag === '0.1' || tag === 'latest',
  config: () => ({ entrypoint: ['/goproxy'], cmd: [], env: {} }),
  files: () => ({ '/goproxy': { program: 'goproxy' }, '/tmp/': '', '/etc/': '' }),
  userland: scratchUserland,
  sizeBytes: 5_800_000,
  pullMs: 1_500,
  presentOnNode: true,
  programs: { goproxy: goproxyServer },
};

export const pauseImage: ImageFamily = {
  repositories: ['k8s.gcr.io/pause', 'registry.k8s.io/pause', 'gcr.io/google_containers/pause'],
  hasTag: (tag) => tag === 'latest' || /^3\.(\d+)$/.test(tag) || tag === '2.0',
  config: () => ({ entrypoint: ['/pause'], cmd: [], env: {} }),
  files: () => ({ '/pause': { program: 'pause' } }),
  userland: scratchUserland,
  sizeBytes: 320_000,
  pullMs: 500,
  presentOnNode: true,
  programs: { pause },
};

/** Go servers other families reuse (agnhost liveness = the docs' liveness image). */
export const PROGRAMS_FROM_GO: Record<string, Program> = { 'liveness-server': livenessServer };
