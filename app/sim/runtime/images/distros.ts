/**
 * Common base and language images people type into a playground: ubuntu, debian, httpd, python,
 * node, curlimages/curl. Their shells and tools are modelled; code in another language is not, and
 * says what Podlab assumes instead.
 */
import type { Program } from '../process/types.ts';
import type { HttpRequest, HttpResult } from '../types.ts';
import { normalizePath } from '../fs/vfs.ts';
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles, debianFiles } from './userland.ts';
import { bind, clfTime, serveUntilSignal } from './server.ts';
import { execInPlace } from '../programs/util.ts';

const gnu = () => ({ gnu: true, oldNslookup: false, dash: true });

function distro(repo: string, tags: RegExp, size: number, cmd = ['/bin/bash']): ImageFamily {
  return {
    repositories: [repo],
    hasTag: (tag) => tag === 'latest' || tags.test(tag),
    config: () => ({ entrypoint: [], cmd, env: { PATH: DEFAULT_PATH } }),
    files: () => ({ ...baseDirs(), ...debianFiles() }),
    userland: gnu,
    sizeBytes: size,
    pullMs: 3_000,
    presentOnNode: false,
  };
}

export const ubuntu = distro(
  'docker.io/library/ubuntu',
  /^(2[0-6]\.(04|10)|jammy|noble|focal|rolling|devel)$/,
  29_000_000,
);
export const debian = distro(
  'docker.io/library/debian',
  /^(1[0-3]|bookworm|bullseye|buster|trixie|stable|testing)(-slim)?$/,
  28_000_000,
);

/** A static file server answering from `root` (httpd, python -m http.server). */
function staticFiles(
  fsRead: (p: string) => { kind: 'dir' | 'file'; data?: string; names?: string[] } | undefined,
  root: string,
  server: string,
) {
  return (req: HttpRequest): HttpResult => {
    const path = decodeURIComponent(req.path.split('?')[0] ?? '/');
    const full = normalizePath(`${root}/${path}`);
    const n = fsRead(full);
    if (n?.kind === 'file')
      return { ok: true, status: 200, body: n.data ?? '', headers: { Server: server } };
    if (n?.kind === 'dir') {
      if (!path.endsWith('/')) return { ok: true, status: 301, body: '', location: `${path}/` };
      const idx = fsRead(`${full}/index.html`);
      if (idx?.kind === 'file') return { ok: true, status: 200, body: idx.data ?? '' };
      const items = (n.names ?? []).map((x) => `<li><a href="${x}">${x}</a></li>`).join('\n');
      return {
        ok: true,
        status: 200,
        body: `<html><head><title>Directory listing for ${path}</title></head><body><h1>Directory listing for ${path}</h1><hr><ul>\n${items}\n</ul><hr></body></html>\n`,
      };
    }
    return {
      ok: true,
      status: 404,
      body: server.startsWith('Apache')
        ? '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n'
        : 'Error response\nError code: 404\nMessage: File not found.\n',
    };
  };
}

function reader(ctx: Parameters<Program>[0]) {
  return (p: string) => {
    const n = ctx.sys.fs.stat(p);
    if (!n) return undefined;
    return n.kind === 'file'
      ? { kind: 'file' as const, data: n.data }
      : { kind: 'dir' as const, names: [...n.entries.keys()].sort() };
  };
}

/**
 * httpd-foreground: Apache on 80 serving htdocs. The image's STOPSIGNAL is SIGWINCH (graceful), which
 * the runtime contract cannot name; SIGTERM (immediate stop) also exits 0, so it stands in.
 */
const httpdForeground: Program = function* (ctx) {
  const serve = staticFiles(reader(ctx), '/usr/local/apache2/htdocs', 'Apache/2.4.62 (Unix)');
  if (
    !bind(ctx, 80, {
      http: (req) => {
        const r = serve(req);
        ctx.io.out(
          `10.244.0.1 - - [${clfTime(ctx.sys.now())}] "GET ${req.path} HTTP/1.1" ${r.ok ? r.status : 0} ${r.ok ? r.body.length : 0}\n`,
        );
        return r;
      },
    })
  ) {
    ctx.io.err(
      '(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\n',
    );
    return 1;
  }
  ctx.sys.setMemory(ctx.self.pid, 10 * 1024 * 1024);
  ctx.io.err(
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name. Set the 'ServerName' directive globally to suppress this message\n",
  );
  return yield* serveUntilSignal(ctx, { SIGTERM: { exit: 0 }, SIGINT: { exit: 0 } });
};

