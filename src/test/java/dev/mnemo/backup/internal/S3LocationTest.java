package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One parser for s3:// addresses: a target's prefix and an archive's key alike. */
class S3LocationTest {

    @Test
    void aBucketAPrefixAndAnArchiveAreTakenApart() {
        S3Location archive = S3Location.parse("s3://backups/nightly/mnemo-20261126-033000.mnb");
        assertThat(archive.bucket()).isEqualTo("backups");
        assertThat(archive.prefix()).isEqualTo("nightly/");
        assertThat(archive.name()).isEqualTo("mnemo-20261126-033000.mnb");
        assertThat(archive).hasToString("s3://backups/nightly/mnemo-20261126-033000.mnb");

        assertThat(S3Location.parse("s3://backups")).isEqualTo(new S3Location("backups", ""));
        assertThat(S3Location.parse("s3://backups/").name()).isEmpty();
        assertThat(S3Location.parse("s3://backups/a/b/c.mnb").prefix()).isEqualTo("a/b/");
        assertThat(S3Location.is("/var/backups")).isFalse();
    }

    @Test
    void withoutABucketItIsRefused() {
        assertThatThrownBy(() -> S3Location.parse("s3:///key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> S3Location.parse("/var/backups")).isInstanceOf(IllegalArgumentException.class);
    }
}
