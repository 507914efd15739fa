package org.camalarm.push;

/** Which Shelly component a command addresses: a relay (switch) or a light/dimmer output. */
public enum ShellyKind {
    /** Gen1 {@code /relay/N}, Gen2 {@code Switch.*}. */
    RELAY("relay", "Switch"),
    /** Gen1 {@code /light/N} (e.g. SH-SHELLYDIM), Gen2 {@code Light.*}. */
    LIGHT("light", "Light");

    private final String gen1Path;
    private final String gen2Component;

    ShellyKind(String gen1Path, String gen2Component) {
        this.gen1Path = gen1Path;
        this.gen2Component = gen2Component;
    }

    /** The Gen1 path segment: {@code relay} or {@code light}. */
    String gen1Path() {
        return gen1Path;
    }

    /** The Gen2 RPC component: {@code Switch} or {@code Light}. */
    String gen2Component() {
        return gen2Component;
    }
}
