// Minifies built files in place with esbuild (a devDependency; `npm ci`
// installs it): only dist/ is minified, web/ keeps the readable sources.
// .js and .mjs files are ES modules (every script of the widget, the iframe
// page and the kiosk is loaded with type="module"): their top-level names may
// be shortened. .css files are minified as stylesheets. A file named with
// --script is a classic script (the kiosk's service worker): whitespace and
// syntax only, its top-level names are kept. The syntax is not lowered (no
// target): what the sources use is what ships. Nothing is added that a strict
// CSP forbids (no eval, no new Function).
//
// Usage: node web/tools/minify.mjs FILE... [--script FILE...]

import fs from 'node:fs';
import { transformSync } from 'esbuild';

let classic = false;
const files = [];
for (const arg of process.argv.slice(2)) {
  if (arg === '--script') classic = true;
  else files.push({ file: arg, classic });
}
if (files.length === 0) {
  console.error('usage: minify.mjs FILE... [--script FILE...]');
  process.exit(2);
}

for (const { file, classic: isClassic } of files) {
  const source = fs.readFileSync(file, 'utf8');
  let options;
  if (file.endsWith('.css')) options = { loader: 'css', minify: true };
  else if (/\.m?js$/.test(file)) options = { loader: 'js', minify: true, ...(isClassic ? {} : { format: 'esm' }) };
  else throw new Error(`${file}: neither .js, .mjs nor .css`);
  const { code, warnings } = transformSync(source, { ...options, legalComments: 'none', logLevel: 'silent' });
  for (const w of warnings) console.error(`${file}: ${w.text}`);
  if (/\beval\s*\(|\bnew\s+Function\s*\(/.test(code) && !/\beval\s*\(|\bnew\s+Function\s*\(/.test(source)) {
    throw new Error(`${file}: the minified code calls eval or new Function`);
  }
  fs.writeFileSync(file, code);
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
