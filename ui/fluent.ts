// `import json from '…/sv.ftl?parsed'`: a Fluent catalogue parsed when the UI
// is built, not when it starts. The module is the parsed entries
// (FluentResource's `body`) as JSON text: JSON.parse is far cheaper for a JS
// engine than Fluent's parser over the catalogue (issue 17: start time; the
// Swedish catalogue is 69 KB), and src/lib/i18n calls it only for a language
// in use, so a start in Swedish never reads the English entries.
import { FluentResource } from '@fluent/bundle';
import fs from 'node:fs';
import type { Plugin } from 'vite';

const SUFFIX = '?parsed';

export function fluentCatalogues(): Plugin {
  return {
    name: 'vardskap-fluent-catalogues',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.ftl' + SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const body = new FluentResource(fs.readFileSync(file, 'utf8')).body;
      return `export default ${JSON.stringify(JSON.stringify(body))};`;
    },
  };
}
