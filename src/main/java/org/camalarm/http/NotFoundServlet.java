package org.camalarm.http;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Answers every path under /camalarm/ that nobody serves with camalarm's own 404, so that a wrong alarm token answers
 * byte for byte like an unknown path.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-not-found")
@HttpWhiteboardServletPattern("/camalarm/*")
public class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpAnswers.notFound(response);
    }
}
