import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './path.ts';

describe('field paths', () => {
  it.each([
    [['spec', 'containers', 0, 'ports', 1, 'name'], 'spec.containers[0].ports[1].name'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels[app.kubernetes.io/name]'],
    [['ports'], 'ports'],
    [[], ''],
    [['spec', 'actions', 2], 'spec.actions[2]'],
  ] as const)('%j <-> %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
    expect(parsePath(text)).toEqual(segments);
  });
});
