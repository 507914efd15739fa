import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, enc, propertyLabels, when } from '../api.js';
import { LightElement } from '../base.js';
import { store } from '../store.js';

/** While the page is open, also without the history's live events (the history off). */
const POLL_MS = 4000;

class InboxPage extends LightElement {
  static properties = { message: { state: true }, error: { state: true }, confirming: { state: true } };

  constructor() {
    super();
    this._onChange = (e) => { if (e.detail.inbox) this.requestUpdate(); };
  }

  connectedCallback() {
    super.connectedCallback();
    store.addEventListener('change', this._onChange);
    store.refreshInbox();
    this.timer = setInterval(() => store.refreshInbox(), POLL_MS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    store.removeEventListener('change', this._onChange);
    super.disconnectedCallback();
  }

  get entries() { return store.inbox; }

  async approve(e, entry) {
    e.preventDefault();
    const label = e.target.label.value.trim();
    const thingId = e.target.thingId?.value.trim();
    try {
      const approved = await api.post(`inbox/${enc(entry.thingUID)}/approve`,
        { ...(label ? { label } : {}), ...(thingId ? { thingId } : {}) });
      this.message = `${label || entry.label} is now a camera: ${approved.thingUID}`;
      this.error = '';
      store.refreshInbox();
    } catch (err) {
      this.error = err.message;
    }
  }

  async ignore(entry) {
    this.confirming = null;
    try {
      await api.del(`inbox/${enc(entry.thingUID)}`);
      store.refreshInbox();
    } catch (err) {
      this.error = err.message;
    }
  }

  render() {
    return html`
      <div class="page-head"><h1>Inbox</h1></div>
      <p class="muted">Cameras that pushed an alarm before anyone configured them.</p>
      ${this.message ? html`<p class="ok" role="status" data-test="inbox-message">${this.message}
        <a href="#/camera/${enc(this.message.split(': ')[1] || '')}">Open</a></p>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.entries ? html`<p class="muted">${store.inboxError || 'Loading…'}</p>`
        : this.entries.length === 0 ? html`<div class="empty-state" data-test="empty">
            <p><b>The inbox is empty.</b> A camera that pushes to this hub without a configuration appears here.</p></div>`
        : html`<div class="list">${repeat(this.entries, (e) => e.thingUID, (entry) => html`
          <form class="card inbox-entry" data-thing-uid=${entry.thingUID} @submit=${(e) => this.approve(e, entry)}
            @keydown=${(e) => { if (e.key === 'Escape') this.confirming = null; }}>
            <div class="row"><h2>${entry.label}</h2><span class="muted">${entry.thingUID}</span></div>
            <table class="kv">
              ${propertyLabels(entry.properties).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}
              <tr><th>Last event</th><td>${entry.lastEventType || '—'}</td></tr>
              <tr><th>Pushes</th><td>${entry.pushes} (first ${when(entry.firstSeen)}, last ${when(entry.lastSeen)})</td></tr>
            </table>
            <div class="row wrap">
              <label class="grow">Label <input name="label" .value=${entry.label} data-test="approve-label"></label>
              ${entry.renamable ? html`<label class="grow">Id <input name="thingId" .value=${entry.thingUID.split(':')[2]}
                required pattern="[A-Za-z0-9_\\-]+" title="Letters, digits, _ and - only" data-test="approve-id"></label>` : ''}
              <button class="primary" data-action="approve">Approve</button>
              ${this.confirming === entry.thingUID ? '' : html`<button type="button" data-action="ignore"
                @click=${() => { this.confirming = entry.thingUID; }}>Ignore</button>`}
            </div>
            ${this.confirming === entry.thingUID ? html`<div class="row wrap confirm" role="alert">
              <span class="grow">Its alarms will no longer be listed here, until the hub restarts.</span>
              <button type="button" class="danger" data-action="confirm-ignore" @click=${() => this.ignore(entry)}>Ignore</button>
              <button type="button" data-action="cancel" @click=${() => { this.confirming = null; }}>Cancel</button>
            </div>` : ''}
          </form>`)}</div>`}`;
  }
}
customElements.define('cam-inbox-page', InboxPage);
