// Adding or editing a camera or device: a form made from the type's Metatype (GET thing-types),
// written through Configuration Admin (POST/PUT things). Problems come back per key and show beside it.
import { html } from 'lit';
import { api, enc } from '../api.js';
import { LightElement } from '../base.js';
import { store } from '../store.js';
import './delete-thing.js';

let typesCache = null;
const thingTypes = () => (typesCache ||= api.get('thing-types').catch((e) => { typesCache = null; throw e; }));

/**
 * Adds a thing (route {@code #/add[/<kind>[/<type id>]]}: the chosen type is in the address, so Back
 * returns to the types and the nav's Add starts afresh) or edits one ({@code editUid}).
 */
class AddPage extends LightElement {
  static properties = { kind: {}, editUid: {}, types: { state: true }, type: { state: true },
    problems: { state: true }, error: { state: true }, busy: { state: true }, deleting: { state: true } };

  willUpdate(changed) {
    if (this.editUid || !this.types || !(changed.has('kind') || changed.has('types'))) return;
    const typeId = (this.kind || '').split('/')[1];
    this.type = typeId ? this.types.find((t) => t.UID === `camalarm:${typeId}`) || null : null;
    if (changed.has('kind')) {
      this.problems = null;
      this.error = '';
    }
  }

  connectedCallback() {
    super.connectedCallback();
    thingTypes().then((types) => {
      this.types = types;
      if (this.editUid) {
        const type = this.editUid.split(':').slice(0, 2).join(':');
        this.type = types.find((t) => t.UID === type);
      }
    }, (err) => { this.error = err.message; });
  }

  /** What the form says under its fields: problems no field shows, else where to look (not each again). */
  summary() {
    if (!this.problems?.length) return this.error;
    const fields = new Set(this.type.configParameters.map((p) => p.name).concat(this.editUid ? [] : ['thingId']));
    const general = this.problems.filter((p) => !fields.has(p.key));
    return general.length ? general.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join('; ')
      : `Fix the ${this.problems.length === 1 ? 'value' : 'values'} marked above.`;
  }

  problem(key) {
    const p = this.problems?.find((x) => x.key === key);
    return p ? html`<span class="error small" data-problem=${key}>${p.message}</span>` : '';
  }

  field(p, value) {
    const id = `f-${p.name}`;
    const shown = value ?? '';
    const input = p.options.length
      ? html`<select id=${id} name=${p.name}>
          ${p.required ? '' : html`<option value="">${p.defaultValue ? `default (${p.defaultValue})` : '—'}</option>`}
          ${p.options.map((o) => html`<option value=${o.value} ?selected=${String(shown) === o.value}>${o.label}</option>`)}</select>`
      : p.type === 'BOOLEAN'
        ? html`<label class="check"><input type="checkbox" id=${id} name=${p.name}
            ?checked=${String(shown) === '' ? p.defaultValue === 'true' : String(shown) === 'true'}> yes</label>`
        : html`<input id=${id} name=${p.name} .value=${Array.isArray(shown) ? shown.join(', ') : String(shown)}
            type=${p.context === 'password' ? 'password' : p.type === 'TEXT' ? 'text' : 'number'}
            step=${p.type === 'DECIMAL' ? 'any' : '1'} ?required=${p.required} autocomplete="off"
            placeholder=${p.defaultValue ?? ''}>`;
    return html`<div class="field"><label for=${id}>${p.label}${p.required ? ' *' : ''}</label>${input}
      <span class="muted small">${p.description}</span>${this.problem(p.name)}</div>`;
  }

