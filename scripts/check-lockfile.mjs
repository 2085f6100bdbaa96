// Fails when package-lock.json would make `npm ci` refuse on some platform: every optional
// dependency a locked package declares must itself be locked, so other platforms' native
// packages (@next/swc-darwin-*, @tailwindcss/oxide-win32-*, …) are not dropped again.
import fs from 'node:fs';

const lock = JSON.parse(fs.readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const packages = lock.packages ?? {};
const missing = [];

for (const [location, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(location, name)) missing.push(`${location || '(root)'} → ${name}`);
  }
}

// Resolve as Node does: the nearest node_modules folder up the tree that holds the package.
function resolves(location, name) {
  let base = location;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('node_modules/');
    base = cut <= 0 ? '' : base.slice(0, cut - 1);
  }
}

const platforms = ['darwin', 'win32', 'linux'];
for (const prefix of ['node_modules/@next/swc-', 'node_modules/@tailwindcss/oxide-']) {
  for (const os of platforms) {
    if (!Object.keys(packages).some((key) => key.startsWith(prefix + os))) missing.push(`${prefix}${os}-*`);
  }
}

if (missing.length > 0) {
  console.error(`package-lock.json lacks ${missing.length} optional package(s) that npm ci needs on some platform:`);
  for (const line of missing.slice(0, 20)) console.error(`  ${line}`);
  console.error('Regenerate it from scratch: rm -rf node_modules package-lock.json && npm install --package-lock-only');
  process.exit(1);
}
console.log(`package-lock.json: every optional package of ${Object.keys(packages).length} entries is locked`);
