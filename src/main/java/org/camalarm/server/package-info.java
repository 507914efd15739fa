/**
 * The alarm server: where a camera's alarm enters. {@link org.camalarm.server.AlarmEndpoint} checks
 * the token in the path, has the request decoded ({@code alarm}) and routed ({@code camera}) and
 * answers it as the camera expects; its transports are the servlet
 * ({@link org.camalarm.server.AlarmServlet}), the lenient listener for requests the HTTP server
 * refuses or cannot read ({@link org.camalarm.server.LenientAlarmListener}: raw spaces, bodies
 * without a length, TVT's legacy alarm server and its bare-XML heartbeat) and the UDP listener,
 * which never answers ({@link org.camalarm.server.UdpAlarmListener}).
 */
@NonNullByDefault
package org.camalarm.server;

import org.eclipse.jdt.annotation.NonNullByDefault;
