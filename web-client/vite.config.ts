// The site (index.html), the offline GraphiQL (graphiql.html) and the service
// worker (sw.js, at the root so that it controls every page). Output file
// names depend on content only, so a rebuild of unchanged sources gives the
// same dist/ byte for byte (CI checks it).
import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    manifest: 'manifest.json',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
        sw: resolve(import.meta.dirname, 'src/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    // Only the tests that build DOM nodes ask for jsdom (a per-file comment).
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
