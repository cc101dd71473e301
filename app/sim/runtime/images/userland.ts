/** The tools an image's filesystem holds: busybox applets, a Debian userland, or nothing (scratch). */
import type { FileSpec } from './types.ts';
import { UNMODELLED_BUSYBOX, UNMODELLED_DEBIAN } from '../programs/more.ts';

/** busybox applets Podlab models (program id = applet name). */
export const BUSYBOX_APPLETS = [
  'sh',
  'ash',
  'echo',
  'printf',
  'cat',
  'grep',
  'egrep',
  'wc',
  'head',
  'tail',
  'tee',
  'sed',
  'seq',
  'expr',
  'basename',
  'dirname',
  'true',
  'false',
  'env',
  'pwd',
  'hostname',
  'id',
  'whoami',
  'uname',
  'date',
  'touch',
  'rm',
  'mkdir',
  'cp',
  'mv',
  'ls',
  'chmod',
  'test',
  '[',
  '[[',
  'sleep',
  'timeout',
  'awk',
  'tr',
  'cut',
  'sort',
  'uniq',
  'base64',
  'usleep',
  'nohup',
  'kill',
  'killall',
  'pidof',
  'ps',
  'nslookup',
  'wget',
  'nc',
  'which',
];

const APPLET_PROGRAM: Record<string, string> = {
  ash: 'sh',
  egrep: 'grep',
  '[': 'test',
  '[[': 'test',
};

export function busyboxFiles(): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = { '/bin/busybox': { program: 'sh' } };
  for (const a of UNMODELLED_BUSYBOX) files[`/bin/${a}`] = { program: 'unmodelled' };
  for (const a of BUSYBOX_APPLETS) files[`/bin/${a}`] = { program: APPLET_PROGRAM[a] ?? a };
  return files;
}

/** Debian slim: dash as /bin/sh, coreutils, grep, sed; no ps, nslookup, wget, nc, killall. */
const DEBIAN_BIN = [
  'cat',
  'chmod',
  'cp',
  'date',
  'echo',
  'grep',
  'hostname',
  'ls',
  'mkdir',
  'mv',
  'pwd',
  'rm',
  'sed',
  'sleep',
  'touch',
  'true',
  'false',
  'uname',
];
const DEBIAN_USR_BIN = [
  'timeout',
  'awk',
  'tr',
  'cut',
  'sort',
  'uniq',
  'base64',
  'nohup',
  'env',
  'head',
  'tail',
  'tee',
  'wc',
  'seq',
  'expr',
  'basename',
  'dirname',
  'id',
  'whoami',
  'printf',
  'test',
  '[',
  'kill',
  'which',
];

export function debianFiles(extra: string[] = []): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {
    '/bin/sh': { program: 'sh' },
    '/bin/bash': { program: 'sh' },
    '/bin/dash': { program: 'sh' },
  };
  for (const b of UNMODELLED_DEBIAN) files[`/usr/bin/${b}`] = { program: 'unmodelled' };
  for (const b of DEBIAN_BIN) files[`/bin/${b}`] = { program: b };
  for (const b of [...DEBIAN_USR_BIN, ...extra])
    files[`/usr/bin/${b}`] = { program: b === '[' ? 'test' : b };
  return files;
}

/** Directories every Linux image has. */
export function baseDirs(): Record<string, FileSpec> {
  return {
    '/tmp/': '',
    '/root/': '',
    '/etc/': '',
    '/var/run/': '',
    '/usr/bin/': '',
    '/proc/': '',
    '/dev/': '',
    '/dev/null': { device: 'null' },
    '/home/': '',
  };
}
