#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm
// file under a directory, as a production web server would serve them
// (docs/serving.md; scripts/serve.mjs picks one by Accept-Encoding).
// A copy that would not be smaller than the file itself is not written.
//
// Usage: node web/tools/compress.mjs DIR
// Prints one line per file: name, raw, brotli and gzip bytes.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

export function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes) {
  return zlib.gzipSync(bytes, { level: 9 });
}

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error('usage: node web/tools/compress.mjs DIR   (DIR must be a directory)');
    process.exit(2);
  }
  for (const file of [...files(dir)].sort()) {
    const bytes = fs.readFileSync(file);
    const br = brotli(bytes);
    const gz = gzip(bytes);
    if (br.length < bytes.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < bytes.length) fs.writeFileSync(`${file}.gz`, gz);
    console.log(`${path.relative(dir, file)}\t${bytes.length}\t${br.length}\t${gz.length}`);
  }
}
