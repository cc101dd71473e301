import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../../trace/types.ts';
import { sameContainerStatus } from './sameStatus.ts';

const base: ContainerStatus = {
  name: 'app',
  image: 'nginx',
  ready: true,
  started: true,
  restartCount: 1,
  state: { running: { startedAt: 3 } },
  lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: 1, finishedAt: 2 } },
  containerID: 'containerd://a',
};
const term = { exitCode: 1, reason: 'Error', startedAt: 1, finishedAt: 2 };

describe('sameContainerStatus agrees with comparing JSON', () => {
  const rows: [string, ContainerStatus | undefined][] = [
    ['identical copy', structuredClone(base)],
    ['ready differs', { ...base, ready: false }],
    ['started missing', { ...base, started: undefined }],
    ['restartCount', { ...base, restartCount: 2 }],
    ['containerID', { ...base, containerID: 'containerd://b' }],
    ['running startedAt', { ...base, state: { running: { startedAt: 4 } } }],
    ['waiting instead', { ...base, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
    ['terminated instead', { ...base, state: { terminated: term } }],
    ['no lastState', { ...base, lastState: undefined }],
    ['lastState message', { ...base, lastState: { terminated: { ...term, message: 'x' } } }],
    ['lastState signal', { ...base, lastState: { terminated: { ...term, signal: 9 } } }],
    ['undefined', undefined],
  ];
  it.each(rows)('%s', (_name, other) => {
    expect(sameContainerStatus(base, other)).toBe(JSON.stringify(base) === JSON.stringify(other));
  });
  it('waiting reasons and messages', () => {
    const w = (reason: string, message?: string): ContainerStatus => ({
      ...base,
      state: { waiting: { reason, ...(message ? { message } : {}) } },
    });
    expect(sameContainerStatus(w('A'), w('A'))).toBe(true);
    expect(sameContainerStatus(w('A'), w('B'))).toBe(false);
    expect(sameContainerStatus(w('A', 'm'), w('A'))).toBe(false);
  });
});
