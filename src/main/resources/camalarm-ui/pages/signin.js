import { html } from 'lit';
import { api, setCsrf } from '../api.js';
import { LightElement } from '../base.js';

class SignIn extends LightElement {
  static properties = { error: { state: true }, busy: { state: true } };

  async submit(e) {
    e.preventDefault();
    const form = e.target;
    this.busy = true;
    this.error = '';
    try {
      const session = await api.signIn(form.user.value, form.password.value);
      setCsrf(session.csrfToken);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session, bubbles: true }));
    } catch (err) {
      const text = err.status === 401 ? 'Wrong user or password.' : err.message;
      this.error = text.charAt(0).toUpperCase() + text.slice(1);
      form.password.select();
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <form class="signin card" @submit=${this.submit} data-page="signin">
        <h1>camalarm</h1>
        <p class="muted">Sign in with user <b>admin</b> and the UI password: <code>uiPassword</code> in
          <code>conf/camalarm.server.cfg</code>, else the one generated in
          <code>userdata/camalarm/tokens.properties</code>.</p>
        <label>User <input name="user" autocomplete="username" value="admin" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required autofocus></label>
        ${this.error ? html`<p class="error" role="alert" data-test="signin-error">${this.error}</p>` : ''}
        <button class="primary" ?disabled=${this.busy}>Sign in</button>
      </form>`;
  }
}
customElements.define('cam-signin', SignIn);
