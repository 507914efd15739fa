/**
 * The event history: every alarm a camera pushed (with its snapshot), every push to a device and
 * every rule firing, kept on disk under {@code userdata/camalarm/history/} and read back newest
 * first through back-pointer chains, so a query never scans the store.
 *
 * <p>Promises: an alarm is stored before its camera is answered ({@link org.camalarm.history.HistoryStore#recordAlarm});
 * a process crash at any moment loses nothing that was stored, and a torn tail is cut off at the next
 * start without losing older events; the store stays within its age and disk limits; memory does not
 * grow with the number of stored events. Storage: append-only segment files with CRC-framed records
 * ({@link org.camalarm.history.RecordFormat}), JPEGs in a media log beside them, one writer thread
 * committing in groups ({@link org.camalarm.history.HistoryWriter}). Depends on the camera, target and
 * rule packages (whose listener interfaces it implements), never the other way round.
 */
@NonNullByDefault
package org.camalarm.history;

import org.eclipse.jdt.annotation.NonNullByDefault;
