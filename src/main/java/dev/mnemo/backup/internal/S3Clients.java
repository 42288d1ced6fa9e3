package dev.mnemo.backup.internal;

import dev.mnemo.backup.BackupProperties;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The one S3 client, built on first use (most installations never back up to S3) and closed on shutdown. */
@Component
class S3Clients implements AutoCloseable {
    private final BackupProperties properties;
    private final SingletonSupplier<S3Client> client;
    private volatile boolean built;

    S3Clients(BackupProperties properties) {
        this.properties = properties;
        this.client = SingletonSupplier.of(this::build);
    }

    S3Client get() {
        return client.obtain();
    }

    private S3Client build() {
        built = true;
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.s3Region()))
                .credentialsProvider(properties.s3AccessKey() == null || properties.s3AccessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.s3AccessKey(), properties.s3SecretKey())));
        if (properties.s3Endpoint() != null && !properties.s3Endpoint().isBlank()) {
            // S3-compatible stores (B2, MinIO, older ones) do not all accept the SDK's default checksum trailers.
            builder.endpointOverride(URI.create(properties.s3Endpoint())).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Override
    public void close() {
        if (built) {
            client.obtain().close();
        }
    }
}