export const httpd: ImageFamily = {
  repositories: ['docker.io/library/httpd'],
  hasTag: (tag) => tag === 'latest' || tag === 'alpine' || /^2(\.4(\.\d+)?)?(-alpine)?$/.test(tag),
  config: () => ({
    entrypoint: [],
    cmd: ['httpd-foreground'],
    env: { PATH: '/usr/local/apache2/bin:' + DEFAULT_PATH },
    workingDir: '/usr/local/apache2',
    stopSignal: 'SIGTERM',
  }),
  files: () => ({
    ...baseDirs(),
    ...debianFiles(),
    '/usr/local/apache2/bin/httpd-foreground': { program: 'httpd-foreground' },
    '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
  }),
  userland: gnu,
  sizeBytes: 58_000_000,
  pullMs: 4_000,
  presentOnNode: false,
  programs: { 'httpd-foreground': httpdForeground },
};

/** python: `-m http.server [PORT]` serves the working directory; other Python code is not run. */
const python: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const m = args.indexOf('-m');
  if (m >= 0 && args[m + 1] === 'http.server') {
    const port = Number(args.slice(m + 2).find((a) => /^\d+$/.test(a)) ?? 8000);
    const dIdx = args.findIndex((a) => a === '-d' || a === '--directory');
    const root = normalizePath(dIdx >= 0 ? (args[dIdx + 1] ?? '.') : '.', ctx.cwd);
    if (!bind(ctx, port, { http: staticFiles(reader(ctx), root, 'SimpleHTTP/0.6 Python/3.12') })) {
      ctx.io.err('OSError: [Errno 98] Address already in use\n');
      return 1;
    }
    ctx.io.err(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    return yield* serveUntilSignal(ctx, {
      SIGINT: { exit: 0, log: ['Keyboard interrupt received, exiting.'] },
    });
  }
  ctx.sys.diag(
    `Podlab does not run Python code (\`${ctx.argv.join(' ')}\`): it assumes the program exits 0 at once. Use \`python -m http.server\` or a shell command to model a server.`,
  );
  return 0;
};

const node: Program = function* (ctx) {
  ctx.sys.diag(
    `Podlab does not run JavaScript (\`${ctx.argv.join(' ')}\`): it assumes the program exits 0 at once.`,
  );
  yield* [];
  return 0;
};

export const pythonImage: ImageFamily = {
  repositories: ['docker.io/library/python'],
  hasTag: (tag) =>
    tag === 'latest' ||
    /^3(\.\d+){0,2}(-slim|-alpine|-bookworm|-slim-bookworm)?$/.test(tag) ||
    tag === 'slim' ||
    tag === 'alpine',
  config: () => ({
    entrypoint: [],
    cmd: ['python3'],
    env: { PATH: '/usr/local/bin:' + DEFAULT_PATH },
  }),
  files: () => ({
    ...baseDirs(),
    ...debianFiles(),
    '/usr/local/bin/python': { program: 'python' },
    '/usr/local/bin/python3': { program: 'python' },
  }),
  userland: gnu,
  sizeBytes: 50_000_000,
  pullMs: 5_000,
  presentOnNode: false,
  programs: { python },
};

export const nodeImage: ImageFamily = {
  repositories: ['docker.io/library/node'],
  hasTag: (tag) =>
    tag === 'latest' ||
    tag === 'lts' ||
    tag === 'alpine' ||
    tag === 'slim' ||
    /^\d{1,2}(\.\d+){0,2}(-slim|-alpine|-bookworm)?$/.test(tag),
  config: () => ({
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    env: { PATH: DEFAULT_PATH },
  }),
  files: () => ({
    ...baseDirs(),
    ...debianFiles(),
    '/usr/local/bin/docker-entrypoint.sh': { program: 'exec-args' },
    '/usr/local/bin/node': { program: 'node' },
  }),
  userland: gnu,
  sizeBytes: 400_000_000,
  pullMs: 20_000,
  presentOnNode: false,
  programs: { node },
};

/** curlimages/curl's entrypoint.sh: prepend `curl` when the first argument is an option or unknown. */
const curlEntrypoint: Program = function* (ctx) {
  let args = ctx.argv.slice(1);
  const first = args[0];
  if (
    first === undefined ||
    first.startsWith('-') ||
    !ctx.sys.lookup(first, ctx.env.get('PATH'), ctx.cwd)
  )
    args = ['curl', ...args];
  return yield* execInPlace(ctx, args);
};

/** curlimages/curl: alpine with curl as the entrypoint. */
export const curlImage: ImageFamily = {
  repositories: ['docker.io/curlimages/curl'],
  hasTag: (tag) => tag === 'latest' || /^\d+\.\d+\.\d+$/.test(tag),
  config: () => ({ entrypoint: ['/entrypoint.sh'], cmd: ['curl'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({
    ...baseDirs(),
    ...busyboxFiles(),
    '/entrypoint.sh': { program: 'curl-entrypoint' },
    '/usr/bin/curl': { program: 'curl' },
  }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 12_000_000,
  pullMs: 2_000,
  presentOnNode: false,
  programs: { 'curl-entrypoint': curlEntrypoint },
};
