/** Network clients: nslookup (busybox old/new output), wget (busybox), curl, nc. */
import type { Gen } from '../process/effects.ts';
import { done } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import type { HttpResult } from '../types.ts';
import { fail, parseDuration } from './util.ts';

const DNS_IP = '10.96.0.10';

export const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function fqdn(ctx: ProgCtx, name: string): string {
  const n = name.replace(/\.$/, '');
  if (n.endsWith('.cluster.local')) return n;
  const dots = n.split('.').length - 1;
  if (dots === 0) return `${n}.${ctx.sys.namespace}.svc.cluster.local`;
  if (dots === 1) return `${n}.svc.cluster.local`;
  return n;
}

export const nslookup: Program = (ctx) => {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) return done(fail(ctx.io, 'Usage: nslookup HOST [DNS_SERVER]'));
  const ips = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? [name] : ctx.sys.net.resolve(name);
  const old = ctx.sys.flavour.oldNslookup;
  const out = ctx.io.out;
  if (old)
    out(`Server:    ${DNS_IP}\nAddress 1: ${DNS_IP} kube-dns.kube-system.svc.cluster.local\n\n`);
  else out(`Server:\t\t${DNS_IP}\nAddress:\t${DNS_IP}:53\n\n`);
  if (!ips || ips.length === 0) {
    if (old) return done(fail(ctx.io, `nslookup: can't resolve '${name}'`));
    out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return done(1);
  }
  if (old) {
    out(`Name:      ${name}\n`);
    ips.forEach((ip, i) => out(`Address ${i + 1}: ${ip} ${fqdn(ctx, name)}\n`));
  } else {
    for (const ip of ips) out(`Name:\t${fqdn(ctx, name)}\nAddress: ${ip}\n`);
    out('\n');
  }
  return done(0);
};

interface Url {
  host: string;
  port: number;
  path: string;
  scheme: 'HTTP' | 'HTTPS';
}

function parseUrl(u: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/i.exec(u);
  if (!m) return undefined;
  const https = m[1]?.toLowerCase() === 'https';
  return {
    host: m[2]!,
    port: m[3] ? Number(m[3]) : https ? 443 : 80,
    path: m[4] ?? '/',
    scheme: https ? 'HTTPS' : 'HTTP',
  };
}

/** Resolve like getaddrinfo: IP literal, /etc/hosts, then DNS. */
export function resolveHost(ctx: ProgCtx, host: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  const hosts = ctx.sys.fs.readFile('/etc/hosts');
  if (hosts.ok) {
    for (const line of hosts.value.split('\n')) {
      const [ip, ...names] = line.split(/\s+/).filter((x) => x);
      if (ip && !ip.startsWith('#') && !ip.includes(':') && names.includes(host)) return ip;
    }
  }
  return ctx.sys.net.resolve(host)?.[0];
}

function* request(ctx: ProgCtx, url: Url, ip: string, timeoutMs: number): Gen<HttpResult> {
  let r = ctx.sys.net.httpGet({
    host: ip,
    port: url.port,
    path: url.path,
    scheme: url.scheme,
    timeoutMs,
  });
  for (let hops = 0; r.ok && r.status >= 300 && r.status < 400 && r.location && hops < 20; hops++) {
    const next = parseUrl(
      r.location.startsWith('/') ? `http://${url.host}:${url.port}${r.location}` : r.location,
    );
    if (!next) break;
    r = ctx.sys.net.httpGet({
      host: ip,
      port: next.port,
      path: next.path,
      scheme: next.scheme,
      timeoutMs,
    });
  }
  if (!r.ok && r.timeout) yield { t: 'sleep', ms: timeoutMs };
  return r;
}

export const wget: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let outFile: string | undefined;
  let timeoutMs = 900_000;
  let spider = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') spider = true;
    else if (a.startsWith('--timeout=')) timeoutMs = parseDuration(a.slice(10)) ?? timeoutMs;
    else if (/^-[qOTS]+/.test(a) && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'q') quiet = true;
        else if (f === 'O' || f === 'T') {
          const v = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '');
          if (f === 'O') outFile = v;
          else timeoutMs = parseDuration(v) ?? timeoutMs;
          break;
        }
      }
    } else if (a.startsWith('-')) ctx.sys.diag(`wget: option ${a} is not modelled and is ignored.`);
    else rest.push(a);
  }
  const url = rest[0] ? parseUrl(rest[0]) : undefined;
  if (!url)
    return fail(
      ctx.io,
      'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-T SEC] URL...',
    );
  const ip = resolveHost(ctx, url.host);
  if (!ip) return fail(ctx.io, `wget: bad address '${url.host}'`);
  if (!quiet)
    ctx.io.err(
      `Connecting to ${url.host}${url.port !== 80 ? `:${url.port}` : ''} (${ip}:${url.port})\n`,
    );
  const r = yield* request(ctx, url, ip, timeoutMs);
  if (!r.ok) {
    if (r.timeout) return fail(ctx.io, 'wget: download timed out');
    const why = /refused/i.test(r.error)
      ? 'Connection refused'
      : /reset/i.test(r.error)
        ? 'Connection reset by peer'
        : r.error;
    return fail(ctx.io, `wget: can't connect to remote host (${ip}): ${why}`);
  }
  if (r.status >= 400)
    return fail(
      ctx.io,
      `wget: server returned error: HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd(),
    );
  if (spider) {
    if (!quiet) ctx.io.err('remote file exists\n');
    return 0;
  }
  if (outFile === '-') {
    if (!quiet) ctx.io.err('writing to stdout\n');
    ctx.io.out(r.body);
    if (!quiet) ctx.io.err('written to stdout\n');
    return 0;
  }
  const file = outFile ?? (url.path.replace(/\/$/, '').split('/').pop() || 'index.html');
  if (!quiet) ctx.io.err(`saving to '${file}'\n`);
  const w = ctx.sys.fs.writeFile(
    file.startsWith('/') ? file : `${ctx.cwd}/${file}`.replace('//', '/'),
    r.body,
  );
  if (!w.ok)
    return fail(
      ctx.io,
      `wget: can't open '${file}': ${w.errno === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}`,
    );
  if (!quiet) ctx.io.err(`'${file}' saved\n`);
  return 0;
};

