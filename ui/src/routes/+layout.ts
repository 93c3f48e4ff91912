// The UI is a static single-page app inside the Tauri window.
export const ssr = false;
export const prerender = false;
