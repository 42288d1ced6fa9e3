package dev.mnemo.backup.internal;

import dev.mnemo.backup.BackupException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive's outer layer: {@code MNEMOBK1}, a flag, and the zip of the snapshot — or, with a passphrase,
 * salt, nonce and the zip encrypted with AES-256-GCM (key from PBKDF2-HMAC-SHA256), whose tag authenticates
 * every byte and the header: a flipped bit anywhere makes decryption fail instead of restoring altered data.
 */
public final class ArchiveFormat {
    static final byte[] MAGIC = "MNEMOBK1".getBytes(StandardCharsets.US_ASCII);
    private static final byte PLAIN = 0;
    private static final byte ENCRYPTED = 1;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int PBKDF2_ITERATIONS = 310_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArchiveFormat() {
    }

    public static byte[] seal(byte[] zip, String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            return concat(MAGIC, new byte[] {PLAIN}, zip);
        }
        byte[] salt = random(SALT);
        byte[] nonce = random(NONCE);
        byte[] header = concat(MAGIC, new byte[] {ENCRYPTED}, salt, nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            return concat(header, cipher.doFinal(zip));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** True when the archive says it is encrypted (its header is checked by {@link #open}). */
    public static boolean encrypted(byte[] archive) {
        return archive.length > MAGIC.length && archive[MAGIC.length] == ENCRYPTED;
    }

    /** The zip inside, after checking the header and, when encrypted, the authentication tag. */
    public static byte[] open(byte[] archive, String passphrase) {
        if (archive.length < MAGIC.length + 1 || !Arrays.equals(Arrays.copyOf(archive, MAGIC.length), MAGIC)) {
            throw new BackupException("not a Mnemo backup archive (wrong header)");
        }
        byte flag = archive[MAGIC.length];
        int bodyStart = MAGIC.length + 1;
        if (flag == PLAIN) {
            return Arrays.copyOfRange(archive, bodyStart, archive.length);
        }
        if (flag != ENCRYPTED || archive.length < bodyStart + SALT + NONCE + TAG_BITS / 8) {
            throw new BackupException("the archive is corrupt (bad header)");
        }
        if (passphrase == null || passphrase.isEmpty()) {
            throw new BackupException("the archive is encrypted: set BACKUP_ENCRYPTION_KEY to the passphrase it was made with");
        }
        byte[] salt = Arrays.copyOfRange(archive, bodyStart, bodyStart + SALT);
        byte[] nonce = Arrays.copyOfRange(archive, bodyStart + SALT, bodyStart + SALT + NONCE);
        int headerEnd = bodyStart + SALT + NONCE;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(archive, 0, headerEnd);
            return cipher.doFinal(archive, headerEnd, archive.length - headerEnd);
        } catch (AEADBadTagException e) {
            throw new BackupException("the archive is corrupt or was tampered with, or the passphrase is wrong "
                    + "(authentication failed); nothing was restored");
        } catch (GeneralSecurityException e) {
            throw new BackupException("the archive could not be decrypted: " + e.getMessage(), e);
        }
    }

    private static SecretKeySpec key(String passphrase, byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, PBKDF2_ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            buffer.put(p);
        }
        return buffer.array();
    }
}
