package dev.mnemo.backup.internal;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against a real S3 API: S3Proxy, in memory, on loopback; each test in a prefix of its own. */
class S3TargetTest extends BackupTargetContract {
    private static final String BUCKET = "contract-backups";
    private static S3Proxy s3proxy;
    private static S3Client s3;
    private String prefix;

    @BeforeAll
    static void startS3() throws Exception {
        s3proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret").build();
        s3proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> s3proxy.getState().equals("STARTED"));
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + s3proxy.getPort())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"))).build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        s3proxy.stop();
    }

    @Override
    BackupTarget emptyTarget() {
        prefix = "nightly-" + UUID.randomUUID() + "/";
        return new S3Target(s3, BUCKET, prefix.substring(0, prefix.length() - 1)); // the adapter adds the slash
    }

    /** The key is the prefix, one slash, and the name: the adapter adds the slash when the setting lacks it. */
    @Override
    String expectedLocation(String name) {
        s3.headObject(b -> b.bucket(BUCKET).key(prefix + name)); // throws when the object is not at that key
        return "s3://" + BUCKET + "/" + prefix + name;
    }

    @Override
    void putStray(String name, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + name), RequestBody.fromBytes(content));
    }
}
