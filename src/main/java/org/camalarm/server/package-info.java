/**
 * The alarm server: where a camera's alarm enters. {@link org.camalarm.server.AlarmEndpoint} checks
 * the token in the path, has the request decoded ({@code alarm}) and routed ({@code camera}) and
 * answers it as the camera expects; its transports are the servlet
 * ({@link org.camalarm.server.AlarmServlet}), the lenient listener for request lines the HTTP
 * server refuses ({@link org.camalarm.server.LenientAlarmListener}) and the UDP listener, which
 * never answers ({@link org.camalarm.server.UdpAlarmListener}).
 */
@NonNullByDefault
package org.camalarm.server;

import org.eclipse.jdt.annotation.NonNullByDefault;
