// Writes the demo's article pages (web/demo/pages.mjs) into OUT_DIR, in the
// shell every demo page shares (demo-shell.mjs), with the ruleset id filled in.
//
// Usage: node web/tools/demo-pages.mjs RULESET_ID OUT_DIR

import fs from 'node:fs';
import path from 'node:path';
import { demoPage } from './demo-shell.mjs';
import { PAGES } from '../demo/pages.mjs';

const [rulesetId, outDir] = process.argv.slice(2);
if (!outDir || !/^[a-z0-9-]+$/.test(rulesetId)) {
  console.error('usage: demo-pages.mjs RULESET_ID OUT_DIR');
  process.exit(2);
}
for (const [name, page] of Object.entries(PAGES)) {
  fs.writeFileSync(path.join(outDir, name), demoPage(page).replaceAll('@RULESET_ID@', rulesetId));
}
console.log(`wrote ${Object.keys(PAGES).join(', ')}`);
