/** The bundled examples, for the browser (Vite inlines the files) and Vitest. */
import { baseName, buildRegistry, metaName, type Example } from './exampleMeta.ts';

const files = import.meta.glob<string>('./examples/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const metas = import.meta.glob<string>('./examples/*.meta', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const EXAMPLES: readonly Example[] = buildRegistry(
  Object.entries(files).map(([path, text]) => [baseName(path), text, metas[metaName(path)] ?? '']),
);

export function findExample(slug: string): Example | undefined {
  return EXAMPLES.find((e) => e.slug === slug);
}

export type { Example };
