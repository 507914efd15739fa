/**
 * Where an alarm becomes channel states: camera things (one DS factory component per vendor),
 * routing an alarm to its camera or the inbox ({@link org.camalarm.camera.AlarmRouter}), and the
 * detection switches with their hold and maximum-duration timers ({@link org.camalarm.camera.CameraHandler}).
 * Knows nothing of HTTP.
 */
@NonNullByDefault
package org.camalarm.camera;

import org.eclipse.jdt.annotation.NonNullByDefault;
