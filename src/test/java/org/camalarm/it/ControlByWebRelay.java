package org.camalarm.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A relay on loopback that answers like ControlByWeb's manual says (§5.1.1, "The XML reply does
 * not contain headers"): it reads the request head and writes the state.xml document alone, no
 * status line, then closes.
 */
final class ControlByWebRelay implements AutoCloseable {

    static final String STATE_XML = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n<datavalues>\r\n"
            + "<relaystate>1</relaystate>\r\n<inputstate>0</inputstate>\r\n<rebootstate>0</rebootstate>\r\n"
            + "<totalreboots>0</totalreboots>\r\n</datavalues>\r\n";

    private final ServerSocket server;

    ControlByWebRelay() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "controlbyweb-relay");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                int lineEnds = 0;
                for (int c; lineEnds < 4 && (c = in.read()) >= 0; ) {
                    lineEnds = c == '\r' || c == '\n' ? lineEnds + 1 : 0;
                }
                socket.getOutputStream().write(STATE_XML.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // closed at the end of the test, or the client went away
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
