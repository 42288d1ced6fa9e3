package dev.mnemo.backup.internal;

/**
 * An {@code s3://bucket/key} address: the one place it is parsed. The key may be a prefix ({@code BACKUP_TARGET})
 * or an archive ({@code restore s3://…}).
 */
record S3Location(String bucket, String key) {
    private static final String SCHEME = "s3://";

    static boolean is(String where) {
        return where.startsWith(SCHEME);
    }

    /** @throws IllegalArgumentException when there is no bucket */
    static S3Location parse(String where) {
        if (!is(where)) {
            throw new IllegalArgumentException(where + " is not an s3://bucket/key address");
        }
        String path = where.substring(SCHEME.length());
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        if (bucket.isBlank()) {
            throw new IllegalArgumentException(where + " names no bucket: s3://bucket/key");
        }
        return new S3Location(bucket, slash < 0 ? "" : path.substring(slash + 1));
    }

    /** The key up to and with its last slash: where an archive's directory-like prefix ends. */
    String prefix() {
        return key.substring(0, key.lastIndexOf('/') + 1);
    }

    /** The key after its last slash: an archive's name. */
    String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
