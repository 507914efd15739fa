#!/usr/bin/env node
// The history's goals from benchmark results (run-peers.sh results.jsonl files) and storage.json:
//   node summary.js RESULTS.jsonl... [--storage storage.json] [--paired paired.json]
// JSON alarms/s with the history on >= 0.8x off (same shape, same connections); multipart alarms/s
// with every snapshot stored >= 0.6x the 'limit' baseline of the same run. Given paired.json
// (paired.sh: both sides running, windows alternating), both are judged on the median of its rounds'
// ratios, and the sequential rows (one server after the other, minutes apart) are printed for
// reference only; without it, the sequential rows are judged.
'use strict';
const fs = require('fs');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? JSON.parse(fs.readFileSync(args[at + 1], 'utf8')) : null;
};
const storage = option('--storage');
const paired = option('--paired');
const firstOption = args.findIndex((a) => a.startsWith('--'));
const files = firstOption >= 0 ? args.slice(0, firstOption) : args;
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
  const verdict = paired ? '' : ` (goal >= ${goal}x: ${ratio >= goal ? 'met' : 'NOT met'})`;
  console.log(`${label}: ${a.rps.toFixed(0)}/s vs ${what} ${b.rps.toFixed(0)}/s = ${ratio.toFixed(2)}x${verdict}${noise}`);
};
console.log('\nEvent history goals');
const sequential = paired ? 'sequential, for reference' : 'sequential';
for (const c of ['c16', 'c64']) {
  line(`  A-json ${c}, history on vs off, ${sequential}`, rps('camalarm', `A-json ${c}`), rps('camalarm-nohistory', `A-json ${c}`), 0.8, 'off');
}
for (const c of ['c16', 'c64']) {
  line(`  B-multipart ${c}, history on (every snapshot stored) vs limit, ${sequential}`, rps('camalarm', `B-multipart ${c}`), rps('limit', `B-multipart ${c}`), 0.6, 'limit');
}
for (const p of paired ? paired.pairs : []) {
  const ratios = p.rounds.map((r) => r.camalarm / r.base).sort((a, b) => a - b);
  const n = ratios.length;
  const median = n % 2 ? ratios[(n - 1) / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  const mean = (side) => p.rounds.reduce((sum, r) => sum + r[side], 0) / n;
  console.log(`  ${p.name}, paired (${n} rounds of ${p.seconds} s each, side by side): median` +
    ` ${median.toFixed(2)}x (rounds ${ratios[0].toFixed(2)}x..${ratios[n - 1].toFixed(2)}x; means` +
    ` ${mean('camalarm').toFixed(0)}/s vs ${mean('base').toFixed(0)}/s) (goal >= ${p.goal}x:` +
    ` ${median >= p.goal ? 'met' : 'NOT met'})`);
  console.log(`    rounds, history on / ${p.base}: ${p.rounds.map((r) => `${r.camalarm.toFixed(0)}/${r.base.toFixed(0)}`).join(', ')}`);
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
