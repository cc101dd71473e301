/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `vite preview` gzips every response on the fly, which on a busy 2-core box costs the 3 MB editor
 * chunk hundreds of milliseconds per cold load: a cost a static host serving precompressed files
 * does not have. The e2e/perf specs run against preview, so serve hashed assets uncompressed
 * there (loopback transfer is ~10 ms). Preview only; the build output is unchanged.
 */
function previewAssetsUncompressed(): Plugin {
  return {
    name: 'podlab:preview-assets-uncompressed',
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/assets/')) delete req.headers['accept-encoding'];
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), previewAssetsUncompressed()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000, target: 'es2022' },
  optimizeDeps: {
    include: ['monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker'],
  },
  test: {
    environment: 'node',
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    benchmark: { include: ['app/**/*.bench.ts'] },
    testTimeout: 20_000,
  },
});
