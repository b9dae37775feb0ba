// The guide's stylesheet as it ships: web/src/guide.css minified (esbuild, a
// devDependency: `npm ci`). One text for both places it goes: compiled into
// the script as a constructed stylesheet (bundle.mjs), and into the page's
// pre-rendered first screen as a <style> whose hash the CSP allows
// (prerender.mjs).

import fs from 'node:fs';
import { transformSync } from 'esbuild';

export function guideCss(file) {
  return transformSync(fs.readFileSync(file, 'utf8'),
    { loader: 'css', minify: true, legalComments: 'none', logLevel: 'silent' }).code.trim();
}
