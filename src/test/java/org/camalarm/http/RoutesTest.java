package org.camalarm.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** Which route answers a call, and what the table answers itself (HEAD, OPTIONS, 405, 404). */
class RoutesTest {

    private final List<String> answered = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Routes routes = new Routes()
            .on("GET", "things", (path, request, response) -> answered.add("list"))
            .on("POST", "things", (path, request, response) -> answered.add("create"))
            .on("GET", "things/*", (path, request, response) -> {
                answered.add("get " + path[1]);
                response.setContentLength(5);
                response.getOutputStream().write("thing".getBytes());
            })
            .on("GET", "things/*/image", (path, request, response) -> answered.add("image " + path[1]));

    private HttpServletResponse call(String method, String pathInfo) throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        });
        routes.dispatch(pathInfo, request, response);
        return response;
    }

    @Test
    void aCallGoesToTheRouteOfItsPathAndMethod() throws IOException {
        call("GET", "/things");
        call("GET", "/things/");
        call("POST", "/things");
        call("GET", "/things/camalarm:vigi:door/image");
        assertEquals(List.of("list", "list", "create", "image camalarm:vigi:door"), answered);
    }

    @Test
    void headIsTheGetWithoutItsBody() throws IOException {
        HttpServletResponse response = call("HEAD", "/things/x");
        assertEquals(List.of("get x"), answered);
        verify(response).setContentLength(5);
        assertArrayEquals(new byte[0], body.toByteArray(), "the body is dropped");
    }

    @Test
    void aKnownPathWithAnotherMethodGets405WithAllowAndOptionsGets204() throws IOException {
        HttpServletResponse refused = call("DELETE", "/things");
        verify(refused).setStatus(405);
        verify(refused).setHeader("Allow", "GET, HEAD, POST, OPTIONS");

        HttpServletResponse options = call("OPTIONS", "/things/x");
        verify(options).setHeader("Allow", "GET, HEAD, OPTIONS");
        verify(options).setStatus(204);
        assertEquals(List.of(), answered);
    }

    @Test
    void anUnknownPathOrAnEmptySegmentIs404() throws IOException {
        for (String path : new String[] {"/nothing", "/things//image", "/things/x/image/more", "/", null}) {
            verify(call("GET", path)).setStatus(404);
        }
        assertEquals(List.of(), answered);
        assertArrayEquals(new String[] {"things", "x"}, Routes.segments("/things/x/"));
    }
}
