/**
 * nginx (docker.io/library/nginx) and the tutorial image ikubernetes/myapp (nginx 1.12 on alpine).
 * Serves files under its `root` (default /usr/share/nginx/html) on its `listen` port (80), both read
 * from /etc/nginx/conf.d/default.conf at start. STOPSIGNAL SIGQUIT: graceful quit, exit 0; SIGTERM
 * and SIGINT are nginx's fast shutdown, also exit 0. `nginx -s quit|stop|reload` signals the master.
 */
import type { Gen } from '../process/effects.ts';
import type { HttpRequest, HttpResult } from '../types.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import { normalizePath } from '../fs/vfs.ts';
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles, debianFiles } from './userland.ts';
import { bind, clfTime, nginxTime, serveUntilSignal } from './server.ts';
import { execInPlace } from '../programs/util.ts';

const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }
}
`;

function errorPage(status: number, reason: string, version: string): string {
  return `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>nginx/${version}</center>\n</body>\n</html>\n`;
}

function versionOf(ctx: ProgCtx): string {
  return ctx.env.get('NGINX_VERSION') ?? '1.27.3';
}

/**
 * The access log line. Every pod's probe at the same second logs the same line: the last one is
 * reused (one string instead of one per pod and second; cheaper for the log sink and the trace).
 */
const lastLine = { from: '', time: '', path: '', status: 0, len: 0, ua: '', text: '' };
function accessLine(
  from: string,
  time: string,
  path: string,
  status: number,
  len: number,
  ua: string,
): string {
  const l = lastLine;
  if (
    l.time === time &&
    l.path === path &&
    l.status === status &&
    l.len === len &&
    l.ua === ua &&
    l.from === from
  )
    return l.text;
  const text = `${from} - - [${time}] "GET ${path} HTTP/1.1" ${status} ${len} "-" "${ua}" "-"\n`;
  Object.assign(l, { from, time, path, status, len, ua, text });
  return text;
}

function handler(ctx: ProgCtx, root: string): (req: HttpRequest) => HttpResult {
  const version = versionOf(ctx);
  const headers = { Server: `nginx/${version}` };
  // Probes ask for the same few paths every second: remember where each one resolves.
  const where = new Map<string, { path: string; full: string; index: string }>();
  return (req) => {
    let w = where.get(req.path);
    if (!w) {
      const path = req.path.split('?')[0] ?? '/';
      const full = normalizePath(root + '/' + path);
      w = { path, full, index: `${full === '/' ? '' : full}/index.html` };
      if (where.size > 200) where.clear();
      where.set(req.path, w);
    }
    const { path, full } = w;
    const node = ctx.sys.fs.stat(full);
    let status = 200;
    let body: string;
    let location: string | undefined;
    if (node?.kind === 'dir') {
      if (!path.endsWith('/')) {
        status = 301;
        location = `http://${req.host}${req.port === 80 ? '' : `:${req.port}`}${path}/`;
        body = errorPage(301, 'Moved Permanently', version);
      } else {
        const index = ctx.sys.fs.readFile(w.index);
        if (index.ok) body = index.value;
        else [status, body] = [403, errorPage(403, 'Forbidden', version)];
      }
    } else if (node?.kind === 'file') body = node.data;
    else [status, body] = [404, errorPage(404, 'Not Found', version)];
    const ua = req.headers?.['User-Agent'] ?? '-';
    const from = req.host === '127.0.0.1' || req.host === 'localhost' ? '127.0.0.1' : '10.244.0.1';
    ctx.io.out(accessLine(from, clfTime(ctx.sys.now()), path, status, body.length, ua));
    return location
      ? { ok: true, status, body, headers, location }
      : { ok: true, status, body, headers };
  };
}

