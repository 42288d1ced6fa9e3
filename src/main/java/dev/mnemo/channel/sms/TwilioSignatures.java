package dev.mnemo.channel.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} as Twilio specifies it: Base64 of HMAC-SHA1, keyed with the auth token, over the
 * full URL Twilio called followed by every POST parameter's name and value, names sorted (and the values of a
 * repeated name sorted too), a missing value counting as empty. Like Twilio's validators, the URL also matches
 * with its default port added or its explicit port removed. Compared in constant time.
 */
final class TwilioSignatures {
    private final byte[] key;

    TwilioSignatures(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    boolean valid(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
        for (String candidate : urlVariants(url)) {
            if (MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>();
            for (String value : values == null ? List.<String>of() : values) {
                sorted.add(value == null ? "" : value);
            }
            if (sorted.isEmpty()) {
                sorted.add("");
            }
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /**
     * The URL as given, without its explicit port, and with its scheme's default port; each also with a single
     * quote and its escape {@code %27} swapped, which proxies and Twilio's libraries treat as the same URL.
     */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        for (String port : portVariants(url)) {
            variants.add(port);
            variants.add(port.replace("%27", "'"));
            variants.add(port.replace("'", "%27"));
        }
        return variants;
    }

    private static Set<String> portVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url.replace("'", "%27"));
            if (uri.getHost() == null || uri.getScheme() == null) {
                return variants;
            }
            String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
            String base = uri.getScheme() + "://" + userInfo + uri.getHost();
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            variants.add(base + rest);
            if (defaultPort > 0) {
                variants.add(base + ":" + defaultPort + rest);
            }
        } catch (URISyntaxException e) {
            // A URL Java cannot parse is checked as given.
        }
        return variants;
    }
}
