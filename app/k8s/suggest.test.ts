import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.ts';

describe('suggestions', () => {
  it.each([
    ['hostPost', 'hostPort', 1],
    ['Pdo', 'Pod', 1],
    ['imagePullPolcy', 'imagePullPolicy', 1],
    ['livenesProbe', 'livenessProbe', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('suggests only close names', () => {
    const container = ['name', 'image', 'imagePullPolicy', 'ports', 'livenessProbe', 'lifecycle'];
    expect(closest('imagePullPolcy', container)).toBe('imagePullPolicy');
    expect(closest('LifeCycle', container)).toBe('lifecycle');
    expect(closest('livenesProbe', container)).toBe('livenessProbe');
    expect(closest('httpGet', container)).toBeUndefined();
    expect(closest('initialDelaySeconds', container)).toBeUndefined();
    expect(closest('ports', ['apiVersion', 'kind', 'metadata', 'spec', 'status'])).toBeUndefined();
  });
});
