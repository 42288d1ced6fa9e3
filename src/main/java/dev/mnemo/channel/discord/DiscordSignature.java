package dev.mnemo.channel.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Discord's interaction signature: Ed25519 over {@code X-Signature-Timestamp} followed by the raw body, checked
 * against the application's public key (the JDK's own Ed25519).
 */
final class DiscordSignature {
    /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;

    DiscordSignature(String publicKeyHex) {
        try {
            byte[] raw = HexFormat.of().parseHex(publicKeyHex.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("DISCORD_PUBLIC_KEY must be 64 hex characters (an Ed25519 public key)");
            }
            byte[] der = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("DISCORD_PUBLIC_KEY is not an Ed25519 public key", e);
        }
    }

    boolean valid(String timestamp, byte[] body, String signatureHex) {
        if (timestamp == null || signatureHex == null || signatureHex.length() != 128) {
            return false;
        }
        try {
            byte[] signature = HexFormat.of().parseHex(signatureHex);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
