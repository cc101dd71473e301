import { describe, expect, it } from 'vitest';
import { eventKey, kubectlName, noResources, objectKey, splitObjectKey } from './objectKey.ts';

describe('object keys (DESIGN §4: NAME in default, NAMESPACE/NAME elsewhere)', () => {
  it.each([
    ['default', 'web', 'web', 'web'],
    ['team-a', 'web', 'team-a/web', 'web -n team-a'],
    ['constructor', '__proto__', 'constructor/__proto__', '__proto__ -n constructor'],
  ])('%s/%s → %s', (namespace, name, key, kubectl) => {
    expect(objectKey(namespace, name)).toBe(key);
    expect(splitObjectKey(key)).toEqual({ namespace, name });
    expect(kubectlName(key)).toBe(kubectl);
  });

  it.each([
    [{ object: 'pod/web', namespace: 'default' }, 'pod/web'],
    [{ object: 'pod/web', namespace: 'team-a' }, 'pod/team-a/web'],
    [{ object: 'node/node-1', namespace: 'default' }, 'node/node-1'],
  ])('eventKey(%j) = %s', (e, key) => {
    expect(eventKey(e)).toBe(key);
  });

  it.each([
    ['team-a', 'No resources found in team-a namespace.\n'],
    [undefined, 'No resources found\n'],
  ])('noResources(%s)', (ns, text) => {
    expect(noResources(ns)).toBe(text);
  });
});
