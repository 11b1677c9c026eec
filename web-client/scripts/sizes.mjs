// Prints the gzipped size of every built file and checks the budget: the
// site's initial JavaScript (the index entry and the chunks it imports
// statically) must stay at or under 150 KB gzipped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGET = 150 * 1024;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [relative(dist, join(dir, f))]));
const files = walk(dist).filter((f) => /\.(js|css|html)$/.test(f)).sort();
console.log('gzipped sizes of dist/:');
for (const f of files) console.log(`  ${f.padEnd(48)} ${kb(statSync(join(dist, f)).size).padStart(10)}  gz ${kb(gz(f)).padStart(9)}`);

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const seen = new Set();
const initial = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imp of manifest[key].imports ?? []) initial(imp);
};
initial('index.html');
const js = [...seen].map((k) => manifest[k].file);
const total = js.reduce((n, f) => n + gz(f), 0);
console.log(`site initial JavaScript: ${js.join(', ')} = ${kb(total)} gzipped (budget ${kb(BUDGET)})`);
// Chunks the site loads only when a page needs them (import()): the map
// (its shapes), the kiosk's QR codes.
const lazy = new Set();
const dynamic = (key) => {
  for (const imp of manifest[key].dynamicImports ?? []) {
    if (seen.has(imp) || lazy.has(imp)) continue;
    lazy.add(imp);
    dynamic(imp);
  }
};
for (const key of seen) dynamic(key);
for (const key of [...lazy].sort()) console.log(`lazy chunk ${manifest[key].file} (${key}): ${kb(gz(manifest[key].file))} gzipped`);
const widget = gz('widget.js');
console.log(`widget.js: ${kb(widget)} gzipped`);
if (total > BUDGET) {
  console.error('over budget: the site initial JavaScript is larger than 150 KB gzipped');
  process.exit(1);
}
