import { html } from 'lit';
import { api, enc, propertyLabels, when } from '../api.js';
import { StorePage } from '../base.js';
import { EVENT_TYPES, detections, isCamera, state, store } from '../store.js';
import { snapshot, statusBadge } from './cameras.js';
import { refusal } from './setup.js';
import './delete-thing.js';
import './timeline.js';


/** What the camera sent, indented when it is JSON. */
function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

const PROPERTIES_POLL_MS = 5000;

class CameraPage extends StorePage {
  static properties = { uid: {}, result: { state: true }, full: { state: true }, deleting: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    // properties (IP, MAC, name, a refused alarm) are learned from alarms and not streamed: read them
    // fresh, and again every few seconds while the page is open
    if (store.loaded) store.reloadThing(this.uid);
    this.timer = setInterval(() => { if (store.loaded) store.refreshProperties(this.uid); }, PROPERTIES_POLL_MS);
    this._onKey = (e) => { if (e.key === 'Escape' && this.full) this.full = false; };
    document.addEventListener('keydown', this._onKey);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    document.removeEventListener('keydown', this._onKey);
    super.disconnectedCallback();
  }

  async simulate(e) {
    e.preventDefault();
    const type = e.target.type.value;
    try {
      await api.post(`things/${enc(this.uid)}/simulate`, { type });
      this.result = { ok: true, text: `Simulated ${type}` };
    } catch (err) {
      this.result = { ok: false, text: err.message };
    }
  }

  render() {
    const t = store.things.get(this.uid);
    if (!store.loaded) return html`<p class="muted">Loading…</p>`;
    if (!t || !isCamera(t)) {
      return html`<p class="empty-state">No camera ${this.uid}. <a href="#/cameras">All cameras</a></p>`;
    }
    const others = t.channels.filter((c) => c.kind === 'STATE' && !detections(t).includes(c)
      && !['image', 'imageUrl', 'lastEventData'].includes(c.id));
    const data = state(t, 'lastEventData');
    return html`
      <div class="page-head" data-thing-uid=${t.UID}>
        <h1>${t.label}</h1>${statusBadge(t)}
        <span class="spacer"></span>
        ${t.editable
          ? html`<a class="button" href="#/edit/${enc(t.UID)}">Edit</a>
              <a class="button" href="#/setup/${enc(t.UID)}">Setup</a>
              <button class="danger" data-action="delete" ?disabled=${this.deleting}
                @click=${() => { this.deleting = true; }}>Delete</button>`
          : html`<span class="muted" data-test="read-only">Read-only: ${t.file || 'from a file'}</span>`}
      </div>
      ${this.deleting ? html`<cam-delete-confirm .thing=${t} @cancel=${() => { this.deleting = false; }}></cam-delete-confirm>` : ''}
      ${refusal(t)}
      ${t.statusInfo?.description ? html`<p class="error">${t.statusInfo.description}</p>` : ''}
      <div class="camera-layout">
        <div>
          <button class="snap-button" @click=${() => { this.full = state(t, 'imageTime') !== 'NULL'; }}
            aria-label="Show the snapshot full size">${snapshot(t, 'snap large')}</button>
          <form class="simulate card" @submit=${this.simulate}>
            <h2>Try a rule</h2>
            <p class="muted small">Inject an event as if the camera had sent it.</p>
            <label>Event type <select name="type" data-test="simulate-type">
              ${EVENT_TYPES.map((s) => html`<option>${s}</option>`)}</select></label>
            <button class="primary" data-action="simulate">Simulate alarm</button>
            ${this.result ? html`<p class=${this.result.ok ? 'ok' : 'error'} data-test="simulate-result">${this.result.text}</p>` : ''}
          </form>
        </div>
        <div>
          <h2>Detections</h2>
          <ul class="chips">
            ${detections(t).map((c) => html`<li class="chip ${c.state === 'ON' ? 'on' : ''}"
              data-channel-id=${c.id} data-state=${c.state}>${c.label}</li>`)}
          </ul>
          <h2>Channels</h2>
          <table class="kv">
            ${others.map((c) => html`<tr data-channel-id=${c.id} data-state=${c.state}>
              <th>${c.label}</th><td>${c.itemType === 'DateTime' ? when(c.state) : c.state === 'NULL' ? '—' : c.state}</td></tr>`)}
          </table>
          ${data !== 'NULL' ? html`<details class="event-data" data-channel-id="lastEventData">
            <summary>Last event data</summary><pre>${pretty(data)}</pre></details>` : ''}
          <h2>Properties</h2>
          <table class="kv">
            <tr><th>UID</th><td>${t.UID}</td></tr>
            ${propertyLabels({ ...t.properties, lastRefusedAlarm: undefined }).filter(([, v]) => v)
              .map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}
          </table>
        </div>
      </div>
      <cam-timeline .uid=${t.UID} .types=${EVENT_TYPES}></cam-timeline>
      ${this.full ? html`
        <div class="overlay" role="dialog" aria-label="Snapshot" @click=${() => { this.full = false; }}>
          <img data-test="full-image" src="/camalarm/api/things/${enc(t.UID)}/image?t=${enc(state(t, 'imageTime'))}" alt="Snapshot">
          <button class="close" autofocus>Close</button>
        </div>` : ''}`;
  }
}
customElements.define('cam-camera-page', CameraPage);