function* master(ctx: ProgCtx): Gen {
  const conf = ctx.sys.fs.readFile('/etc/nginx/conf.d/default.conf');
  const text = conf.ok ? conf.value : '';
  const port = Number(/listen\s+(\d+)/.exec(text)?.[1] ?? 80);
  const root = /root\s+([^;\s]+)\s*;/.exec(text)?.[1] ?? '/usr/share/nginx/html';
  const pid = ctx.self.pid;
  const log = (level: string, s: string) =>
    ctx.io.err(`${nginxTime(ctx.sys.now())} [${level}] ${pid}#${pid}: ${s}\n`);
  for (let attempt = 0; ; attempt++) {
    if (bind(ctx, port, { http: handler(ctx, root) })) break;
    log('emerg', `bind() to 0.0.0.0:${port} failed (98: Address already in use)`);
    ctx.io.err(`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)\n`);
    if (attempt === 4) {
      log('emerg', 'still could not bind()');
      ctx.io.err('nginx: [emerg] still could not bind()\n');
      return 1;
    }
    yield { t: 'sleep', ms: 500 };
  }
  ctx.sys.fs.writeFile('/var/run/nginx.pid', `${pid}\n`);
  ctx.sys.setMemory(pid, 6 * 1024 * 1024);
  // ngx_master_process_cycle → ngx_setproctitle: what ps shows from now on.
  ctx.self.cmd = `nginx: master process ${ctx.argv.join(' ')}`;
  log('notice', 'using the "epoll" event method');
  log('notice', `nginx/${versionOf(ctx)}`);
  log('notice', 'OS: Linux 6.8.0');
  log('notice', 'start worker processes');
  log('notice', `start worker process ${pid + 28}`);
  const stopLog = (n: number, name: string, what: string) => [
    `${nginxTime(ctx.sys.now())} [notice] ${pid}#${pid}: signal ${n} (${name}) received, ${what}`,
  ];
  return yield* serveUntilSignal(
    ctx,
    {
      SIGQUIT: { exit: 0, log: () => stopLog(3, 'SIGQUIT', 'shutting down') },
      SIGTERM: { exit: 0, log: () => stopLog(15, 'SIGTERM', 'exiting') },
      SIGINT: { exit: 0, log: () => stopLog(2, 'SIGINT', 'exiting') },
      // ngx_signal_handler: SIGHUP → ngx_reconfigure; the master re-reads its configuration and
      // starts new workers (ngx_master_process_cycle), the old ones shut down gracefully.
      SIGHUP: { exit: 0, stay: true, log: () => reloadLog(ctx, pid) },
    },
    () => ctx.sys.fs.remove('/var/run/nginx.pid', false),
  );
}

function reloadLog(ctx: ProgCtx, pid: number): string[] {
  const at = `${nginxTime(ctx.sys.now())} [notice] ${pid}#${pid}:`;
  return [
    `${at} signal 1 (SIGHUP) received, reconfiguring`,
    `${at} reconfiguring`,
    `${at} using the "epoll" event method`,
    `${at} start worker processes`,
    `${at} start worker process ${pid + 29}`,
  ];
}

const SIGNAL_OF: Record<string, 'SIGQUIT' | 'SIGTERM' | 'SIGHUP' | 'SIGUSR1'> = {
  quit: 'SIGQUIT',
  stop: 'SIGTERM',
  reload: 'SIGHUP',
  reopen: 'SIGUSR1',
};

export const nginxProgram: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const s = args.indexOf('-s');
  if (s >= 0) {
    const sig = SIGNAL_OF[args[s + 1] ?? ''];
    if (!sig) {
      ctx.io.err(`nginx: invalid option: "${args[s + 1] ?? ''}"\n`);
      return 1;
    }
    ctx.io.err(
      `${nginxTime(ctx.sys.now())} [notice] ${ctx.self.pid}#${ctx.self.pid}: signal process started\n`,
    );
    const pidFile = ctx.sys.fs.readFile('/var/run/nginx.pid');
    const target = pidFile.ok ? Number(pidFile.value.trim()) : NaN;
    if (!pidFile.ok || ctx.sys.kill(target, sig)) {
      ctx.io.err(
        `${nginxTime(ctx.sys.now())} [error] ${ctx.self.pid}#${ctx.self.pid}: open() "/run/nginx.pid" failed (2: No such file or directory)\n`,
      );
      return 1;
    }
    return 0;
  }
  if (args.includes('-v') || args.includes('-V')) {
    ctx.io.err(`nginx version: nginx/${versionOf(ctx)}\n`);
    return 0;
  }
  if (args.includes('-t')) {
    ctx.io.err(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    return 0;
  }
  if (!args.join(' ').includes('daemon off')) {
    // Without `daemon off;` nginx forks a master into the background and the command returns 0.
    ctx.sys.spawnJob(ctx.self, 'nginx', (self) => master({ ...ctx, self }));
    return 0;
  }
  return yield* master(ctx);
};

