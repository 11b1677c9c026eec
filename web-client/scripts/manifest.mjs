// Vite writes the manifest key of an asset imported with `?url` (the
// console's stylesheet) as an absolute path, so dist/manifest.json differed
// with the directory the client was built in, and a clean clone's rebuild
// never equalled the committed dist/. This rewrites such paths relative to
// the web client, as Vite writes every other key.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'dist', 'manifest.json');
const rel = (p) => (typeof p === 'string' && isAbsolute(p) ? relative(root, p).split('\\').join('/') : p);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const out = {};
for (const [key, entry] of Object.entries(manifest)) {
  const e = { ...entry };
  if (e.src) e.src = rel(e.src);
  for (const list of ['imports', 'dynamicImports']) if (e[list]) e[list] = e[list].map(rel);
  out[rel(key)] = e;
}
writeFileSync(file, JSON.stringify(out, null, 2));
