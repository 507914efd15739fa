package org.camalarm.camera;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The addresses allowed to push as one camera: single IPs and CIDR blocks, IPv4 or IPv6.
 * An empty filter allows everyone (the alarm token, and the camera's credentials where set, are the secret).
 * Only literal addresses are accepted, so parsing never does a DNS look-up.
 */
final class AddressFilter {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private final List<Block> blocks;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private AddressFilter(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses entries such as {@code 192.168.1.20}, {@code 10.0.0.0/8}, {@code fd00::/8}; each may hold a comma list. */
    static AddressFilter parse(String @Nullable [] entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String item : entry.split("[,\\s]+")) {
                if (!item.isBlank()) {
                    blocks.add(parseBlock(item.trim()));
                }
            }
        }
        return new AddressFilter(List.copyOf(blocks));
    }

    private static Block parseBlock(String item) {
        int slash = item.indexOf('/');
        String host = slash < 0 ? item : item.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("allowedAddresses: not an IP address or CIDR block: " + item);
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(item.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("allowedAddresses: prefix must be 0 to " + max + ": " + item);
            }
        }
        return new Block(address, prefix);
    }

    private static byte @Nullable [] literal(String host) {
        if (!LITERAL.matcher(host).matches() || !(host.contains(".") || host.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean allows(String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] address = literal(remoteAddress);
        if (address == null) {
            return false;
        }
        address = unmapIpv4(address);
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ::ffff:192.168.1.2} is the IPv4 address it maps. */
    private static byte[] unmapIpv4(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }
}
