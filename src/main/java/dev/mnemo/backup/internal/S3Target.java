package dev.mnemo.backup.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Archives in an S3 bucket under a prefix (AWS SDK v2; any S3-compatible endpoint). */
final class S3Target implements BackupTarget {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Target(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public String put(String name, byte[] archive) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + name).contentType("application/octet-stream"), RequestBody.fromBytes(archive));
        return new S3Location(bucket, prefix + name).toString();
    }

    @Override
    public byte[] get(String name) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + name)).asByteArray();
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            for (S3Object object : page.contents()) {
                String name = object.key().substring(prefix.length());
                if (Retention.isArchive(name)) {
                    names.add(name);
                }
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        names.sort(null);
        return names;
    }

    @Override
    public void delete(String name) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + name));
    }
}
