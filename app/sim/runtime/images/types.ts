/**
 * One image family of the catalogue (busybox, nginx, tomcat, ...): which repositories and tags
 * exist, what the image's filesystem holds, its ENTRYPOINT/CMD/ENV/STOPSIGNAL, its own programs
 * (servers), pull cost, and which userland its tools come from.
 */
import type { Signal } from '../types.ts';
import type { Program } from '../process/types.ts';

export type FileSpec =
  string | { program?: string; data?: string; exec?: boolean; device?: 'null' };

export interface Userland {
  /** GNU coreutils wording (`cat: x: No such file`) vs busybox (`cat: can't open 'x'`). */
  gnu: boolean;
  /** busybox ≤ 1.28 prints nslookup in the old format. */
  oldNslookup: boolean;
  /** dash prints `sh: 1: x: not found`. */
  dash: boolean;
}

export interface ImageFamily {
  /** Normalised repositories without tag, e.g. `docker.io/library/nginx`. */
  repositories: string[];
  hasTag(tag: string): boolean;
  /** What `docker inspect` would say for this tag. */
  config(tag: string): ImageConfig;
  files(tag: string): Record<string, FileSpec>;
  userland(tag: string): Userland;
  sizeBytes: number;
  pullMs: number;
  presentOnNode: boolean;
  /** Programs this family brings (referenced by `program` in its files). */
  programs?: Record<string, Program>;
}

export interface ImageConfig {
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir?: string;
  stopSignal?: Signal;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
