// REST calls of the UI: same origin, the session cookie, and the CSRF token on every change.
let csrfToken = '';
let lastEventId = '';

/** The live stream's id the latest REST answer was as new as (things). */
export const snapshotId = () => lastEventId;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || body?.error || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export function setCsrf(token) { csrfToken = token || ''; }

async function call(method, path, body) {
  const headers = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return null;
  lastEventId = response.headers.get('X-Camalarm-Event-Id') || lastEventId;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/camalarm/auth/')) {
      window.dispatchEvent(new CustomEvent('camalarm-signed-out'));
    }
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  get: (path) => call('GET', '/camalarm/api/' + path),
  post: (path, body) => call('POST', '/camalarm/api/' + path, body),
  put: (path, body) => call('PUT', '/camalarm/api/' + path, body),
  del: (path) => call('DELETE', '/camalarm/api/' + path),
  session: () => call('GET', '/camalarm/auth/session'),
  signIn: (user, password) => call('POST', '/camalarm/auth/signin', { user, password }),
  signOut: () => call('POST', '/camalarm/auth/signout'),
};

export const enc = encodeURIComponent;

/** A time in the browser's zone, short. */
export function when(iso) {
  if (!iso || iso === 'NULL') return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

/** What the hub learned of a thing (a camera from its alarms; the MQTT broker), as a user reads it. */
const PROPERTY_LABELS = {
  vendor: 'Vendor', deviceName: 'Device name', ipAddress: 'IP address', macAddress: 'MAC address',
  deviceId: 'Device ID', nvrChannel: 'NVR channel', channelName: 'Channel name', remoteAddress: 'Sent from',
  authScheme: 'Authentication', broker: 'Broker', clientId: 'Client id', lastError: 'Last error',
  pending: 'Changes not yet published', lastRefusedAlarm: 'Last refused alarm',
  sameDeviceAs: 'Same device as (a typo in its alarm path?)',
};

/** A thing's properties as [label, value] pairs, the known ones first, in the order above. */
export function propertyLabels(properties) {
  const known = Object.keys(PROPERTY_LABELS);
  return Object.entries(properties || {})
    .sort(([a], [b]) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99))
    .map(([key, value]) => [PROPERTY_LABELS[key] || key, value]);
}
