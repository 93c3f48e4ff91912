// The one page is prerendered as an empty shell (no SSR): its HTML then
// preloads the page's own code with the router's, instead of the router
// fetching it only once it has started (issue 17: start time).
export const prerender = true;
