package dev.mnemo.backup.internal;

import java.util.List;

/** Where archives are kept: a directory or an S3 bucket. Names are file names, newest last when sorted. */
public interface BackupTarget {
    /** Stores the archive; returns where (a path or {@code s3://bucket/key}). */
    String put(String name, byte[] archive);

    byte[] get(String name);

    List<String> list();

    void delete(String name);
}
