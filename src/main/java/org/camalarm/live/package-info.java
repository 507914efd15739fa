/**
 * The live stream: every thing change (state, trigger, status, things added and removed) and every
 * new history event, as server-sent events at {@code /camalarm/api/events/stream} for the web UI and
 * automations. The alarm path only records a change (one short lock, no JSON, no I/O); a
 * dispatcher thread coalesces what each client has not seen yet (the latest state per channel) and
 * writes it at most every {@value org.camalarm.live.LiveEvents#BATCH_MILLIS} ms, so neither many
 * clients nor slow ones slow the alarm path.
 */
@NonNullByDefault
package org.camalarm.live;

import org.eclipse.jdt.annotation.NonNullByDefault;
