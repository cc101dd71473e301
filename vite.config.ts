/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
