package org.camalarm.it;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests written byte for byte the way devices write them, on fresh connections. */
final class RawExchanges {

    private RawExchanges() {}

    /** A POST with a Content-Length, CRLF line ends. */
    static String post(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: hub\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A TVT NVR's headers (SOAP content type, Connection: close) and body, after its request line. */
    static String nvrHeaders(String host, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "Host: " + host + "\r\nContent-Type: application/soap+xml; charset=utf-8\r\nConnection: close\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** One request, the sending side closed after it; the whole answer. */
    static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** As a TVT camera does it: write, keep the connection open, read until the hub closes it. */
    static String exchangeWithoutClosing(int port, String data) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(data.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
