// What the pages show: the things (kept current by the live stream) and the stream's state.
import { api, snapshotId } from './api.js';

const CAMERA_TYPES = new Set(['vigi', 'ivsec', 'hikvision']);
/** Camera channels that are not detections. */
const CAMERA_STATUS = new Set(['lastEventType', 'lastEventTime', 'lastEventData', 'image', 'imageTime',
  'imageUrl', 'lastSeen', 'event']);
const TARGET_STATUS = new Set(['lastResult', 'lastPush', 'lastResponseCode']);

/**
 * The event types the hub knows (its canonical names; README, "Event types"), most common first:
 * for Simulate, a rule's event filter and the timeline's. A camera's own invented types still work.
 */
export const EVENT_TYPES = ['PERSON', 'VEHICLE', 'PERSON_OR_VEHICLE', 'MOTION', 'FACE', 'LINE_CROSSING', 'INTRUSION',
  'REGION_ENTRANCE', 'REGION_EXITING', 'OBJECT_LEFT', 'OBJECT_TAKEN', 'TAMPER', 'AUDIO', 'ABNORMAL_SOUND',
  'ALARM_INPUT', 'PIR', 'LICENSE_PLATE', 'FACE_RECOGNITION', 'FACE_ATTRIBUTE', 'FIRE', 'TEMPERATURE',
  'CROSS_COUNTING', 'CROWD_DENSITY', 'QUEUE_LENGTH', 'SCENE_CHANGE', 'TOO_BLURRY', 'VIDEO_LOSS', 'ALARM'];

export const isCameraUid = (uid) => CAMERA_TYPES.has(uid.split(':')[1]);
export const isCamera = (thing) => isCameraUid(thing.UID);
export const detections = (thing) => thing.channels.filter((c) => c.kind === 'STATE' && c.itemType === 'Switch'
  && !CAMERA_STATUS.has(c.id));
export const actions = (thing) => thing.channels.filter((c) => c.kind === 'STATE' && c.itemType === 'Switch'
  && !TARGET_STATUS.has(c.id));
export const state = (thing, id) => thing.channels.find((c) => c.id === id)?.state ?? 'NULL';

/** Whether stream id a ("<boot>.<n>") is older than b; ids of another run count as older. */
function older(a, b) {
  const [bootA, nA] = (a || '').split('.');
  const [bootB, nB] = (b || '').split('.');
  return bootA !== bootB || Number(nA) < Number(nB);
}

class Store extends EventTarget {
  constructor() {
    super();
    this.things = new Map();
    this.loaded = false;
    this.live = 'connecting';
    this.source = null;
    this.pending = null; // events that came while the things were loading
    this.inbox = null; // the inbox's entries (the nav counts them); null until loaded
    this.inboxTimer = null;
  }

  changed(detail) { this.dispatchEvent(new CustomEvent('change', { detail })); }

  async load() {
    this.pending = [];
    const list = await api.get('things');
    this.snapshot = snapshotId();
    this.things = new Map(list.map((t) => [t.UID, t]));
    this.loaded = true;
    const queued = this.pending;
    this.pending = null;
    queued.forEach(([name, data]) => this.apply(name, data));
    this.changed({ all: true });
  }

  async reloadThing(uid) {
    try {
      const thing = await api.get('things/' + encodeURIComponent(uid));
      this.things.set(uid, thing);
    } catch (err) {
      if (err.status === 404) this.things.delete(uid); // gone; a hub that is away keeps its things shown
    }
    this.changed({ uid });
  }

  /**
   * Loads the inbox again, soon: several reasons within half a second (a camera pushing several
   * alarms) make one request.
   */
  refreshInbox() {
    if (this.inboxTimer) return;
    this.inboxTimer = setTimeout(async () => {
      this.inboxTimer = null;
      try {
        this.inbox = await api.get('inbox');
        this.inboxError = '';
      } catch (err) { // signed out or away: the stream's reconnect loads it again
        this.inboxError = `The inbox could not be loaded: ${err.message}`;
      }
      this.changed({ inbox: true });
    }, 500);
  }

