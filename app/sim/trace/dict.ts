/**
 * A record keyed by user strings (pod, container, condition, Service names): no prototype, so a
 * container named `constructor` or `__proto__` is an ordinary key. JSON.stringify is unchanged.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
