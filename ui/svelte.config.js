import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A desktop app's UI: one static page (index.html → src/main.ts → App.svelte),
// no router, no server. Read by the Vite plugin, svelte-check and ESLint.
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
};
