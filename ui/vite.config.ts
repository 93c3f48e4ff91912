import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { fluentCatalogues } from './fluent.js';
import { inlineEntryCss } from './inline-css.js';
import { licences } from './licences.js';

export default defineConfig({
  // fluentCatalogues(): `*.ftl?parsed` imports (the catalogues, parsed at build time);
  // inlineEntryCss(): the first screen's stylesheet inside index.html (build only);
  // licences(): licences.json, the About screen's list (build only).
  plugins: [fluentCatalogues(), svelte(), inlineEntryCss(), ...licences()],
  clearScreen: false,
  // `$lib/…` is src/lib (tsconfig.json's `paths` says the same for the type checker).
  resolve: {
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    conditions: process.env.VITEST ? ['browser'] : undefined,
  },
  server: {
    port: 5173,
    strictPort: true,
    // The words are the catalogue at the top of the repository (locales/*.ftl).
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), '../locales'] },
  },
  // One static page for the Tauri window (tauri.conf.json's frontendDist).
  build: {
    target: 'es2022',
    outDir: 'build',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically is one chunk beside the
        // entry (not several small ones, as the screens' sharing would otherwise
        // cut it): fewer requests before the first paint. Screens stay lazy.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
  },
});
