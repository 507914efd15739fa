// What the pages built on the event history share: GET /camalarm/api/events, cursor-paged and newest
// first, with infinite scroll; the live stream's "history" events added or updated in place; a
// filter by day; and the picture of an alarm, large, with the detection's last snapshot beside it.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, when } from '../api.js';
import { LightElement } from '../base.js';
import { channelLabel, store } from '../store.js';

const PAGE = 50;

/**
 * A list of history events. A subclass says what it asks for ({@link params}), which live events
 * belong to it ({@link accepts}) and how a row looks ({@link row}).
 */
export class HistoryList extends LightElement {
  static properties = {
    events: { state: true },
    next: { state: true },
    loading: { state: true },
    unavailable: { state: true },
    day: { state: true },
    full: { state: true },
  };

  constructor() {
    super();
    this.events = [];
    this.next = null;
    this.day = '';
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

  /** The query's parameters besides paging and day: thing, kind, type. */
  params() { return {}; }

  /** Whether a live event belongs in this list (the filters of {@link params}, applied here). */
  accepts() { return true; }

  /** Whether filters beyond the day are set (for "No events match"). */
  filtered() { return false; }

  query(before) {
    const q = new URLSearchParams({ ...this.params(), limit: String(PAGE) });
    for (const [key, value] of [...q]) if (!value) q.delete(key);
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
    this.pageRequest = (this.pageRequest || 0) + 1; // a page asked for before the filters changed is dropped
    this.loading = false;
    await this.more(true);
  }

  async more(first = false) {
    if (this.loading || (!first && !this.next)) return;
    this.loading = true;
    const request = this.pageRequest;
    try {
      const page = await api.get(this.query(first ? null : this.next));
      if (request !== this.pageRequest) return;
      const known = new Set(this.events.map((e) => e.id));
      this.events = [...this.events, ...page.events.filter((e) => !known.has(e.id))];
      this.next = page.next;
      this.unavailable = false;
    } catch (err) {
      if (request !== this.pageRequest) return;
      this.unavailable = err.status === 404 ? 'The event history is not available on this hub.' : err.message;
    } finally {
      if (request === this.pageRequest) this.loading = false;
    }
  }

  /** A new or extended history event, as the live stream brings it. */
  live(detail) {
    if (detail.all) { this.reload(); return; }
    if (detail.inbox) { this.requestUpdate(); return; } // rows of inbox cameras name their entry
    if (detail.name !== 'history' || !this.accepts(detail.data)) return;
    const event = detail.data;
    if (this.day && !this.onDay(event)) return;
    const at = this.events.findIndex((e) => e.id === event.id);
    this.events = at >= 0
      ? this.events.map((e, i) => (i === at ? event : e))
      : [event, ...this.events];
  }

  onDay(event) {
    const d = new Date(event.received); // as the query's since and until: the hub's clock
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

  /** The filter form changed: the subclass reads its own fields ({@link applyFilters}), then the list reloads. */
  filterChanged(e) {
    const form = e.currentTarget.form || e.currentTarget;
    this.day = form.day.value;
    if (this.applyFilters(form)) this.reload();
  }

  /** Takes the form's own fields; false when something else reloads the list (a route change). */
  applyFilters() { return true; }

  /** The page: heading, the subclass's filters and the day, the list. */
  frame(attributes, heading, filters) {
    return html`
      <section class=${attributes.class || ''} data-test=${attributes.test}>
        <div class="page-head">${heading}
          <form class="filters" @change=${this.filterChanged} @submit=${(e) => e.preventDefault()}>
            ${filters}
            <label>Day <input type="date" name="day" .value=${this.day}></label>
          </form>
        </div>
        ${this.list()}
      </section>`;
  }

  /** An alarm event's row: its picture, what was detected, {@code where} (a camera's link, or nothing), when. */
  alarmRow(e, where = '') {
    return html`
      <li class="event" data-event-id=${e.id} data-kind="alarm" data-thing-uid=${e.thingUID} data-state=${e.type}>
        ${this.thumb(e)}
        <div>
          ${detection(e)}${where}<br>
          ${span(e)}${e.images > 1 ? html`<span class="muted"> · ${e.images} snapshots</span>` : ''}
        </div>
      </li>`;
  }

  /** The events, the empty or unavailable notice, the paging sentinel and the picture overlay. */
  list() {
    return html`
      ${this.unavailable ? html`<p class="muted" data-test="timeline-unavailable">${this.unavailable}</p>` : ''}
      ${!this.unavailable && !this.loading && this.events.length === 0
        ? html`<p class="muted" data-test="timeline-empty">No events${this.filtered() || this.day ? ' match' : ' yet'}.</p>` : ''}
      <ol class="events">
        ${repeat(this.events, (e) => e.id, (e) => this.row(e))}
      </ol>
      ${this.next ? html`<div class="sentinel muted">${this.loading ? 'Loading…' : ''}</div>` : ''}
      ${this.full ? this.overlay() : ''}`;
  }

  /** An alarm's thumbnail (a button that shows the picture), or an empty box saying why there is none. */
  thumb(e) {
    if (e.thumbnail) {
      return html`<button class="thumb" @click=${() => { this.full = { event: e, last: false }; }}
        aria-label="Show the picture"><img loading="lazy" data-test="thumbnail" src=${e.thumbnail}
        alt="${e.type} at ${when(e.received)}"></button>`;
    }
    if (e.images > 0) { // the camera sent one; retention deleted it to keep disk space free
      return html`<span class="thumb none gone" data-test="image-gone"
        title="Snapshot deleted to free disk space">deleted</span>`;
    }
    return html`<span class="thumb none gone" aria-hidden="true">no picture</span>`;
  }

  overlay() {
    const { event, last } = this.full;
    const several = event.images > 1 && event.lastImage;
    // the first push may have come without a picture: then the first snapshot is the newest until
    // another comes, and after that only its thumbnail is left
    const first = event.image || (event.images === 1 ? event.lastImage : event.thumbnail);
    const src = last ? event.lastImage : first;
    const pick = (showLast) => (e) => { e.stopPropagation(); this.full = { event, last: showLast }; };
    return html`
      <div class="overlay" role="dialog" aria-label="Event picture" @click=${() => { this.full = null; }}>
        <img data-test="full-image" src=${src} alt="${event.type} at ${when(event.received)}">
        <div class="buttons">
          ${several ? html`
            <button ?disabled=${!last} data-action="first-image" @click=${pick(false)}>First snapshot</button>
            <button ?disabled=${last} data-action="last-image" @click=${pick(true)}>Last of ${event.images}</button>` : ''}
          <button class="close" autofocus>Close</button>
        </div>
      </div>`;
  }
}

/**
 * When the hub received an event, and until when it lasted: both by the hub's clock, the order of
 * the list and of the day filter. The camera's own clock, which may be off, shows on hovering.
 */
export function span(e) {
  const camera = e.time && Math.abs(new Date(e.time) - new Date(e.received)) >= 1000
    ? `the camera's clock said ${when(e.time)}` : '';
  return html`<time datetime=${e.received} title=${camera}>${when(e.received)}</time>${e.end && e.end !== e.received
    ? html`<span class="muted"> – ${when(e.end)}</span>` : ''}`;
}

/**
 * What an alarm event detected, as the camera's channel calls it ("Person"), and the type the
 * camera sent when the channel does not say it (a type of its own on "Other").
 */
export function detection(e) {
  const known = channelLabel(e.thingUID, e.channel);
  // no such thing (an inbox camera, a removed one): its type, as a person says it (LINE_CROSSING: Line crossing)
  const label = known !== e.channel ? known
    : e.type.charAt(0) + e.type.slice(1).toLowerCase().replace(/_/g, ' ');
  const said = label.toUpperCase().replace(/[^A-Z]/g, '') === e.type.replace(/[^A-Z]/g, '');
  return html`<b>${label}</b>${said ? '' : html` <span class="muted">${e.type}</span>`}`;
}
