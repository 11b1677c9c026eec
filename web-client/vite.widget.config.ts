// The embeddable widget as one classic script, dist/widget.js, with a stable
// name so county portals can paste one <script> tag.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  // Library mode keeps process.env references that browsers do not have.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: resolve(import.meta.dirname, 'src/widget.ts'),
      name: 'BrandShowcase',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
