// A camera's event timeline, from the event history's REST (GET /camalarm/api/events, cursor-paged,
// newest first) and its live "history" events. Infinite scroll; filter by type and by day.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, when } from '../api.js';
import { LightElement } from '../base.js';
import { store } from '../store.js';

const PAGE = 50;

class Timeline extends LightElement {
  static properties = {
    uid: {},
    types: { attribute: false },
    events: { state: true },
    next: { state: true },
    loading: { state: true },
    unavailable: { state: true },
    type: { state: true },
    day: { state: true },
    full: { state: true },
  };

  constructor() {
    super();
    this.events = [];
    this.next = null;
    this.type = '';
    this.day = '';
    this.types = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this._onKey = (e) => { if (e.key === 'Escape' && this.full) this.full = null; };
    document.addEventListener('keydown', this._onKey);
    this._onChange = (e) => this.live(e.detail);
    store.addEventListener('change', this._onChange);
    this.reload();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this._onKey);
    store.removeEventListener('change', this._onChange);
    this.observer?.disconnect();
    super.disconnectedCallback();
  }

  query(before) {
    const q = new URLSearchParams({ thing: this.uid, kind: 'alarm', limit: String(PAGE) });
    if (this.type) q.set('type', this.type);
    if (this.day) {
      const start = new Date(this.day + 'T00:00:00');
      const end = new Date(start);
      end.setDate(end.getDate() + 1);
      q.set('since', start.toISOString());
      q.set('until', end.toISOString());
    }
    if (before) q.set('before', before);
    return 'events?' + q;
  }

  async reload() {
    this.events = [];
    this.next = null;
    await this.more(true);
  }

  async more(first = false) {
    if (this.loading || (!first && !this.next)) return;
    this.loading = true;
    try {
      const page = await api.get(this.query(first ? null : this.next));
      const known = new Set(this.events.map((e) => e.id));
      this.events = [...this.events, ...page.events.filter((e) => !known.has(e.id))];
      this.next = page.next;
      this.unavailable = false;
    } catch (err) {
      this.unavailable = err.status === 404 ? 'The event history is not available on this hub.' : err.message;
    } finally {
      this.loading = false;
    }
  }

  /** A new or extended history event of this camera, as the live stream brings it. */
  live(detail) {
    if (detail.all) { this.reload(); return; }
    if (detail.name !== 'history' || detail.data.thingUID !== this.uid) return;
    const event = detail.data;
    if (event.kind && event.kind !== 'alarm') return;
    if ((this.type && event.type !== this.type) || (this.day && !this.onDay(event))) return;
    const at = this.events.findIndex((e) => e.id === event.id);
    this.events = at >= 0
      ? this.events.map((e, i) => (i === at ? event : e))
      : [event, ...this.events];
  }

  onDay(event) {
    const d = new Date(event.time || event.received);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return day === this.day;
  }

  updated() {
    const sentinel = this.querySelector('.sentinel');
    if (sentinel && sentinel !== this.watched) {
      this.observer?.disconnect();
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.more();
      });
      this.observer.observe(sentinel);
      this.watched = sentinel;
    }
  }

  filter(e) {
    const form = e.currentTarget.form || e.currentTarget;
    this.type = form.type.value;
    this.day = form.day.value;
    this.reload();
  }

  render() {
    return html`
      <section class="timeline" data-test="timeline">
        <div class="page-head"><h2>Events</h2>
          <form class="filters" @change=${this.filter} @submit=${(e) => e.preventDefault()}>
            <label>Type <select name="type">
              <option value="">all</option>
              ${this.types.map((t) => html`<option ?selected=${t === this.type}>${t}</option>`)}
            </select></label>
            <label>Day <input type="date" name="day" .value=${this.day}></label>
          </form>
        </div>
        ${this.unavailable ? html`<p class="muted" data-test="timeline-unavailable">${this.unavailable}</p>` : ''}
        ${!this.unavailable && !this.loading && this.events.length === 0
          ? html`<p class="muted" data-test="timeline-empty">No events${this.type || this.day ? ' match' : ' yet'}.</p>` : ''}
        <ol class="events">
          ${repeat(this.events, (e) => e.id, (e) => html`
            <li class="event" data-event-id=${e.id} data-thing-uid=${e.thingUID} data-state=${e.type}>
              ${e.thumbnail
                ? html`<button class="thumb" @click=${() => { this.full = e; }} aria-label="Show the picture">
                    <img loading="lazy" data-test="thumbnail" src=${e.thumbnail} alt="${e.type} at ${when(e.time)}"></button>`
                : html`<span class="thumb none" aria-hidden="true"></span>`}
              <div>
                <b>${e.type}</b> <span class="muted">${e.channel || ''} ${e.action || ''}</span><br>
                <time datetime=${e.time}>${when(e.time || e.received)}</time>
                ${e.end ? html`<span class="muted"> – ${when(e.end)}</span>` : ''}
              </div>
            </li>`)}
        </ol>
        ${this.next ? html`<div class="sentinel muted">${this.loading ? 'Loading…' : ''}</div>` : ''}
        ${this.full ? html`
          <div class="overlay" role="dialog" aria-label="Event picture" @click=${() => { this.full = null; }}
>
            <img data-test="full-image" src=${this.full.image || this.full.thumbnail} alt="${this.full.type}">
            <button class="close" autofocus>Close</button>
          </div>` : ''}
      </section>`;
  }
}
customElements.define('cam-timeline', Timeline);
