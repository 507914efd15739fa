import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, enc, when } from '../api.js';
import { LightElement } from '../base.js';
import { EVENT_TYPES, actions, detections, store, thingName } from '../store.js';

const POLL_MS = 3000;

/** Channels a rule can watch: every camera's detection switches and its event trigger. */
function whenChannels() {
  const list = [];
  for (const t of store.cameras()) {
    for (const c of detections(t)) list.push({ uid: `${t.UID}:${c.id}`, label: `${t.label} · ${c.label}`, trigger: false });
    list.push({ uid: `${t.UID}:event`, label: `${t.label} · any event (trigger)`, trigger: true });
  }
  return list;
}

/** Channels a rule can drive, each with the commands it takes. */
function thenChannels() {
  const list = [];
  for (const t of store.devices()) {
    for (const c of actions(t)) {
      const commands = c.id === 'power' ? ['ON', 'OFF'] : c.id === 'toggle' ? ['TOGGLE'] : c.id === 'pulse' ? ['PULSE'] : [c.id];
      list.push({ uid: `${t.UID}:${c.id}`, label: `${t.label} · ${c.label}`, commands });
    }
  }
  return list;
}

/** A channel as a user knows it: "Front door · Person", the UID only when no thing has it (yet). */
function channelLabel(uid, channels) {
  const found = channels.find((c) => c.uid === uid);
  return found ? html`<span title=${uid}>${found.label}</span>` : uid;
}

/** A rule's event filter: any, the hub's types, and the rule's own when a camera invented it. */
const eventChoices = (event) => ['', ...EVENT_TYPES, ...(event && !EVENT_TYPES.includes(event) ? [event] : [])];

/** The rule's condition was met after its last firing, and it did not fire (its schedule, interval, or disabled). */
const skipped = (r) => r.lastSkipped && (!r.lastFired || Date.parse(r.lastSkipped.time) > Date.parse(r.lastFired.time));

class RulesPage extends LightElement {
  static properties = { rules: { state: true }, editing: { state: true }, error: { state: true },
    problems: { state: true }, whenUid: { state: true }, thenUid: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.timer = setInterval(() => this.load(), POLL_MS);
    this._onChange = () => this.requestUpdate();
    store.addEventListener('change', this._onChange);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    store.removeEventListener('change', this._onChange);
    super.disconnectedCallback();
  }

  async load() {
    try { this.rules = await api.get('rules'); } catch (err) { this.error = err.message; }
  }

  edit(rule) {
    this.editing = rule || { id: '', configuration: { enabled: true }, isNew: true };
    this.whenUid = this.editing.configuration.when || '';
    this.thenUid = this.editing.configuration.then || '';
    this.problems = null;
    this.error = '';
  }

  async save(e) {
    e.preventDefault();
    const field = (name) => e.target.elements.namedItem(name);
    const body = {
      id: field('ruleId').value.trim(), when: field('when').value, then: field('then').value,
      command: field('command').value, interval: field('interval').value, schedule: field('schedule').value,
      enabled: field('enabled').checked,
    };
    if (body.when.endsWith(':event')) body.event = field('event').value; else body.state = field('state').value;
    try {
      if (this.editing.isNew) await api.post('rules', body); else await api.put('rules/' + enc(this.editing.id), body);
      this.editing = null;
      this.error = '';
      this.problems = null;
      await this.load();
    } catch (err) {
      this.error = err.message;
      this.problems = err.body?.problems;
    }
  }

  async toggle(rule) {
    const body = { ...rule.configuration, enabled: rule.configuration.enabled === false };
    try { await api.put('rules/' + enc(rule.id), body); await this.load(); } catch (err) { this.error = err.message; }
  }

  async deleteRule(rule) {
    if (!confirm(`Delete rule ${rule.id}?`)) return;
    try { await api.del('rules/' + enc(rule.id)); await this.load(); } catch (err) { this.error = err.message; }
  }

  renderRule(r) {
    const c = r.configuration;
    const trigger = (c.when || '').endsWith(':event');
    const condition = trigger ? (c.event ? `sends a ${c.event} event` : 'sends any event')
      : c.state ? `turns ${c.state}` : 'turns ON';
    const result = r.lastResult;
    return html`
      <article class="card rule" data-rule-id=${r.id} data-state=${r.problem ? 'INVALID' : c.enabled === false ? 'DISABLED' : 'ENABLED'}>
        <div class="row"><h2>${r.id}</h2>
          ${r.problem ? html`<span class="badge offline">invalid</span>`
            : html`<span class="badge ${c.enabled === false ? 'unknown' : 'online'}">${c.enabled === false ? 'disabled' : 'enabled'}</span>`}</div>
        <p>When <b data-test="when">${trigger ? thingName(c.when.slice(0, -':event'.length))
          : channelLabel(c.when, whenChannels())}</b> ${condition}, send <b>${c.command}</b>
          to <b data-test="then">${channelLabel(c.then, thenChannels())}</b>
          ${c.schedule ? html`<br><span class="muted">Schedule: ${c.schedule}</span>` : ''}
          ${Number(c.interval) > 0 ? html`<br><span class="muted">At most every ${Number(c.interval)} s</span>` : ''}</p>
        ${r.problem ? html`<p class="error small">${r.problem}</p>` : ''}
        ${(r.warnings || []).map((w) => html`<p class="warn small" data-test="warning">${w}</p>`)}
        <p class="small" data-test="last-fired">Last fired: ${r.lastFired ? html`${when(r.lastFired.time)} (${r.lastFired.trigger})` : 'never'}
          ${result ? html`· <span class=${result.success ? 'ok' : 'error'} data-test="last-result">${result.success ? 'OK'
            : `${result.reason}: ${result.detail}`}${result.latencyMs !== undefined ? ` (${result.latencyMs} ms)` : ''}</span>` : ''}</p>
        ${skipped(r) ? html`<p class="small muted" data-test="last-skipped">Not fired ${when(r.lastSkipped.time)}
          (${r.lastSkipped.trigger}): ${r.lastSkipped.why}</p>` : ''}
        ${r.editable
          ? html`<div class="buttons">
              <button @click=${() => this.edit(r)} data-action="edit" aria-label="Edit rule ${r.id}">Edit</button>
              <button @click=${() => this.toggle(r)} data-action="toggle"
                aria-label="${c.enabled === false ? 'Enable' : 'Disable'} rule ${r.id}">${c.enabled === false ? 'Enable' : 'Disable'}</button>
              <button class="danger" @click=${() => this.deleteRule(r)} data-action="delete"
                aria-label="Delete rule ${r.id}">Delete</button></div>`
          : html`<p class="muted small">Read-only: ${r.file}</p>`}
      </article>`;
  }

