// Deleting a camera or device: asked in the page, naming the rules that use it. Rules are not
// deleted with it: they stay, and do nothing until a thing with its id exists again.
import { html } from 'lit';
import { api, enc } from '../api.js';
import { LightElement } from '../base.js';
import { isCamera } from '../store.js';

/** The ids of the rules that a channel of thing {@code uid} triggers or that command one. */
function rulesUsing(rules, uid) {
  const prefix = `${uid}:`;
  return rules.filter((r) => [r.configuration?.when, r.configuration?.then].some((c) => c?.startsWith(prefix)))
    .map((r) => r.id);
}

/** What deleting does to the rules that use it. */
function aboutRules(ids, uid) {
  if (ids.length === 0) return 'No rule uses it.';
  const one = ids.length === 1;
  return html`${one ? 'Rule' : 'Rules'} ${ids.map((id, i) => html`${i ? ', ' : ''}<b data-test="rule">${id}</b>`)}
    ${one ? 'uses' : 'use'} it: ${one ? 'it stays, and does' : 'they stay, and do'} nothing until a thing
    ${uid} exists again.`;
}

/** The confirmation under a Delete button; fires {@code cancel} when the user keeps the thing. */
class DeleteConfirm extends LightElement {
  static properties = { thing: { attribute: false }, rules: { state: true }, rulesUnread: { state: true },
    error: { state: true }, busy: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.rules = rulesUsing(await api.get('rules'), this.thing.UID);
    } catch (err) {
      this.rulesUnread = `The rules could not be read (${err.message}): some may use it.`;
    }
  }

  // not remove(): that is the DOM's own, which Lit calls when it takes the element away
  async deleteThing() {
    this.busy = true;
    try {
      await api.del('things/' + enc(this.thing.UID));
      location.hash = isCamera(this.thing) ? '#/cameras' : '#/devices';
    } catch (err) {
      this.error = err.message;
    } finally {
      this.busy = false;
    }
  }

  cancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  render() {
    return html`<div class="row wrap confirm" role="alert" data-test="delete-confirm"
        @keydown=${(e) => { if (e.key === 'Escape') this.cancel(); }}>
      <span class="grow">Delete <b>${this.thing.label}</b>?
        ${this.rules ? html`<span data-test="rules-using">${aboutRules(this.rules, this.thing.UID)}</span>`
          : this.rulesUnread ? html`<span class="warn" data-test="rules-unread">${this.rulesUnread}</span>`
          : html`<span class="muted">Looking for rules that use it…</span>`}</span>
      <span class="row"><button type="button" class="danger" data-action="confirm-delete"
        ?disabled=${!(this.rules || this.rulesUnread) || this.busy} @click=${() => this.deleteThing()}>Delete</button>
        <button type="button" data-action="cancel" @click=${() => this.cancel()}>Cancel</button></span>
    </div>
    ${this.error ? html`<p class="error small" role="alert" data-test="delete-error">${this.error}</p>` : ''}`;
  }
}
customElements.define('cam-delete-confirm', DeleteConfirm);