  /**
   * Reads a thing's properties again (learned from alarms, not streamed), leaving its states to the
   * stream: a whole reload could put back a state older than one the stream brought meanwhile.
   */
  async refreshProperties(uid) {
    try {
      const fresh = await api.get('things/' + encodeURIComponent(uid));
      const thing = this.things.get(uid);
      if (thing) {
        this.things.set(uid, { ...thing, properties: fresh.properties });
        this.changed({ uid });
      }
    } catch { /* gone or away: the stream says so */ }
  }

  connect() {
    if (this.source) return;
    const source = new EventSource('/camalarm/api/events/stream');
    this.source = source;
    source.addEventListener('open', () => { this.live = 'open'; this.changed({ live: true }); });
    source.addEventListener('error', () => {
      this.live = source.readyState === EventSource.CLOSED ? 'closed' : 'connecting';
      this.changed({ live: true });
      if (source.readyState === EventSource.CLOSED) {
        // the server refused (signed out?) or went away for good: ask the session, then retry
        this.source = null;
        setTimeout(() => api.session().then(() => this.connect(), () => window.dispatchEvent(
          new CustomEvent('camalarm-signed-out'))), 2000);
      }
    });
    // the things are loaded beside the stream's opening; a snapshot older than the stream's start
    // may miss a change made in between, so it is loaded again
    source.addEventListener('hello', (e) => {
      if (this.loading) this.helloId = e.lastEventId;
      else if (!this.loaded || older(this.snapshot, e.lastEventId)) this.start();
    });
    source.addEventListener('reset', () => this.start());
    for (const name of ['state', 'trigger', 'status', 'thing', 'history']) {
      source.addEventListener(name, (e) => {
        const data = JSON.parse(e.data);
        if (this.pending) this.pending.push([name, data]); else this.apply(name, data);
      });
    }
  }

  /** Loads the things; once more when the stream opened after the snapshot was taken. */
  start() {
    if (this.loading) return;
    this.loading = true;
    this.helloId = null;
    this.refreshInbox();
    this.load().catch(() => {}).finally(() => {
      this.loading = false;
      if (this.helloId && older(this.snapshot, this.helloId)) this.start();
    });
  }

  disconnect() {
    this.source?.close();
    this.source = null;
  }

  apply(name, data) {
    const thing = this.things.get(data.thingUID);
    if (name === 'state' && thing) {
      const channels = thing.channels.map((c) => (c.id === data.channel ? { ...c, state: data.state } : c));
      if (!channels.some((c) => c.id === data.channel)) {
        this.reloadThing(data.thingUID); // a channel made for a new event type
        return;
      }
      this.things.set(thing.UID, { ...thing, channels });
    } else if (name === 'status' && thing) {
      this.things.set(thing.UID, { ...thing, statusInfo: { status: data.status, statusDetail: data.statusDetail,
        description: data.description } });
    } else if (name === 'thing') {
      if (data.change === 'removed') this.things.delete(data.thingUID); else this.reloadThing(data.thingUID);
      this.refreshInbox(); // an approved camera leaves the inbox; a removed one may come back to it
      return;
    } else if (name === 'history' && !thing && data.kind === 'alarm') {
      this.refreshInbox(); // an alarm of no thing: a camera in the inbox, maybe a new one
    }
    this.changed({ uid: data.thingUID, name, data });
  }

  cameras() { return [...this.things.values()].filter(isCamera); }
  devices() { return [...this.things.values()].filter((t) => !isCamera(t)); }
}

export const store = new Store();

/** A thing as a user knows it: its label, the UID when no thing has it (any more). */
export const thingName = (uid) => store.things.get(uid)?.label || uid;

/** A channel's label ("Person"); its id where the hub has no such thing or channel. */
export const channelLabel = (thingUid, channelId) =>
  store.things.get(thingUid)?.channels.find((c) => c.id === channelId)?.label || channelId;

/** A thing's channel as a user knows it: "Front door · Person"; UIDs where the hub has no such thing. */
export const channelName = (thingUid, channelId) => `${thingName(thingUid)} · ${channelLabel(thingUid, channelId)}`;
