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
 * byte for byte like an unknown path. {@code /camalarm/} itself leads to the web UI at {@code /camalarm/ui/} (Felix
 * dispatches no servlet pattern that ends in '/', so the UI cannot be registered there).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-not-found")
@HttpWhiteboardServletPattern("/camalarm/*")
public class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String method = request.getMethod();
        if ((path == null || "/".equals(path)) && ("GET".equals(method) || "HEAD".equals(method))) {
            response.sendRedirect("/camalarm/ui/");
            return;
        }
        HttpAnswers.notFound(response);
    }
}