  async submit(e) {
    e.preventDefault();
    const form = e.target;
    const configuration = {};
    for (const p of this.type.configParameters) {
      if (p.type === 'BOOLEAN' && !p.options.length) {
        configuration[p.name] = form.elements.namedItem(p.name)?.checked ? 'true' : 'false';
        continue;
      }
      const value = form.elements.namedItem(p.name)?.value?.trim();
      if (value) configuration[p.name] = p.multiple ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
    }
    for (const line of (form.elements.namedItem('extra')?.value || '').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) configuration[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    this.busy = true;
    this.problems = null;
    this.error = '';
    try {
      if (this.editUid) {
        await api.put('things/' + enc(this.editUid), { UID: this.editUid, configuration });
        location.hash = this.type.kind === 'camera' ? `#/camera/${enc(this.editUid)}` : '#/devices';
      } else {
        const uid = `${this.type.UID}:${form.elements.namedItem('thingId').value.trim()}`;
        const created = await api.post('things', { UID: uid, thingTypeUID: this.type.UID, configuration });
        location.hash = this.type.kind === 'camera' ? `#/setup/${enc(created.UID)}` : '#/devices';
      }
    } catch (err) {
      this.error = err.message;
      this.problems = err.body?.problems;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.error && !this.types) return html`<p class="error">${this.error}</p>`;
    if (!this.types) return html`<p class="muted">Loading…</p>`;
    if (!this.type) {
      const kind = (this.kind || '').split('/')[0];
      const shown = this.types.filter((t) => !kind || t.kind === kind);
      return html`
        <div class="page-head"><h1>Add ${kind === 'device' ? 'a device' : kind === 'camera' ? 'a camera' : 'a camera or device'}</h1></div>
        <div class="grid types">${shown.map((t) => html`
          <button class="card type" data-type=${t.UID}
            @click=${() => { location.hash = `#/add/${t.kind}/${t.UID.split(':')[1]}`; }}>
            <b>${t.label}</b><span class="muted small">${t.description}</span></button>`)}</div>`;
    }
    const existing = this.editUid ? store.things.get(this.editUid) : null;
    const config = existing?.configuration || {};
    const described = new Set(this.type.configParameters.map((p) => p.name));
    const extra = Object.entries(config).filter(([k]) => !described.has(k)).map(([k, v]) => `${k}=${v}`).join('\n');
    return html`
      <div class="page-head"><h1>${this.editUid ? `Edit ${existing?.label || this.editUid}` : `New ${this.type.label}`}</h1></div>
      <p class="muted">${this.type.description}</p>
      <form class="card thing-form" @submit=${this.submit} data-type=${this.type.UID}>
        ${this.editUid ? '' : html`<div class="field"><label for="f-thingId">Id *</label>
          <input id="f-thingId" name="thingId" required pattern="[A-Za-z0-9_\\-]+" placeholder="frontdoor">
          <span class="muted small">Letters, digits, _ and -; the thing becomes ${this.type.UID}:&lt;id&gt;.</span>
          ${this.problem('thingId')}</div>`}
        ${this.type.configParameters.map((p) => this.field(p, config[p.name]))}
        ${this.type.UID === 'camalarm:http' ? html`<div class="field"><label for="f-extra">Commands</label>
          <textarea id="f-extra" name="extra" rows="3" .value=${extra}
            placeholder="command.post1=POST relay/0?turn=on"></textarea>
          <span class="muted small">One per line, command.&lt;name&gt;=&lt;METHOD&gt; &lt;path&gt;</span></div>` : ''}
        ${this.error ? html`<p class="error" role="alert" data-test="form-error">${this.summary()}</p>` : ''}
        <div class="buttons"><button class="primary" ?disabled=${this.busy} data-action="save">${this.editUid ? 'Save' : 'Add'}</button>
          <button type="button" @click=${() => history.back()}>Cancel</button>
          ${existing?.editable && !this.deleting ? html`<span class="spacer"></span><button type="button" class="danger"
            data-action="delete" @click=${() => { this.deleting = true; }}>Delete</button>` : ''}</div>
      </form>
      ${existing && this.deleting ? html`<cam-delete-confirm .thing=${existing}
        @cancel=${() => { this.deleting = false; }}></cam-delete-confirm>` : ''}`;
  }
}
customElements.define('cam-add-page', AddPage);
