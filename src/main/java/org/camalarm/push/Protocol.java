package org.camalarm.push;

/** How a push reaches the device, as the iVSEC camera offers it. */
public enum Protocol {
    /** Plain HTTP/1.1; default port 80. */
    HTTP(80),
    /** HTTP/1.1 over TLS with a pinned certificate; default port 443. */
    HTTPS(443),
    /** One datagram, no reply expected; there is no default port, it must be configured. */
    UDP(0);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when the configuration says 0, or 0 when the protocol has none (UDP). */
    public int defaultPort() {
        return defaultPort;
    }
}
