// The first screen's stylesheet goes into index.html as a <style> element
// rather than a <link>: no request, nothing blocking the first paint while
// it loads (issue 17: start time). The CSP allows inline styles, and
// tauri.conf.json keeps Tauri from adding a nonce to style-src for this
// <style> (dangerousDisableAssetCspModification): with a nonce there, the
// engine would ignore 'unsafe-inline' and drop the style attributes the class
// view's bars are drawn with. Only the
// stylesheets index.html links are inlined; a screen loaded later brings its
// own. Build only.
import type { Plugin } from 'vite';

export function inlineEntryCss(): Plugin {
  return {
    name: 'vardskap-inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset' || typeof html.source !== 'string') return;
      let page = html.source;
      const link = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;
      for (const [tag, file] of [...page.matchAll(link)]) {
        const css = bundle[file];
        if (!css || css.type !== 'asset') continue;
        const text = typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
        page = page.replace(tag, () => `<style>${text}</style>`);
        delete bundle[file];
      }
      html.source = page;
    },
  };
}
