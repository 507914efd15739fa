// A camera's event timeline: its alarm events from the history, filtered by type and by day.
import { html } from 'lit';
import { HistoryList, detection, span } from './history.js';

class Timeline extends HistoryList {
  static properties = {
    uid: {},
    types: { attribute: false },
    type: { state: true },
  };

  constructor() {
    super();
    this.type = '';
    this.types = [];
  }

  params() { return { thing: this.uid, kind: 'alarm', type: this.type }; }

  accepts(event) {
    return event.thingUID === this.uid && (!event.kind || event.kind === 'alarm') && (!this.type || event.type === this.type);
  }

  filtered() { return !!this.type; }

  filter(e) {
    const form = e.currentTarget.form || e.currentTarget;
    this.type = form.type.value;
    this.day = form.day.value;
    this.reload();
  }

  row(e) {
    return html`
      <li class="event" data-event-id=${e.id} data-thing-uid=${e.thingUID} data-state=${e.type}>
        ${this.thumb(e)}
        <div>
          ${detection(e)}<br>
          ${span(e)}${e.images > 1 ? html`<span class="muted"> · ${e.images} snapshots</span>` : ''}
        </div>
      </li>`;
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
            ${this.dayFilter()}
          </form>
        </div>
        ${this.list()}
      </section>`;
  }
}
customElements.define('cam-timeline', Timeline);
