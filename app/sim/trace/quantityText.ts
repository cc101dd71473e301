/**
 * Quantities as kubectl prints them (resource.Quantity String, canonical form): milli-CPU as `250m`
 * or whole cores, bytes with the largest suffix that divides them (`512Mi`, `8Gi`, `128M`), else
 * the plain number.
 */
export function cpuText(milli: number): string {
  if (milli === 0) return '0';
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const BINARY = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
] as const;
const DECIMAL = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
] as const;

/**
 * A Quantity keeps the format it was written in; a sum of requests here has lost it, so the shorter
 * of the binary and decimal spellings is taken (`128M`, not `125000Ki`; binary on a tie).
 */
export function bytesText(n: number): string {
  if (n === 0) return '0';
  const bin = BINARY.find(([, v]) => n % v === 0);
  const dec = DECIMAL.find(([, v]) => n % v === 0);
  const b = bin ? `${n / bin[1]}${bin[0]}` : undefined;
  const d = dec ? `${n / dec[1]}${dec[0]}` : undefined;
  if (b && (!d || b.length <= d.length)) return b;
  return d ?? String(n);
}

export function quantityText(resource: string, n: number): string {
  return resource === 'cpu'
    ? cpuText(n)
    : resource === 'memory' || resource.startsWith('hugepages-') || resource === 'ephemeral-storage'
      ? bytesText(n)
      : String(n);
}
