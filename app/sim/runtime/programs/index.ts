/** Every program id a file in an image can point at: shared tools plus each image family's own. */
import type { Program } from '../process/types.ts';
import { done } from '../process/effects.ts';
import { sh } from '../shell/shProgram.ts';
import { IMAGE_PROGRAMS } from '../images/index.ts';
import * as text from './text.ts';
import * as filters from './filters.ts';
import * as sysinfo from './sysinfo.ts';
import * as files from './files.ts';
import * as proc from './proc.ts';
import * as net from './net.ts';
import * as more from './more.ts';
import { awk } from './awk.ts';
import { tail } from './tail.ts';
import { execInPlace } from './util.ts';

const which: Program = (ctx) => {
  let code = 0;
  for (const n of ctx.argv.slice(1)) {
    const f = ctx.sys.lookup(n, ctx.env.get('PATH'), ctx.cwd);
    if (f) ctx.io.out(f.path + '\n');
    else code = 1;
  }
  return done(code);
};

export const PROGRAMS: Record<string, Program> = {
  sh,
  echo: text.echo,
  printf: text.printf,
  cat: text.cat,
  grep: filters.grep,
  wc: text.wc,
  head: text.head,
  tail,
  tee: text.tee,
  sed: filters.sed,
  seq: text.seq,
  expr: filters.expr,
  basename: text.basename,
  dirname: text.dirname,
  true: sysinfo.trueProg,
  false: sysinfo.falseProg,
  env: sysinfo.env,
  pwd: sysinfo.pwd,
  hostname: sysinfo.hostname,
  id: sysinfo.id,
  whoami: sysinfo.whoami,
  uname: sysinfo.uname,
  date: sysinfo.date,
  touch: files.touch,
  chmod: files.chmod,
  rm: files.rm,
  mkdir: files.mkdir,
  cp: files.cp,
  mv: files.mv,
  ls: files.ls,
  test: files.test,
  sleep: proc.sleep,
  kill: proc.kill,
  killall: proc.killall,
  pidof: proc.pidof,
  ps: proc.ps,
  timeout: proc.timeout,
  nslookup: net.nslookup,
  wget: net.wget,
  curl: net.curl,
  nc: net.nc,
  which,
  awk,
  tr: more.tr,
  cut: more.cut,
  sort: more.sort,
  uniq: more.uniq,
  base64: more.base64,
  usleep: more.usleep,
  nohup: more.nohup,
  unmodelled: more.unmodelled,
  'exec-args': (ctx) => execInPlace(ctx, ctx.argv.slice(1)),
  ...IMAGE_PROGRAMS,
};
