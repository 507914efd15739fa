// Everything the hub recorded, newest first: cameras' alarms, commands sent to devices with their
// outcome, rule firings. It answers "what happened tonight?" and "did the light really switch on?".
import { html } from 'lit';
import { enc } from '../api.js';
import { channelName, store, thingName } from '../store.js';
import { HistoryList, span } from './history.js';

const KINDS = [['', 'everything'], ['alarm', 'camera alarms'], ['push', 'device commands'], ['rule', 'rule firings']];

/** A channel UID ("binding:type:id:channel") as [thing UID, channel id]. */
function split(channelUid) {
  const at = (channelUid || '').lastIndexOf(':');
  return at < 0 ? [channelUid || '', ''] : [channelUid.slice(0, at), channelUid.slice(at + 1)];
}

/** The command, when it says more than the channel's name (ON on a power channel; not post1 on post1). */
const command = (e, channelId) => (e.type && e.type !== channelId ? ` ${e.type}` : '');

/** How a push or a rule's push ended, in words. */
function outcome(e) {
  if (!e.success) return `${e.reason}${e.detail ? `: ${e.detail}` : ''}${e.status ? ` (HTTP ${e.status})` : ''}`;
  const confirmed = e.confirmed === true ? `, the device says ${e.state}`
    : e.confirmed === false ? `, but the device says ${e.state}` : '';
  return `OK${e.status ? `, HTTP ${e.status}` : ''}, ${e.latencyMs} ms${confirmed}`;
}

function isTest(e) {
  try { return JSON.parse(e.data || '{}').test === 'true'; } catch { return false; }
}

/** Where an alarm came from: its camera, an inbox entry, or a thing that is gone. */
function where(uid) {
  if (store.things.has(uid)) return html` <a href="#/camera/${enc(uid)}">${thingName(uid)}</a>`;
  const waiting = store.inbox?.find((entry) => entry.thingUID === uid);
  return waiting ? html` <a href="#/inbox">${waiting.label}</a> <span class="muted">(in the inbox)</span>`
    : html` <span class="muted">${uid} (no such thing now)</span>`;
}

class ActivityPage extends HistoryList {
  static properties = { thing: {}, kind: { state: true } };

  constructor() {
    super();
    this.thing = '';
    this.kind = '';
  }

  params() { return { thing: this.thing, kind: this.kind }; }

  accepts(event) {
    return (!this.thing || event.thingUID === this.thing) && (!this.kind || event.kind === this.kind);
  }

  filtered() { return !!(this.thing || this.kind); }

  applyFilters(form) {
    this.kind = form.kind.value;
    if (form.thing.value === this.thing) return true;
    location.hash = form.thing.value ? `#/activity/${enc(form.thing.value)}` : '#/activity';
    return false; // the route sets the thing and reloads
  }

  willUpdate(changed) {
    if (changed.has('thing') && changed.get('thing') !== undefined) this.reload();
  }

  row(e) {
    if (e.kind === 'alarm') {
      return this.alarmRow(e, where(e.thingUID));
    }
    const state = e.success ? 'OK' : 'ERROR';
    const what = e.kind === 'push'
      ? html`<b>${channelName(e.thingUID, e.channel)}</b>${command(e, e.channel)}${isTest(e) ? ' (Test)' : ''}`
      : html`<b>Rule ${e.rule}</b>: ${channelName(...split(e.when))} <span class="muted">${e.trigger}</span>
          → ${channelName(...split(e.then))}${command(e, split(e.then)[1])}`;
    return html`
      <li class="event" data-event-id=${e.id} data-kind=${e.kind} data-thing-uid=${e.thingUID} data-state=${state}>
        <span class="thumb mark ${e.success ? 'ok' : 'error'}"><span>${e.kind === 'push' ? 'command' : 'rule'}</span>
          <b>${e.success ? 'OK' : 'failed'}</b></span>
        <div>
          ${what}<br>
          ${span(e)} · <span class=${e.success ? 'ok' : 'error'} data-test="outcome">${outcome(e)}</span>
        </div>
      </li>`;
  }

  render() {
    const things = [...store.things.values()].sort((a, b) => a.label.localeCompare(b.label));
    const known = !this.thing || store.things.has(this.thing);
    return this.frame({ test: 'activity' }, html`<h1>Activity</h1>`, html`
      <label>Show <select name="kind">
        ${KINDS.map(([value, text]) => html`<option value=${value} ?selected=${value === this.kind}>${text}</option>`)}
      </select></label>
      <label>Of <select name="thing">
        <option value="">all things</option>
        ${known ? '' : html`<option value=${this.thing} selected>${this.thing}</option>`}
        ${things.map((t) => html`<option value=${t.UID} ?selected=${t.UID === this.thing}>${t.label}</option>`)}
      </select></label>`);
  }
}
customElements.define('cam-activity-page', ActivityPage);
