import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, enc, when } from '../api.js';
import { LightElement } from '../base.js';

const POLL_MS = 4000;

class InboxPage extends LightElement {
  static properties = { entries: { state: true }, message: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.timer = setInterval(() => this.load(), POLL_MS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  async load() {
    try {
      this.entries = await api.get('inbox');
    } catch (err) {
      this.error = err.message;
    }
  }

  async approve(e, entry) {
    e.preventDefault();
    const label = e.target.label.value.trim();
    try {
      await api.post(`inbox/${enc(entry.thingUID)}/approve`, label ? { label } : {});
      this.message = `${label || entry.label} is now a camera: ${entry.thingUID}`;
      this.error = '';
      await this.load();
    } catch (err) {
      this.error = err.message;
    }
  }

  async ignore(entry) {
    try {
      await api.del(`inbox/${enc(entry.thingUID)}`);
      await this.load();
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
      ${!this.entries ? html`<p class="muted">Loading…</p>`
        : this.entries.length === 0 ? html`<div class="empty-state" data-test="empty">
            <p><b>The inbox is empty.</b> A camera that pushes to this hub without a configuration appears here.</p></div>`
        : html`<div class="list">${repeat(this.entries, (e) => e.thingUID, (entry) => html`
          <form class="card inbox-entry" data-thing-uid=${entry.thingUID} @submit=${(e) => this.approve(e, entry)}>
            <div class="row"><h2>${entry.label}</h2><span class="muted">${entry.thingUID}</span></div>
            <table class="kv">
              ${Object.entries(entry.properties || {}).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}
              <tr><th>last event</th><td>${entry.lastEventType || '—'}</td></tr>
              <tr><th>pushes</th><td>${entry.pushes} (first ${when(entry.firstSeen)}, last ${when(entry.lastSeen)})</td></tr>
            </table>
            <div class="row wrap">
              <label class="grow">Label <input name="label" .value=${entry.label} data-test="approve-label"></label>
              <button class="primary" data-action="approve">Approve</button>
              <button type="button" data-action="ignore" @click=${() => this.ignore(entry)}>Ignore</button>
            </div>
          </form>`)}</div>`}`;
  }
}
customElements.define('cam-inbox-page', InboxPage);
