'use strict';

/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time by package (or the plugin's own
 * files), and the heaviest functions. Usage: node scripts/bench/profile-summary.js <file> [top]
 */
const fs = require('node:fs');

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));

const packageOf = (url, name) => {
  if (!url) return name === '(garbage collector)' ? 'GC' : name === '(idle)' ? 'idle' : name === '(program)' ? 'program/native' : `native: ${name}`;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('plugins/gov-disclosure')) return 'gov-disclosure';
  if (url.startsWith('node:')) return url.split('/')[0];
  return url;
};

const byPackage = new Map();
const byFunction = new Map();
let total = 0;
for (const [id, us] of self) {
  const n = byId.get(id);
  const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
  total += us;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1)} %`;
console.log(`total ${(total / 1e6).toFixed(1)} s sampled`);
console.table(
  [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .map(([pkg, us]) => ({ package: pkg, self: pct(us) }))
);
console.table(
  [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .map(([fn, us]) => ({ function: fn.slice(0, 110), self: pct(us) }))
);
