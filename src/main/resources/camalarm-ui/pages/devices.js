import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, enc, propertyLabels, when } from '../api.js';
import { LightElement, StorePage } from '../base.js';
import { actions, state, store } from '../store.js';
import { statusBadge } from './cameras.js';

/** The buttons of an action channel: On and Off for power, one button for the others, named by the command. */
function buttons(channel) {
  if (channel.id === 'power') return [['ON', 'Power on'], ['OFF', 'Power off']];
  if (channel.id === 'toggle') return [['TOGGLE', 'Toggle']];
  if (channel.id === 'pulse') return [['PULSE', 'Pulse']];
  return [['ON', channel.label || channel.id]];
}

function outcome(result) {
  const parts = [result.status ? `HTTP ${result.status}` : null, `${result.latencyMs} ms`].filter(Boolean);
  return `${result.reason}: ${result.detail} (${parts.join(', ')})`;
}

class DeviceCard extends LightElement {
  static properties = { thing: { attribute: false }, result: { state: true }, busy: { state: true } };

  async send(channel, command) {
    await this.run(() => api.post(`things/${enc(this.thing.UID)}/channels/${enc(channel)}`, { command }), channel);
  }

  async test() {
    await this.run(() => api.post(`things/${enc(this.thing.UID)}/test`), 'test');
  }

  async run(call, what) {
    this.busy = what;
    try {
      const r = await call();
      this.result = { what, ok: r.success, text: r.success ? (what === 'test' ? 'Test Success!' : `OK (${r.latencyMs} ms)`)
        : `Error! ${outcome(r)}` };
    } catch (err) {
      this.result = { what, ok: false, text: err.message };
    } finally {
      this.busy = null;
    }
  }

  render() {
    const t = this.thing;
    // the MQTT bridge's broker is a thing too: it shows its state, and takes no command
    const pushTarget = t.channels.some((c) => c.id === 'lastResult');
    return html`
      <article class="card device" data-thing-uid=${t.UID} data-state=${t.statusInfo?.status}>
        <div class="row"><h2>${t.label}</h2>${statusBadge(t)}</div>
        <p class="muted small">${t.UID}${t.file ? html` · read-only, ${t.file}` : ''}</p>
        ${t.statusInfo?.description && t.statusInfo.description !== state(t, 'lastResult')
          ? html`<p class="error small" data-test="status-description">${t.statusInfo.description}</p>` : ''}
        ${pushTarget ? this.commands(t) : html`<table class="kv">
          ${propertyLabels(t.properties).filter(([, v]) => v !== t.statusInfo?.description)
            .map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>`}
      </article>`;
  }

  /** A push target's buttons, its Test, what its last push did and its history. */
  commands(t) {
    return html`
        <div class="buttons">
          ${actions(t).map((c) => buttons(c).map(([command, label]) => html`
            <button class="command" data-channel-id=${c.id} data-command=${command} ?disabled=${this.busy}
              title=${`${c.id}: ${c.label}`} @click=${() => this.send(c.id, command)}>${label}</button>`))}
          <button class="primary" data-action="test" ?disabled=${this.busy} @click=${this.test}>Test</button>
        </div>
        ${this.result ? html`<p class=${this.result.ok ? 'ok' : 'error'} role="status" data-test="result"
          data-state=${this.result.ok ? 'OK' : 'ERROR'}>${this.result.text}</p>` : ''}
        <table class="kv">
          <tr data-channel-id="lastResult" data-state=${state(t, 'lastResult')}><th>Last result</th>
            <td>${state(t, 'lastResult') === 'NULL' ? '—' : state(t, 'lastResult')}</td></tr>
          <tr data-channel-id="lastPush"><th>Last push</th><td>${when(state(t, 'lastPush'))}</td></tr>
        </table>
        <p class="small"><a href="#/activity/${enc(t.UID)}" data-test="device-history">History</a>${t.editable
          ? html` · <a href="#/edit/${enc(t.UID)}">Edit</a>` : ''}</p>`;
  }
}
customElements.define('cam-device-card', DeviceCard);

class DevicesPage extends StorePage {
  render() {
    if (!store.loaded) return html`<p class="muted">Loading…</p>`;
    const devices = store.devices().sort((a, b) => a.label.localeCompare(b.label));
    return html`
      <div class="page-head"><h1>Devices</h1><a class="button" href="#/add/device">Add a device</a></div>
      ${devices.length === 0
        ? html`<div class="empty-state" data-test="empty"><p><b>No device yet</b> — add a relay, light or intercom
            for rules to drive.</p></div>`
        : html`<div class="grid">${repeat(devices, (t) => t.UID, (t) => html`<cam-device-card .thing=${t}></cam-device-card>`)}</div>`}`;
  }
}
customElements.define('cam-devices-page', DevicesPage);
