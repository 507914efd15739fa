import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { enc, when } from '../api.js';
import { LightElement, StorePage } from '../base.js';
import { detections, isCamera, state, store } from '../store.js';

/** A camera's latest snapshot, or a placeholder; the URL changes with imageTime so a new one loads. */
export function snapshot(thing, cls = 'snap') {
  const time = state(thing, 'imageTime');
  return time === 'NULL'
    ? html`<div class="${cls} empty" data-test="no-snapshot">No snapshot yet</div>`
    : html`<img class=${cls} data-test="snapshot" alt="Latest snapshot of ${thing.label}"
        src="/camalarm/api/things/${enc(thing.UID)}/image?t=${enc(time)}">`;
}

export function statusBadge(thing) {
  const s = thing.statusInfo?.status ?? 'UNKNOWN';
  // a camera is heard, never asked: unknown until its first alarm since the hub started
  const why = thing.statusInfo?.description
    || (s === 'UNKNOWN' && isCamera(thing) ? 'No alarm from it since the hub started: online with its next one' : s);
  return html`<span class="badge ${s.toLowerCase()}" data-test="status" data-state=${s} title=${why}>${s.toLowerCase()}</span>`;
}

class CamCard extends LightElement {
  static properties = { thing: { attribute: false } };

  render() {
    const t = this.thing;
    const active = detections(t).filter((c) => c.state === 'ON');
    return html`
      <a class="card camera" href="#/camera/${enc(t.UID)}" data-thing-uid=${t.UID}
         data-state=${active.length ? 'ALARM' : 'IDLE'}>
        ${snapshot(t)}
        <div class="card-body">
          <div class="row"><h2>${t.label}</h2>${statusBadge(t)}</div>
          <ul class="chips" aria-label="Detections">
            ${detections(t).map((c) => html`<li class="chip ${c.state === 'ON' ? 'on' : ''}"
              data-channel-id=${c.id} data-state=${c.state}>${c.label}</li>`)}
          </ul>
          <p class="muted small">Last event: ${state(t, 'lastEventType') === 'NULL' ? 'none yet'
            : html`${state(t, 'lastEventType')} · ${when(state(t, 'lastSeen'))}`}</p>
        </div>
      </a>`;
  }
}
customElements.define('cam-card', CamCard);

class CamerasPage extends StorePage {
  render() {
    if (!store.loaded) return html`<p class="muted">Loading…</p>`;
    const cameras = store.cameras().sort((a, b) => a.label.localeCompare(b.label));
    return html`
      <div class="page-head"><h1>Cameras</h1><a class="button" href="#/add/camera">Add a camera</a></div>
      ${cameras.length === 0
        ? html`<div class="empty-state" data-test="empty">
            <p><b>No camera yet</b> — add one or wait for a push.</p>
            <p class="muted">A camera that pushes before it is configured shows up in the <a href="#/inbox">Inbox</a>.</p>
          </div>`
        : html`<div class="grid" data-page="cameras">
            ${repeat(cameras, (t) => t.UID, (t) => html`<cam-card .thing=${t}></cam-card>`)}
          </div>`}`;
  }
}
customElements.define('cam-cameras-page', CamerasPage);