export const curl: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let silent = false;
  let showErr = false;
  let failOnHttp = false;
  let outFile: string | undefined;
  let timeoutMs = 300_000;
  let head = false;
  let writeOut: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--max-time' || a === '-m' || a === '--connect-timeout')
      timeoutMs = parseDuration(args[++i] ?? '') ?? timeoutMs;
    else if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-w' || a === '--write-out') writeOut = args[++i];
    else if (
      a === '--fail' ||
      a === '--silent' ||
      a === '--show-error' ||
      a === '--head' ||
      a === '--location'
    ) {
      if (a === '--fail') failOnHttp = true;
      if (a === '--silent') silent = true;
      if (a === '--show-error') showErr = true;
      if (a === '--head') head = true;
    } else if (/^-[sSfILkvo]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showErr = true;
        else if (f === 'f') failOnHttp = true;
        else if (f === 'I') head = true;
        else if (f === 'o') outFile = args[++i];
      }
    } else if (a.startsWith('-')) ctx.sys.diag(`curl: option ${a} is not modelled and is ignored.`);
    else rest.push(a);
  }
  const url = rest[0] ? parseUrl(rest[0]) : undefined;
  const err = (code: number, msg: string): number => {
    if (!silent || showErr) ctx.io.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) return err(3, 'URL rejected: Malformed input to a URL function');
  const ip = resolveHost(ctx, url.host);
  if (!ip) return err(6, `Could not resolve host: ${url.host}`);
  const r = yield* request(ctx, url, ip, timeoutMs);
  if (!r.ok) {
    if (r.timeout) return err(28, `Connection timed out after ${timeoutMs} milliseconds`);
    if (/reset/i.test(r.error)) return err(56, 'Recv failure: Connection reset by peer');
    return err(
      7,
      `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
    );
  }
  if (failOnHttp && r.status >= 400)
    return err(22, `The requested URL returned error: ${r.status}`);
  const body = head ? `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\r\n\r\n` : r.body;
  if (outFile && outFile !== '-') {
    const w = ctx.sys.fs.writeFile(
      outFile.startsWith('/') ? outFile : `${ctx.cwd}/${outFile}`.replace('//', '/'),
      body,
    );
    if (!w.ok) return err(23, `Failure writing output to destination`);
  } else ctx.io.out(body);
  if (writeOut)
    ctx.io.out(writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/\\n/g, '\n'));
  return 0;
};

export const nc: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let zero = false;
  let listen = false;
  let port: number | undefined;
  let waitMs = 0;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-p') port = Number(args[++i]);
    else if (a === '-w') waitMs = parseDuration(args[++i] ?? '') ?? 0;
    else if (/^-[zvlkn]+$/.test(a)) {
      if (a.includes('z')) zero = true;
      if (a.includes('l')) listen = true;
    } else rest.push(a);
  }
  if (listen) {
    const p = port ?? Number(rest[rest.length - 1]);
    const e = ctx.sys.listen(p, { pid: ctx.self.pid });
    if (e) return fail(ctx.io, `nc: bind: Address in use`);
    for (;;) yield { t: 'block' };
  }
  const [host, portStr] = rest;
  if (!host || !portStr) return fail(ctx.io, 'Usage: nc [-z] [-w SEC] HOST PORT');
  const ip = resolveHost(ctx, host);
  if (!ip) return fail(ctx.io, `nc: bad address '${host}'`);
  const r = ctx.sys.net.tcpConnect(ip, Number(portStr), waitMs || undefined);
  if (!r.ok) {
    if (r.timeout) {
      yield { t: 'sleep', ms: waitMs || 75_000 };
      return fail(ctx.io, `nc: timed out`);
    }
    return fail(ctx.io, `nc: can't connect to remote host (${ip}): Connection refused`);
  }
  if (zero) return 0;
  const input = ctx.io.stdin?.readAll() ?? '';
  if (input && Number(portStr) && !zero) {
    const resp = ctx.sys.net.httpGet({ host: ip, port: Number(portStr), path: '/' });
    if (resp.ok && /^GET /.test(input))
      ctx.io.out(`HTTP/1.1 ${resp.status} ${REASONS[resp.status] ?? ''}\r\n\r\n${resp.body}`);
  }
  return 0;
};
