import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A desktop app: one static bundle, no server, no SSR.
    adapter: adapter({ fallback: 'index.html' }),
  },
};
