#!/usr/bin/env node
// The history's goals from benchmark results (run-peers.sh results.jsonl files) and storage.json:
//   node summary.js RESULTS.jsonl... [--storage storage.json]
// JSON alarms/s with the history on >= 0.8x off (same shape, same connections); multipart alarms/s
// with every snapshot stored >= 0.6x the 'limit' baseline of the same run.
'use strict';
const fs = require('fs');
const args = process.argv.slice(2);
const storageAt = args.indexOf('--storage');
const storage = storageAt >= 0 ? JSON.parse(fs.readFileSync(args[storageAt + 1], 'utf8')) : null;
const files = storageAt >= 0 ? args.slice(0, storageAt) : args;
const rows = [];
for (const f of files) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) if (line.trim()) rows.push(JSON.parse(line));
}
const rps = (peer, scenario) => {
  const r = rows.find((x) => x.peer === peer && x.scenario === scenario && x.kind === 'wrk' && x.data);
  return r ? { rps: r.data.rps, noisy: r.other_cpu_pct > 20, other: r.other_cpu_pct } : null;
};
const line = (label, a, b, goal, what) => {
  if (!a || !b) { console.log(`${label}: no result`); return; }
  const ratio = a.rps / b.rps;
  const noise = a.noisy || b.noisy ? `  (noisy: other jobs used ${a.other}% / ${b.other}% of a core)` : '';
  console.log(`${label}: ${a.rps.toFixed(0)}/s vs ${what} ${b.rps.toFixed(0)}/s = ${ratio.toFixed(2)}x` +
    ` (goal >= ${goal}x: ${ratio >= goal ? 'met' : 'NOT met'})${noise}`);
};
console.log('\nEvent history goals');
for (const c of ['c16', 'c64']) {
  line(`  A-json ${c}, history on vs off`, rps('camalarm', `A-json ${c}`), rps('camalarm-nohistory', `A-json ${c}`), 0.8, 'off');
}
for (const c of ['c16', 'c64']) {
  line(`  B-multipart ${c}, history on (every snapshot stored) vs limit`, rps('camalarm', `B-multipart ${c}`), rps('limit', `B-multipart ${c}`), 0.6, 'limit');
}
if (storage) {
  const s = storage;
  console.log('  A and B post one body to one camera: after the first, every push is a repeat that extends its event.');
  console.log(`  every push a new event (unknown cameras), JSON, c16: history on ${s.distinctOn.toFixed(0)}/s,` +
    ` off ${s.distinctOff.toFixed(0)}/s = ${(s.distinctOn / s.distinctOff).toFixed(2)}x`);
  console.log(`  disk per stored event without snapshot: ${(s.eventBytes / s.events).toFixed(0)} B` +
    ` (${s.events} events, ${s.eventBytes} B in events/)`);
  console.log(`  disk per stored event with snapshot: ${(s.snapshotBytes / s.snapshots).toFixed(0)} B` +
    ` (${s.snapshots} events; the JPEG alone is ${s.jpegBytes} B; with the thumbnails made in the background so far)`);
}
