package org.camalarm.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A device on loopback that speaks over a bare socket: it reads a request head and writes back
 * exactly the bytes it is given, with or without an HTTP head, then closes (or keeps the
 * connection open, as a device waiting for the client to close might). For replies the JDK's
 * HTTP server cannot produce.
 */
final class RawDevice implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> heads = new CopyOnWriteArrayList<>();

    /** @param reply the bytes to answer a request head with */
    RawDevice(Function<String, String> reply, boolean closeAfterReply) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(reply, closeAfterReply), "raw-device");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The request heads received, CRLFs as they came. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    private void serve(Function<String, String> reply, boolean closeAfterReply) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                String head = readHead(socket.getInputStream());
                heads.add(head);
                socket.getOutputStream().write(reply.apply(head).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                if (closeAfterReply) {
                    socket.close();
                } // else: left open until the client closes it (the socket is dropped with the test)
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
