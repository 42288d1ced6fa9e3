package dev.mnemo.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Whom sign-in limits count against: an IPv4 address, or the /64 an IPv6 address is in (one home or phone network
 * holds a whole /64: counting its addresses one by one would count nothing).
 */
final class ClientKey {
    private ClientKey() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (!remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            // A literal address: getByName parses it without any lookup.
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "unparsable";
        }
    }
}
