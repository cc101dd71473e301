/** Text formats the kubelet uses in statuses and events. */
import { formatGoDuration } from '../trace/time.ts';

/**
 * Go's `time.Duration.String()` for a duration in engine ms (`10s`, `1m20s`, `5m0s`, `500ms`), as in
 * CrashLoopBackOff messages and Pulled events; the one formatter is trace/time.ts formatGoDuration.
 */
export const goDuration = (ms: number): string => formatGoDuration(ms / 1000);

/** `pod_namespace(uid)` as in the CrashLoopBackOff message (kuberuntime_manager.go doBackOff). */
export const podDesc = (name: string, namespace: string, uid: string) =>
  `${name}_${namespace}(${uid})`;

/** Go `%s` of a []string: `[a b]` (status/generate.go condition messages). */
export const goList = (xs: readonly string[]) => `[${xs.join(' ')}]`;

/** Deterministic pod UID from namespace/name (a stable v4-shaped hex string). */
export function podUID(namespace: string, name: string, salt = 0): string {
  let h1 = 0x811c9dc5 ^ salt;
  let h2 = 0x01000193;
  const s = `${namespace}/${name}`;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < s.length; i++) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
      h2 = Math.imul(h2 + s.charCodeAt(i) + round, 2246822519) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
  }
  const x = hex.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-a${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

/** A deterministic 64-hex sandbox ID, as containerd prints them (`salt`: one per attempt). */
export function sandboxID(namespace: string, name: string, salt: number): string {
  const a = podUID(namespace, name, salt).replace(/-/g, '');
  const b = podUID(name, namespace, salt + 1).replace(/-/g, '');
  return a + b;
}
