package dev.mnemo.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnemo.backup.internal.ArchiveFormat;
import dev.mnemo.backup.internal.DatabaseSnapshot;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.ModelCall;
import dev.mnemo.cost.TokenUsage;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import dev.mnemo.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A backup taken while messages keep arriving, through a real S3 API (S3Proxy, in memory, on loopback), restored
 * into an empty database: every row of every table is the snapshot's. And the refusals: a tampered or corrupt
 * archive, a wrong passphrase, a database that already holds data.
 */
class BackupRoundTripTest {
    private static final String ACCESS = "backup-access";
    private static final String SECRET = "backup-secret-do-not-log";
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String BUCKET = "mnemo-backups";
    private static final MutableClock CLOCK = new MutableClock(TestClockConfiguration.START);
    private static S3Proxy s3proxy;
    private static String endpoint;

    @BeforeAll
    static void startS3() throws Exception {
        s3proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        s3proxy.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> s3proxy.getState().equals("STARTED"));
        endpoint = "http://127.0.0.1:" + s3proxy.getPort();
        try (S3Client s3 = s3()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3proxy.stop();
    }

    @Test
    void aBackupTakenUnderLoadRestoresEveryRowIntoAnEmptyDatabase() throws Exception {
        String location;
        try (ConfigurableApplicationContext live = start("live")) {
            fill(live);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(2);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(load.submit(() -> {
                    Conversation conversation = live.getBean(Conversation.class);
                    for (int i = 0; running.get(); i++) {
                        conversation.handle(new InboundMessage("load-" + writer, Channel.API, "/remember load fact " + writer + "-" + i));
                    }
                }));
            }
            location = live.getBean(Backups.class).backup(null).location();
            running.set(false);
            for (Future<?> f : writers) {
                f.get();
            }
            load.shutdown();
            assertThat(live.getBean(Backups.class).lastSuccess()).isPresent();
        }
        assertThat(location).startsWith("s3://" + BUCKET + "/nightly/mnemo-");
        byte[] archive = fetch(location);
        DatabaseSnapshot.Contents snapshot = DatabaseSnapshot.read(ArchiveFormat.open(archive, PASSPHRASE));

        try (ConfigurableApplicationContext empty = start("restored")) {
            Map<String, Long> restored = empty.getBean(Backups.class).restore(location, false);

            assertThat(restored).isEqualTo(snapshot.rows());
            assertThat(snapshot.rows().get("messages")).isPositive();
            assertThat(snapshot.rows().get("memory_vectors")).isPositive();
            // Every row of every table, byte for byte: export the restored database the same way and compare.
            try (Connection c = empty.getBean(DataSource.class).getConnection()) {
                DatabaseSnapshot.Contents again = DatabaseSnapshot.read(DatabaseSnapshot.export(c, "7", snapshot.createdAt()).zip());
                assertThat(again.tables().keySet()).isEqualTo(snapshot.tables().keySet());
                snapshot.tables().forEach((table, rows) -> assertThat(new String(again.tables().get(table)))
                        .as(table).isEqualTo(new String(rows)));
            }
            // A consistent snapshot: no reply without the message it answers.
            JdbcClient jdbc = empty.getBean(JdbcClient.class);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM messages o WHERE o.direction = 'OUT'
                    AND NOT EXISTS (SELECT 1 FROM messages i WHERE i.id = o.in_reply_to)""").query(Long.class).single()).isZero();

            // Now it holds data: a second restore is refused without --force, and allowed with it.
            assertThatThrownBy(() -> empty.getBean(Backups.class).restore(location, false))
                    .isInstanceOf(BackupException.class).hasMessageContaining("not empty");
            assertThat(empty.getBean(Backups.class).restore(location, true)).isEqualTo(snapshot.rows());
        }
    }

    @Test
    void aTamperedCorruptOrWronglyKeyedArchiveIsRefusedAndNothingChanges() throws Exception {
        try (ConfigurableApplicationContext app = start("refusals")) {
            fill(app);
            Backups backups = app.getBean(Backups.class);
            String location = backups.backup(null).location();
            byte[] archive = fetch(location);
            long messages = app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM messages").query(Long.class).single();

            byte[] tampered = archive.clone();
            tampered[tampered.length / 2] ^= 0x01;
            Path file = Files.createTempFile("tampered", ".mnb");
            Files.write(file, tampered);
            assertThatThrownBy(() -> backups.restore(file.toString(), true))
                    .isInstanceOf(BackupException.class).hasMessageContaining("tampered");

            assertThatThrownBy(() -> ArchiveFormat.open(archive, "wrong passphrase"))
                    .isInstanceOf(BackupException.class).hasMessageContaining("authentication failed");

            byte[] plain = ArchiveFormat.seal(ArchiveFormat.open(archive, PASSPHRASE), null);
            plain[plain.length / 2] ^= 0x01;
            assertThatThrownBy(() -> DatabaseSnapshot.read(ArchiveFormat.open(plain, null)))
                    .isInstanceOf(BackupException.class).hasMessageContaining("corrupt");

            assertThat(app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM messages").query(Long.class).single())
                    .isEqualTo(messages);
        }
    }

    /** Something in every kind of table: messages, memories with vectors, costs, reminders, settings. */
    private static void fill(ConfigurableApplicationContext app) {
        String user = "backup-" + UUID.randomUUID();
        Conversation conversation = app.getBean(Conversation.class);
        for (int i = 0; i < 20; i++) {
            conversation.handle(new InboundMessage(user, Channel.API, "/remember fact number " + i + ": I like tea " + i));
            conversation.handle(new InboundMessage(user, Channel.API, "hello, message " + i));
        }
        app.getBean(MemoryIntake.class).remember(user, "My sister Ana lives in Porto", null);
        app.getBean(CostLedger.class).record(new ModelCall(user, null, "SIMPLE", "anthropic", "claude-haiku-4-5",
                new TokenUsage(100, 10, 5, 1), Duration.ofMillis(3)));
        app.getBean(Reminders.class).schedule(user, "call mom", CLOCK.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC,
                Recurrence.WEEKLY, null);
    }

    private static ConfigurableApplicationContext start(String name) {
        return Instances.start(CLOCK, TestDatabases.sqliteDataDir().resolve("backup-" + name + "-" + UUID.randomUUID()).toString(),
                "assistant.backup.target=s3://" + BUCKET + "/nightly",
                "assistant.backup.s3-endpoint=" + endpoint,
                "assistant.backup.s3-access-key=" + ACCESS,
                "assistant.backup.s3-secret-key=" + SECRET,
                "assistant.backup.encryption-key=" + PASSPHRASE);
    }

    private static byte[] fetch(String location) {
        String key = location.substring(("s3://" + BUCKET + "/").length());
        try (S3Client s3 = s3()) {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
        }
    }

    private static S3Client s3() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build();
    }
}
