// The camalarm web UI: sign-in, then pages chosen by the location's hash (#/cameras, #/camera/<uid>,
// #/activity/<uid>, …).
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, setCsrf } from './api.js';
import { LightElement } from './base.js';
import { isCameraUid, store } from './store.js';
import './pages/signin.js';
import './pages/cameras.js';
import './pages/camera.js';
import './pages/activity.js';
import './pages/inbox.js';
import './pages/devices.js';
import './pages/rules.js';
import './pages/add.js';
import './pages/setup.js';

const NAV = [
  ['cameras', 'Cameras'],
  ['activity', 'Activity'],
  ['inbox', 'Inbox'],
  ['devices', 'Devices'],
  ['rules', 'Rules'],
  ['add', 'Add'],
];

class CamApp extends LightElement {
  static properties = { signedIn: { state: true }, route: { state: true } };

  constructor() {
    super();
    this.signedIn = null; // unknown until the session is asked
    this.route = this.parse();
    window.addEventListener('hashchange', () => { this.route = this.parse(); window.scrollTo(0, 0); });
    window.addEventListener('camalarm-signed-out', () => this.signedOut());
    store.addEventListener('change', (e) => { if (e.detail.live || e.detail.inbox) this.requestUpdate(); });
    // a page left open in the back/forward cache must not hold one of the browser's six connections
    window.addEventListener('pagehide', () => store.disconnect());
    window.addEventListener('pageshow', (e) => { if (e.persisted && this.signedIn) store.connect(); });
  }

  connectedCallback() {
    super.connectedCallback();
    api.session().then((s) => this.signedInAs(s), () => this.signedOut());
  }

  createRenderRoot() {
    this.replaceChildren(); // the page's "Loading…" placeholder
    return this;
  }

  parse() {
    const [page, ...rest] = (location.hash.replace(/^#\/?/, '') || 'cameras').split('/');
    return { page, arg: rest.map(decodeURIComponent).join('/') };
  }

  signedInAs(session) {
    setCsrf(session.csrfToken);
    this.signedIn = true;
    store.connect();
    store.start();
  }

  signedOut() {
    store.disconnect();
    setCsrf('');
    this.signedIn = false;
  }

  async signOut() {
    try { await api.signOut(); } finally { this.signedOut(); }
  }

  render() {
    if (this.signedIn === null) return html`<p class="boot">Loading camalarm…</p>`;
    if (!this.signedIn) return html`<cam-signin @signed-in=${(e) => this.signedInAs(e.detail)}></cam-signin>`;
    const { page, arg } = this.route;
    // a thing's own pages belong to the list it is in
    const current = page === 'camera' || page === 'setup' ? 'cameras'
      : page === 'edit' ? (isCameraUid(arg) ? 'cameras' : 'devices') : page;
    return html`
      <header class="top">
        <a class="brand" href="#/cameras">camalarm</a>
        <nav aria-label="Pages">
          ${NAV.map(([id, label]) => html`<a href="#/${id}" data-nav=${id}
            aria-current=${current === id ? 'page' : 'false'}>${label}${id === 'inbox' ? this.inboxCount() : ''}</a>`)}
        </nav>
        <span class="live" data-live data-state=${store.live}
          title=${store.live === 'open' ? 'Live updates on' : 'Reconnecting…'}>${store.live === 'open' ? 'Live' : 'Offline'}</span>
        <button class="link" data-action="signout" @click=${() => this.signOut()}>Sign out</button>
      </header>
      <main>${this.page(page, arg)}</main>`;
  }

  /** How many cameras wait in the inbox, beside its name; nothing when none does. */
  inboxCount() {
    const n = store.inbox?.length || 0;
    return n === 0 ? '' : html` <span class="count" data-test="inbox-count"
      title=${`${n} camera${n === 1 ? '' : 's'} to approve or ignore`}>${n}</span>`;
  }

  page(page, arg) {
    // a page of one thing is made anew for another thing (keyed): going from one edit form straight to
    // another kept the first one's type and fields
    switch (page) {
      case 'camera': return keyed(arg, html`<cam-camera-page .uid=${arg}></cam-camera-page>`);
      case 'activity': return html`<cam-activity-page .thing=${arg}></cam-activity-page>`;
      case 'inbox': return html`<cam-inbox-page></cam-inbox-page>`;
      case 'devices': return html`<cam-devices-page></cam-devices-page>`;
      case 'rules': return html`<cam-rules-page></cam-rules-page>`;
      case 'add': return html`<cam-add-page .kind=${arg}></cam-add-page>`;
      case 'edit': return keyed(arg, html`<cam-add-page .editUid=${arg}></cam-add-page>`);
      case 'setup': return keyed(arg, html`<cam-setup-page .uid=${arg}></cam-setup-page>`);
      default: return html`<cam-cameras-page></cam-cameras-page>`;
    }
  }
}
customElements.define('cam-app', CamApp);
