// Elements render into the light DOM: one style sheet (app.css) for all, and plain CSS selectors for tests.
import { LitElement } from 'lit';
import { store } from './store.js';

export class LightElement extends LitElement {
  createRenderRoot() { return this; }
}

/** A page that re-renders when the things change. */
export class StorePage extends LightElement {
  connectedCallback() {
    super.connectedCallback();
    this._onChange = (e) => this.storeChanged(e.detail);
    store.addEventListener('change', this._onChange);
  }

  disconnectedCallback() {
    store.removeEventListener('change', this._onChange);
    super.disconnectedCallback();
  }

  storeChanged() { this.requestUpdate(); }
}

/** Copies text, also on plain HTTP where navigator.clipboard does not exist. */
export async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
