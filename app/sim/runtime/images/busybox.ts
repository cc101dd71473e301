/** busybox (docker.io/library/busybox, k8s.gcr.io/busybox): sh + applets, CMD ["sh"]. */
import type { ImageFamily } from './types.ts';
import { DEFAULT_PATH } from './types.ts';
import { baseDirs, busyboxFiles } from './userland.ts';

const VERSION =
  /^(?:latest|stable|musl|glibc|uclibc|1\.(\d+)(?:\.\d+)?(?:-(?:musl|glibc|uclibc))?)$/;

export const busybox: ImageFamily = {
  repositories: ['docker.io/library/busybox'],
  hasTag: (tag) => {
    const m = VERSION.exec(tag);
    return !!m && (m[1] === undefined || (Number(m[1]) >= 21 && Number(m[1]) <= 37));
  },
  config: () => ({ entrypoint: [], cmd: ['sh'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({ ...baseDirs(), ...busyboxFiles() }),
  userland: (tag) => {
    const minor = Number(VERSION.exec(tag)?.[1] ?? 37);
    return { gnu: false, oldNslookup: minor <= 28, dash: false };
  },
  sizeBytes: 4_270_000,
  pullMs: 1_200,
  presentOnNode: true,
};

/** The old Google copy (busybox 1.24): old nslookup output. */
export const googleBusybox: ImageFamily = {
  ...busybox,
  repositories: [
    'k8s.gcr.io/busybox',
    'registry.k8s.io/busybox',
    'gcr.io/google-containers/busybox',
    'gcr.io/google_containers/busybox',
  ],
  hasTag: (tag) => tag === 'latest' || tag === '1.24' || tag === '1.27' || tag === '1.27.2',
  userland: () => ({ gnu: false, oldNslookup: true, dash: false }),
  sizeBytes: 1_140_000,
};

/** alpine: busybox 1.36 userland, /bin/sh. */
export const alpine: ImageFamily = {
  repositories: ['docker.io/library/alpine'],
  hasTag: (tag) => tag === 'latest' || tag === 'edge' || /^3(\.\d+){0,2}$/.test(tag),
  config: () => ({ entrypoint: [], cmd: ['/bin/sh'], env: { PATH: DEFAULT_PATH } }),
  files: () => ({ ...baseDirs(), ...busyboxFiles(), '/etc/alpine-release': '3.21.0\n' }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 7_800_000,
  pullMs: 1_500,
  presentOnNode: true,
};

/** The seed's war image (`sample:v2`): busybox plus /sample.war. */
export const sampleWar: ImageFamily = {
  ...busybox,
  repositories: ['docker.io/library/sample', 'docker.io/geektime/sample'],
  hasTag: (tag) => tag === 'v1' || tag === 'v2',
  files: () => ({
    ...baseDirs(),
    ...busyboxFiles(),
    '/sample.war': 'PK\x03\x04 sample web application archive\n',
  }),
  userland: () => ({ gnu: false, oldNslookup: false, dash: false }),
  sizeBytes: 4_300_000,
};
