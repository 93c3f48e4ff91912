import { sveltekit } from '@sveltejs/kit/vite';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { licences } from './licences.js';

export default defineConfig({
  // licences(): licences.json, the About screen's list (build only).
  plugins: [sveltekit(), ...licences()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The words are the catalogue at the top of the repository (locales/*.ftl).
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), '../locales'] },
  },
  build: { target: 'es2022' },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
  },
});
