// Joins each app's style sheets into one file before trunk builds it:
// one gzipped file is 1.1 KiB smaller than five (measured on the
// questionnaires app: 4.3 KiB → 3.2 KiB), and the page links one sheet.
// The sources stay apart in style/ (tokens, layout, components, …); the
// bundles go to target/css/, which trunk reads as any other sheet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const BUNDLES = {
  questionnaires: ['tokens', 'layout', 'components', 'services', 'print'],
  class: ['tokens', 'layout', 'components', 'print', 'class'],
  services: ['tokens', 'layout', 'components', 'print', 'services'],
  history: ['tokens', 'layout', 'components', 'print', 'history'],
};

mkdirSync('target/css', { recursive: true });
for (const [app, sheets] of Object.entries(BUNDLES)) {
  const css = sheets.map((name) => `/* style/${name}.css */\n${readFileSync(`style/${name}.css`, 'utf8')}`).join('\n');
  writeFileSync(`target/css/${app}.css`, css);
}