  problem(key) {
    const p = this.problems?.find((x) => x.key === key);
    return p ? html`<span class="error small" data-problem=${key}>${p.message}</span>` : '';
  }

  renderForm() {
    const c = this.editing.configuration;
    const whens = whenChannels();
    const thens = thenChannels();
    const trigger = this.whenUid.endsWith(':event');
    const then = thens.find((t) => t.uid === this.thenUid);
    return html`
      <form class="card rule-form" @submit=${this.save} data-test="rule-form">
        <h2>${this.editing.isNew ? 'New rule' : `Rule ${this.editing.id}`}</h2>
        <label>Id <input name="ruleId" .value=${this.editing.id} ?readonly=${!this.editing.isNew} required
          pattern="[A-Za-z0-9_\\-]+" title="Letters, digits, _ and - only" placeholder="porchlight">${this.problem('id')}</label>
        <label>When <select name="when" required @change=${(e) => { this.whenUid = e.target.value; }}>
          <option value="">choose a camera channel…</option>
          ${whens.map((w) => html`<option value=${w.uid} ?selected=${w.uid === this.whenUid}>${w.label}</option>`)}
          ${this.whenUid && !whens.some((w) => w.uid === this.whenUid) ? html`<option value=${this.whenUid} selected
            data-test="missing-when">${this.whenUid} (no such channel now)</option>` : ''}
        </select>${this.problem('when')}</label>
        ${trigger
          ? html`<label>Event <select name="event">${eventChoices(c.event).map((t) => html`<option value=${t}
              ?selected=${t === (c.event || '')}>${t || 'any'}</option>`)}</select></label>`
          : html`<label>Turns <select name="state">${['ON', 'OFF'].map((s) => html`<option value=${s} ?selected=${s === (c.state || 'ON')}>${s}</option>`)}</select></label>`}
        <label>Then <select name="then" required @change=${(e) => { this.thenUid = e.target.value; }}>
          <option value="">choose a device channel…</option>
          ${thens.map((t) => html`<option value=${t.uid} ?selected=${t.uid === this.thenUid}>${t.label}</option>`)}
          ${this.thenUid && !thens.some((t) => t.uid === this.thenUid) ? html`<option value=${this.thenUid} selected
            data-test="missing-then">${this.thenUid} (no such channel now)</option>` : ''}
        </select>${this.problem('then')}</label>
        <label>Command <select name="command">
          ${(then ? then.commands : ['ON', 'OFF', 'TOGGLE', 'PULSE']).map((cmd) => html`<option value=${cmd} ?selected=${cmd === c.command}>${cmd}</option>`)}
        </select>${this.problem('command')}</label>
        <label>Schedule <input name="schedule" .value=${c.schedule || ''} placeholder="always, or e.g. Mon-Fri 18:00-07:00; Sat,Sun 00:00-24:00">
          ${this.problem('schedule')}</label>
        <label>At most every (s) <input name="interval" type="number" min="0" step="any" .value=${String(c.interval ?? 0)}>${this.problem('interval')}</label>
        <label class="check"><input type="checkbox" name="enabled" ?checked=${c.enabled !== false}> Enabled</label>
        ${this.error ? html`<p class="error" role="alert" data-test="rule-error">${this.error}</p>` : ''}
        <div class="buttons"><button class="primary" data-action="save">Save rule</button>
          <button type="button" @click=${() => { this.editing = null; }}>Cancel</button></div>
      </form>`;
  }

  render() {
    return html`
      <div class="page-head"><h1>Rules</h1>
        ${this.editing ? '' : html`<button class="primary" data-action="new-rule" @click=${() => this.edit(null)}>New rule</button>`}</div>
      ${this.editing ? this.renderForm() : ''}
      ${!this.editing && this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.rules ? html`<p class="muted">Loading…</p>`
        : this.rules.length === 0 ? html`<div class="empty-state" data-test="empty"><p><b>No rule yet</b> — a rule switches a
            device when a camera detects something.</p></div>`
        : html`<div class="list">${repeat(this.rules, (r) => r.id, (r) => this.renderRule(r))}</div>`}`;
  }
}
customElements.define('cam-rules-page', RulesPage);
