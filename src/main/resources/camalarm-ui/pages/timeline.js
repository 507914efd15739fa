// A camera's event timeline: its alarm events from the history, filtered by type and by day.
import { html } from 'lit';
import { HistoryList } from './history.js';

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

  applyFilters(form) {
    this.type = form.type.value;
    return true;
  }

  row(e) { return this.alarmRow(e); }

  render() {
    return this.frame({ class: 'timeline', test: 'timeline' }, html`<h2>Events</h2>`, html`
      <label>Type <select name="type">
        <option value="">all</option>
        ${this.types.map((t) => html`<option ?selected=${t === this.type}>${t}</option>`)}
      </select></label>`);
  }
}
customElements.define('cam-timeline', Timeline);
