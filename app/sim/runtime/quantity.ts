/** Kubernetes resource.Quantity → a number (bytes, or CPU cores). Undefined when absent or malformed. */
import { parseQuantity as parseApiQuantity } from '../../k8s/quantity.ts';

export function parseQuantity(q: string | number | undefined): number | undefined {
  return q === undefined ? undefined : parseApiQuantity(q);
}
