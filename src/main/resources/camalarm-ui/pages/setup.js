// The setup assistant: what to type into a VIGI or iVSEC/TVT camera, the values a user would mistype
// with a copy button (the path only once it is revealed), then a live wait for the camera's first push
// (or what it last pushed, when it has pushed already).
import { html } from 'lit';
import { api, enc, when } from '../api.js';
import { StorePage, copy } from '../base.js';
import { state, store } from '../store.js';

const REFUSAL_POLL_MS = 3000;

class SetupPage extends StorePage {
  static properties = { uid: {}, setup: { state: true }, error: { state: true }, copied: { state: true },
    arrived: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.fetch(false);
    // a push the camera's settings refused is no state change: its reason is a property, read while waiting
    this.timer = setInterval(() => { if (!this.arrived && store.loaded) store.refreshProperties(this.uid); },
      REFUSAL_POLL_MS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    super.disconnectedCallback();
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

  /** A value to type; {@code copy}: 'yes', 'no' (a fixed word such as HTTP) or 'hidden' (not revealed yet). */
  row(field, value, key, copy = 'yes') {
    return html`<tr><th>${field}</th><td><code data-setup=${key}>${value}</code></td>
      <td>${copy === 'no' ? '' : html`<button class="small" data-copy=${key} ?disabled=${copy === 'hidden'}
        title=${copy === 'hidden' ? 'Reveal the alarm URL first' : ''}
        @click=${() => this.copyValue(String(value), key)}
        aria-label="Copy ${field}">${this.copied === key ? 'Copied' : 'Copy'}</button>`}</td></tr>`;
  }

  /** The camera's own username to type (and where its password is), when it has credentials. */
  credentialRows(username, credentials) {
    return credentials ? html`${username ? this.row('Username', username, 'username') : ''}
      <tr><th>Password</th><td class="muted small" colspan="2">the one in this camera's configuration</td></tr>` : '';
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
    const pathCopy = s.revealed ? 'yes' : 'hidden';
    const lastSeen = thing ? state(thing, 'lastSeen') : 'NULL';
    // a camera with a username and password pushes over HTTPS, unless credentialsOverHttp allows HTTP
    const username = thing?.configuration?.username || '';
    const credentials = !!(username || thing?.configuration?.password);
    const https = credentials && String(thing?.configuration?.credentialsOverHttp) !== 'true';
    const protocol = https ? 'HTTPS' : 'HTTP';
    const webPort = https ? (s.httpsPort || "the hub's HTTPS port") : s.port;
    // a camera that pushed before this page opened has arrived too
    const arrived = this.arrived || (lastSeen !== 'NULL' ? { time: lastSeen, earlier: true } : null);
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
            ${this.row('URL', path, 'path', pathCopy)}
            ${this.row('Protocol', 'HTTP', 'protocol', 'no')}
            ${this.row('Port', s.port, 'port')}
            ${this.row('Attach image', 'On', 'image', 'no')}
          </table>
          ${credentials ? html`<p class="error" role="alert" data-test="credentials-warning">A VIGI camera cannot send a
            username and password, and this camera has them: each of its alarms would be refused.
            Clear them (<a href="#/edit/${enc(this.uid)}">Edit</a>).</p>` : ''}
          <p class="muted small">Then per detection (Smart Event › Human Detection, …) choose <i>Send to Alarm Server</i>.
            The camera's Test button only opens a connection: a real event proves the path.</p>
        </section>` : vendor === 'hikvision' ? html`
        <section class="card" data-vendor="hikvision">
          <h2>Hikvision</h2>
          <p class="muted small">Configuration › Network › Advanced Settings › Alarm Server (HTTP Listening; names vary by firmware)</p>
          <table class="kv setup">
            ${this.row('Destination IP or Host Name', host, 'host')}
            ${this.row('URL', path, 'path', pathCopy)}
            ${this.row('Port', webPort, 'port')}
            ${this.row('Protocol', protocol, 'protocol', 'no')}
            ${this.credentialRows(username, credentials)}
          </table>
          <p class="muted small">Then per event (Motion, Line Crossing, …) under <i>Linkage Method</i> tick
            <i>Notify Surveillance Center</i>.</p>
        </section>` : html`
        <section class="card" data-vendor="ivsec">
          <h2>iVSEC / TVT</h2>
          <p class="muted small">Remote Settings › Event › Event Push Platform</p>
          <table class="kv setup">
            ${this.row('Protocol', protocol, 'protocol', 'no')}
            ${this.row('Server Address', host, 'host')}
            ${this.row('Port', https ? webPort : ivsecPort, 'port')}
            ${this.credentialRows(username, credentials)}
            ${this.row('API Command', path.replace(/^\//, ''), 'path', pathCopy)}
            ${this.row('Method', 'GET', 'method', 'no')}
            ${this.row('Interval', 'OFF', 'interval', 'no')}
          </table>
          <p class="muted small">${https ? `HTTPS: this camera has a username and password, which travel only
            encrypted (the lenient and UDP ports are plain, so they refuse them).`
            : s.lenientPort > 0 ? `Port ${s.lenientPort} is the hub's lenient port: it accepts
            the raw spaces iVSEC puts in its URLs.` : `Set lenientPort in camalarm.server.cfg if the camera's pushes are refused.`}
            Then under AI › Alarm switch <i>Event push</i> on.</p>
          ${s.udpPort > 0 && !https ? html`
            <h3>Or over UDP</h3>
            <p class="muted small">Only if the camera cannot push over HTTP: the hub never answers a datagram, so
              the camera cannot tell whether an alarm arrived.</p>
            <table class="kv setup">
              ${this.row('Protocol', 'UDP', 'udpProtocol', 'no')}
              ${this.row('Server Address', host, 'udpHost')}
              ${this.row('Port', s.udpPort, 'udpPort')}
              ${this.row('API Command', path.replace(/^\//, ''), 'udpPath', pathCopy)}
            </table>` : ''}
        </section>`}
      <section class="card waiting" data-test="first-push" data-state=${arrived ? 'ARRIVED' : 'WAITING'}>
        ${arrived
          ? html`<p class="ok"><b>${arrived.earlier ? 'This camera has pushed already' : 'The first push arrived'}</b>:
              last push at ${when(arrived.time)}
              ${thing && state(thing, 'lastEventType') !== 'NULL' ? html`(${state(thing, 'lastEventType')})` : ''}.
              <a href="#/camera/${enc(this.uid)}">Open the camera</a></p>${refusal(thing)}`
          : html`<p><span class="spinner" aria-hidden="true"></span> Waiting for the camera's first push…</p>
              ${refusal(thing)}`}
      </section>`;
  }
}
customElements.define('cam-setup-page', SetupPage);

/** Why the camera's last push was refused ("16:10:05 from 192.168.0.10: wrong username or password (401)"), if it was. */
export function refusal(thing) {
  const refused = thing?.properties?.lastRefusedAlarm;
  return refused ? html`<p class="error" role="alert" data-test="refused">A push arrived but was refused: ${refused}</p>` : '';
}
