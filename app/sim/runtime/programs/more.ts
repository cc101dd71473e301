/**
 * More small tools (tr cut sort uniq base64 usleep nohup), and the fallback for applets a real image
 * has but Podlab does not model: a diagnostic saying it assumes "prints nothing, exits 0".
 */
import { done } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import { base64Decode } from '../../../k8s/secret.ts';
import { fail, parseFlags, readInput, runArgv } from './util.ts';
import { lines } from './text.ts';

const CLASSES: Record<string, string> = {
  '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
  '[:digit:]': '0123456789',
  '[:space:]': ' \t\n\r\v\f',
};

/** tr's SET: ranges `a-z`, classes `[:upper:]`, escapes `\n` `\t`. */
function expandSet(s: string): string {
  let out = '';
  const esc = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  for (let i = 0; i < esc.length; i++) {
    const cls = Object.keys(CLASSES).find((k) => esc.startsWith(k, i));
    if (cls) {
      out += CLASSES[cls];
      i += cls.length - 1;
    } else if (esc[i + 1] === '-' && i + 2 < esc.length) {
      for (let c = esc.charCodeAt(i); c <= esc.charCodeAt(i + 2); c++)
        out += String.fromCharCode(c);
      i += 2;
    } else out += esc[i];
  }
  return out;
}

export const tr: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const input = ctx.io.stdin?.readAll() ?? '';
  const from = expandSet(rest[0] ?? '');
  if (flags.has('d')) {
    ctx.io.out([...input].filter((c) => !from.includes(c)).join(''));
    return done(0);
  }
  const to = expandSet(rest[1] ?? '');
  let out = [...input].map((c) => {
    const i = from.indexOf(c);
    return i < 0 ? c : (to[Math.min(i, to.length - 1)] ?? c);
  });
  if (flags.has('s'))
    out = out.filter((c, i) => !(i > 0 && c === out[i - 1] && (to || from).includes(c)));
  ctx.io.out(out.join(''));
  return done(0);
};

export const cut: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1), 'dfc');
  const delim = flags.get('d') ?? '\t';
  const spec = flags.get('f') ?? flags.get('c');
  if (!spec) return done(fail(ctx.io, 'cut: expected a list of bytes, characters, or fields'));
  const picks = (n: number) =>
    spec.split(',').some((part) => {
      const [a, b] = part.split('-');
      const lo = a ? Number(a) : 1;
      const hi = part.includes('-') ? (b ? Number(b) : Infinity) : lo;
      return n >= lo && n <= hi;
    });
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'cut', f);
    if (!r.ok) return done(1);
    for (const line of lines(r.data)) {
      if (flags.has('c')) ctx.io.out([...line].filter((_, i) => picks(i + 1)).join('') + '\n');
      else if (!line.includes(delim)) ctx.io.out(line + '\n');
      else
        ctx.io.out(
          line
            .split(delim)
            .filter((_, i) => picks(i + 1))
            .join(delim) + '\n',
        );
    }
  }
  return done(0);
};

export const sort: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  let all: string[] = [];
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'sort', f);
    if (!r.ok) return done(2);
    all.push(...lines(r.data));
  }
  all.sort(
    flags.has('n')
      ? (a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0)
      : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  if (flags.has('r')) all.reverse();
  if (flags.has('u')) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  ctx.io.out(all.map((l) => l + '\n').join(''));
  return done(0);
};

export const uniq: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const r = readInput(ctx, 'uniq', rest[0] ?? '-');
  if (!r.ok) return done(1);
  const groups: [string, number][] = [];
  for (const l of lines(r.data)) {
    const last = groups[groups.length - 1];
    if (last && last[0] === l) last[1]++;
    else groups.push([l, 1]);
  }
  ctx.io.out(
    groups
      .map(([l, n]) => (flags.has('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`))
      .join(''),
  );
  return done(0);
};

export const base64: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const r = readInput(ctx, 'base64', rest[0] ?? '-');
  if (!r.ok) return done(1);
  if (flags.has('d')) {
    // coreutils base64 -d: newlines are ignored, anything else outside the alphabet is an error.
    const decoded = base64Decode(r.data.replace(/\r?\n/g, ''));
    if ('error' in decoded) return done(fail(ctx.io, 'base64: invalid input'));
    ctx.io.out(decoded.text);
  } else {
    const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const bytes = [...r.data].map((c) => c.charCodeAt(0) & 0xff);
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out +=
        A[(n >> 18) & 63]! +
        A[(n >> 12) & 63]! +
        (i + 1 < bytes.length ? A[(n >> 6) & 63]! : '=') +
        (i + 2 < bytes.length ? A[n & 63]! : '=');
    }
    ctx.io.out(out.replace(/(.{76})/g, '$1\n') + '\n');
  }
  return done(0);
};

export const usleep: Program = function* (ctx) {
  yield { t: 'sleep', ms: Math.round(Number(ctx.argv[1] ?? 0) / 1000) };
  return 0;
};

export const nohup: Program = (ctx) => runArgv(ctx, ctx.argv.slice(1));

/** An applet the image really has but Podlab does not simulate. */
export const unmodelled: Program = (ctx) => {
  const name = ctx.argv[0]!.slice(ctx.argv[0]!.lastIndexOf('/') + 1);
  ctx.sys.diag(
    `\`${name}\` exists in this image but Podlab does not simulate it: it assumes \`${ctx.argv.join(' ')}\` prints nothing and exits 0.`,
  );
  return done(0);
};

/** Applets of busybox (and Debian tools) that fall back to `unmodelled`. */
export const UNMODELLED_BUSYBOX = [
  'find',
  'xargs',
  'ln',
  'chown',
  'df',
  'du',
  'free',
  'top',
  'ping',
  'ip',
  'ifconfig',
  'netstat',
  'telnet',
  'vi',
  'tar',
  'gzip',
  'gunzip',
  'md5sum',
  'sha256sum',
  'od',
  'stat',
  'readlink',
  'realpath',
  'mktemp',
  'sync',
  'yes',
  'rev',
  'tac',
  'nl',
  'cmp',
  'diff',
  'less',
  'more',
  'watch',
  'traceroute',
  'route',
  'arp',
  'dd',
  'mount',
  'umount',
  'su',
  'logger',
  'crond',
  'httpd',
  'ntpd',
  'udhcpc',
];
export const UNMODELLED_DEBIAN = [
  'find',
  'xargs',
  'ln',
  'chown',
  'df',
  'du',
  'tar',
  'gzip',
  'md5sum',
  'sha256sum',
  'stat',
  'readlink',
  'realpath',
  'mktemp',
  'sync',
  'yes',
  'tac',
  'od',
  'dd',
  'mount',
  'su',
];
