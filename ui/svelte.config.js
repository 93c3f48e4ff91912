import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A desktop app: one static bundle, no server, no SSR.
    // The one page is prerendered as an empty shell (routes/+page.ts), so
    // index.html preloads the first screen's code; 200.html is the SPA
    // fallback for any other path.
    adapter: adapter({ fallback: '200.html' }),
    // Stylesheets this small are inlined into the page: no request, nothing
    // blocking the first paint (the CSP allows inline styles).
    inlineStyleThreshold: 16384,
  },
};
