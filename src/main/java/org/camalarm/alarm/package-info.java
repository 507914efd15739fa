/**
 * Where an alarm enters, decoded: one decoder per camera wire format (VIGI camera and NVR JSON and
 * multipart, iVSEC query/form/JSON, TVT XML in all its shapes, Hikvision ISAPI XML, fixed paths),
 * pure functions from the bytes of a request
 * ({@link org.camalarm.alarm.AlarmRequest}) to an {@link org.camalarm.alarm.Alarm}, with the
 * canonical event types ({@link org.camalarm.alarm.EventTypes}). Knows nothing of things or HTTP
 * servers; every field of a camera's message is treated as possibly missing or hostile.
 */
@NonNullByDefault
package org.camalarm.alarm;

import org.eclipse.jdt.annotation.NonNullByDefault;
