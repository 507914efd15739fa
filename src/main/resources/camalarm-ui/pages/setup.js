// The setup assistant: what to type into a VIGI or iVSEC/TVT camera, each value with a copy button,
// then a live wait for the camera's first push.
import { html } from 'lit';
import { api, enc, when } from '../api.js';
import { StorePage, copy } from '../base.js';
import { state, store } from '../store.js';

class SetupPage extends StorePage {
  static properties = { uid: {}, setup: { state: true }, error: { state: true }, copied: { state: true },
    arrived: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.since = Date.now();
    this.fetch(false);
  }

  async fetch(reveal) {
    const id = this.uid.split(':')[2];
    try {
      this.setup = await api.get(`setup?thing=${enc(id)}${reveal ? '&reveal=true' : ''}`);
    } catch (err) {
      this.error = err.message;
    }
  }

  storeChanged(detail) {
    if (detail.uid === this.uid && detail.name === 'state' && detail.data.channel === 'lastSeen') {
      this.arrived = { time: detail.data.state };
    }
    this.requestUpdate();
  }

  async copyValue(text, key) {
    try {
      await copy(text);
      this.copied = key;
    } catch {
      this.copied = '';
    }
  }

  row(field, value, key) {
    return html`<tr><th>${field}</th><td><code data-setup=${key}>${value}</code></td>
      <td><button class="small" data-copy=${key} @click=${() => this.copyValue(String(value), key)}
        aria-label="Copy ${field}">${this.copied === key ? 'Copied' : 'Copy'}</button></td></tr>`;
  }

  render() {
    const thing = store.things.get(this.uid);
    if (this.error) return html`<p class="error">${this.error}</p>`;
    if (!this.setup) return html`<p class="muted">Loading…</p>`;
    const s = this.setup;
    const host = s.hosts[0] || location.hostname;
    const vendor = this.uid.split(':')[1];
    const path = s.alarmPath;
    const ivsecPort = s.lenientPort > 0 ? s.lenientPort : s.port;
    return html`
      <div class="page-head"><h1>Set up ${thing?.label || this.uid}</h1></div>
      <p>Type these values into the camera. The path holds the secret alarm token:
        ${s.revealed ? html`<b>keep it to yourself.</b>`
          : html`<button class="small" data-action="reveal" @click=${() => this.fetch(true)}>Reveal the alarm URL</button>`}</p>
      ${s.hosts.length > 1 ? html`<p class="muted small">Other addresses of this hub: ${s.hosts.slice(1).join(', ')}</p>` : ''}
      ${vendor === 'vigi' ? html`
        <section class="card" data-vendor="vigi">
          <h2>TP-Link VIGI</h2>
          <p class="muted small">Settings › Event › Alarm Server › Add</p>
          <table class="kv setup">
            ${this.row('Host IP/Domain', host, 'host')}
            ${this.row('URL', path, 'path')}
            ${this.row('Protocol', 'HTTP', 'protocol')}
            ${this.row('Port', s.port, 'port')}
            ${this.row('Attach image', 'On', 'image')}
          </table>
          <p class="muted small">Then per detection (Smart Event › Human Detection, …) choose <i>Send to Alarm Server</i>.
            The camera's Test button only opens a connection: a real event proves the path.</p>
        </section>` : html`
        <section class="card" data-vendor="ivsec">
          <h2>iVSEC / TVT</h2>
          <p class="muted small">Remote Settings › Event › Event Push Platform</p>
          <table class="kv setup">
            ${this.row('Protocol', 'HTTP', 'protocol')}
            ${this.row('Server Address', host, 'host')}
            ${this.row('Port', ivsecPort, 'port')}
            ${this.row('API Command', path.replace(/^\//, ''), 'path')}
            ${this.row('Method', 'GET', 'method')}
            ${this.row('Interval', 'OFF', 'interval')}
          </table>
          <p class="muted small">${s.lenientPort > 0 ? `Port ${s.lenientPort} is the hub's lenient port: it accepts
            the raw spaces iVSEC puts in its URLs.` : `Set lenientPort in camalarm.server.cfg if the camera's pushes are refused.`}
            Then under AI › Alarm switch <i>Event push</i> on.</p>
        </section>`}
      <section class="card waiting" data-test="first-push" data-state=${this.arrived ? 'ARRIVED' : 'WAITING'}>
        ${this.arrived
          ? html`<p class="ok"><b>The first push arrived</b> at ${when(this.arrived.time)}
              ${thing && state(thing, 'lastEventType') !== 'NULL' ? html`(${state(thing, 'lastEventType')})` : ''}.
              <a href="#/camera/${enc(this.uid)}">Open the camera</a></p>`
          : html`<p><span class="spinner" aria-hidden="true"></span> Waiting for the camera's first push…
              ${thing && state(thing, 'lastSeen') !== 'NULL' ? html`<span class="muted small">(last push before:
              ${when(state(thing, 'lastSeen'))})</span>` : ''}</p>`}
      </section>`;
  }
}
customElements.define('cam-setup-page', SetupPage);
