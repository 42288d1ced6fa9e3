package dev.mnemo.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vault pushing to an ssh remote served inside the test by JGit's ssh test server (Apache MINA sshd), signing in
 * with the key file {@code VAULT_GIT_SSH_KEY} names and checking the host against the known hosts beside it: a host
 * whose key is not the known one is refused, and the commits wait for the next push.
 */
@SqliteApp
class VaultSshRemoteTest {
    private static final Path BASE = TestDatabases.sqliteDataDir().resolve("vault-ssh");
    private static SshTestGitServer server;
    private static Repository bare;
    private static int port;
    private static KeyPair host;

    @Autowired
    Vault vault;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) throws Exception {
        VaultSyncContract.deleteTree(BASE);
        Path keys = Files.createDirectories(BASE.resolve("ssh"));
        bare = Git.init().setBare(true).setInitialBranch("main").setDirectory(BASE.resolve("served.git").toFile()).call()
                .getRepository();
        KeyPair person = ecKey();
        host = ecKey();
        try (OutputStream out = Files.newOutputStream(keys.resolve("id_ecdsa"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(person, "vault", null, out);
        }
        server = new SshTestGitServer("git", person.getPublic(), bare, host);
        port = server.start();
        knownHosts(host);
        registry.add("assistant.vault.dir", () -> BASE.resolve("vault").toString());
        registry.add("assistant.vault.git-remote", () -> "ssh://git@127.0.0.1:" + port + "/vault.git");
        registry.add("assistant.vault.git-ssh-key", () -> keys.resolve("id_ecdsa").toString());
        registry.add("assistant.vault.user", () -> "ssh-person");
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void knownHosts(KeyPair key) throws Exception {
        Files.writeString(BASE.resolve("ssh/known_hosts"),
                "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
    }

    @Test
    void sshRemotesAreKnownInBothTheirForms() {
        assertThat(VaultProperties.isSsh("ssh://git@example.org/me/vault.git")).isTrue();
        assertThat(VaultProperties.isSsh("git@example.org:me/vault.git")).isTrue();
        assertThat(VaultProperties.isSsh("https://example.org/me/vault.git")).isFalse();
        assertThat(VaultProperties.isSsh("https://token@example.org/me/vault.git")).isFalse();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void theVaultIsPushedOverSshWithItsKeyAndAHostWithAnotherKeyIsRefused() throws Exception {
        intake.remember("ssh-person", "My sister Ana lives in Porto", null);
        clock.advance(Duration.ofSeconds(5));
        SyncReport first = vault.sync();
        assertThat(first.pushed()).as(String.valueOf(vault.status().remoteError())).isTrue();
        assertThat(bare.resolve("refs/heads/main")).isNotNull();

        knownHosts(ecKey()); // the host's key is no longer the one this machine knows: a man in the middle, perhaps
        intake.remember("ssh-person", "I love hiking", null);
        clock.advance(Duration.ofSeconds(5));
        SyncReport refused = vault.sync();

        assertThat(refused.pushed()).isFalse();
        assertThat(vault.status().remote()).isEqualTo(VaultStatus.Remote.UNREACHABLE);
        assertThat(vault.status().remoteError()).as("refused for the host's key").containsIgnoringCase("key");
        knownHosts(host);
        clock.advance(Duration.ofSeconds(5));
        assertThat(vault.sync().pushed()).as("the waiting commit goes out once the host is known again").isTrue();
        Path clone = BASE.resolve("clone");
        Git.cloneRepository().setURI(bare.getDirectory().toURI().toString()).setDirectory(clone.toFile()).call().close();
        try (var files = Files.walk(clone.resolve("Memories"))) {
            assertThat(files.map(Path::toString)).anyMatch(f -> f.contains("hiking"));
        }
    }
}