/** /docker-entrypoint.sh: prints its configuration lines, then execs its arguments. */
const entrypoint: Program = function* (ctx) {
  const rest = ctx.argv.slice(1);
  if (rest[0] === 'nginx' || rest[0] === 'nginx-debug') {
    for (const l of [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ])
      ctx.io.out(l + '\n');
  }
  return yield* execInPlace(ctx, rest);
};

/** myapp writes hostname.html at start, then runs nginx. */
const myappNginx: Program = function* (ctx) {
  ctx.sys.fs.writeFile('/usr/share/nginx/html/hostname.html', `${ctx.sys.hostname}\n`);
  return yield* nginxProgram(ctx);
};

function nginxVersion(tag: string): string {
  const m = /^1\.(\d+)(?:\.(\d+))?/.exec(tag);
  return m ? `1.${m[1]}.${m[2] ?? '0'}` : '1.27.3';
}

export const nginx: ImageFamily = {
  repositories: ['docker.io/library/nginx'],
  hasTag: (tag) =>
    /^(latest|stable|mainline|alpine|perl|alpine-slim|(stable|mainline)-alpine|1\.(1[0-9]|2[0-9])(\.\d+)?(-alpine|-perl|-alpine-slim|-bookworm)?)$/.test(
      tag,
    ),
  config: (tag) => ({
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { PATH: DEFAULT_PATH, NGINX_VERSION: nginxVersion(tag) },
    stopSignal: 'SIGQUIT',
  }),
  files: (tag) => ({
    ...baseDirs(),
    ...(tag.includes('alpine') ? busyboxFiles() : debianFiles(['curl'])),
    '/docker-entrypoint.sh': { program: 'nginx-entrypoint' },
    '/docker-entrypoint.d/': '',
    '/usr/sbin/nginx': { program: 'nginx' },
    '/etc/nginx/nginx.conf':
      'user  nginx;\nworker_processes  auto;\ninclude /etc/nginx/conf.d/*.conf;\n',
    '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
    '/usr/share/nginx/html/index.html': WELCOME,
    '/usr/share/nginx/html/50x.html':
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
    '/var/run/': '',
  }),
  userland: (tag) =>
    tag.includes('alpine')
      ? { gnu: false, oldNslookup: false, dash: false }
      : { gnu: true, oldNslookup: false, dash: true },
  sizeBytes: 72_000_000,
  pullMs: 6_000,
  presentOnNode: true,
  programs: { nginx: nginxProgram, 'nginx-entrypoint': entrypoint },
};

export const myapp: ImageFamily = {
  repositories: ['docker.io/ikubernetes/myapp', 'docker.io/library/myapp'],
  hasTag: (tag) => /^v[1-5]$/.test(tag),
  config: () => ({
    entrypoint: [],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.12.2' },
  }),
  files: (tag) => ({
    ...baseDirs(),
    ...busyboxFiles(),
    '/usr/sbin/nginx': { program: 'myapp-nginx' },
    '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
    '/usr/share/nginx/html/index.html': `Hello MyApp | Version: ${tag} | <a href="hostname.html">Pod Name</a>\n`,
    '/var/run/': '',
  }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 15_500_000,
  pullMs: 3_000,
  presentOnNode: true,
  programs: { 'myapp-nginx': myappNginx },
};
