package dev.mnemo.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code VAULT_GIT_PURGE=true} a forget rewrites the vault's history, here and (force-pushed with lease) on
 * the remote: {@code git log -p --all} — the git command line, not JGit — no longer shows the forgotten text.
 */
@SqliteApp
class VaultPurgeTest {
    private static final Path BASE = TestDatabases.sqliteDataDir().resolve("vault-purge");
    private static final String PERSON = "purge-person";

    @LocalServerPort
    int port;
    @Autowired
    Vault vault;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MemoryControl control;

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) throws Exception {
        VaultSyncContract.deleteTree(BASE);
        Files.createDirectories(BASE);
        Git.init().setBare(true).setInitialBranch("main").setDirectory(BASE.resolve("remote.git").toFile()).call().close();
        registry.add("assistant.vault.dir", () -> BASE.resolve("vault").toString());
        registry.add("assistant.vault.git-remote", () -> BASE.resolve("remote.git").toUri().toString());
        registry.add("assistant.vault.user", () -> PERSON);
        registry.add("assistant.vault.git-purge", () -> "true");
    }

    @Test
    void aForgottenMemoryIsGoneFromTheHistoryHereAndOnTheRemote() throws Exception {
        Api api = new Api(port, SqliteApp.API_TOKEN);
        api.message(PERSON, "My locker code is in the blue notebook. I love hiking.");
        sync();
        api.message(PERSON, "I love swimming.");
        sync();
        Path folder = BASE.resolve("vault/Mnemo");
        assertThat(gitLog(folder)).contains("locker");
        assertThat(gitLog(BASE.resolve("remote.git"))).contains("locker");

        api.message(PERSON, "/forget locker");
        assertThat(api.message(PERSON, "/forget yes").json().get("reply").asString()).contains("and its git history");
        sync();

        assertThat(gitLog(folder)).doesNotContain("locker").contains("hiking", "swimming");
        assertThat(gitLog(BASE.resolve("remote.git"))).doesNotContain("locker").contains("hiking");
        try (Git git = Git.open(folder.toFile())) {
            assertThat(git.log().call()).hasSize(1);
        }
        api.message(PERSON, "I keep a diary.");
        api.message(PERSON, "I love cycling.");
        sync();
        try (Git git = Git.open(folder.toFile())) {
            assertThat(git.log().call()).as("afterwards, history grows again").hasSize(2);
        }
    }

    @Test
    void aPurgeWhosePushFailedGoesOutLaterWithoutUndoingWhatChangedMeanwhile() throws Exception {
        Api api = new Api(port, SqliteApp.API_TOKEN);
        api.message(PERSON, "My bike lock code is 4412. I love rowing. I love chess.");
        sync();
        Memory chess = control.all(PERSON, false).stream().filter(m -> m.text().contains("chess")).findFirst().orElseThrow();
        Memory rowing = control.all(PERSON, false).stream().filter(m -> m.text().contains("rowing")).findFirst().orElseThrow();
        Path remote = BASE.resolve("remote.git");
        Path away = BASE.resolve("remote-away.git");
        Files.move(remote, away);
        api.message(PERSON, "/forget bike lock");
        api.message(PERSON, "/forget yes");
        control.edit(PERSON, chess.id(), "I love chess, and play on Sundays.", null, 8, null);
        control.prune(PERSON, rowing.id());
        sync(); // history rewritten here; the push cannot go out
        Files.move(away, remote);

        SyncReport report = sync();

        assertThat(report.conflicts()).as("the old history is no one's edit").isZero();
        assertThat(vault.status().remote()).isEqualTo(VaultStatus.Remote.UP_TO_DATE);
        assertThat(control.get(PERSON, chess.id()).orElseThrow().text()).as("the chat's change stays")
                .isEqualTo("I love chess, and play on Sundays.");
        assertThat(control.get(PERSON, rowing.id())).as("still set aside").isEmpty();
        assertThat(gitLog(remote)).doesNotContain("4412").contains("play on Sundays");
        assertThat(gitLog(BASE.resolve("vault/Mnemo"))).doesNotContain("4412");
        assertThat(everyObject(BASE.resolve("vault/Mnemo"))).as("no object of the repository, reachable or not")
                .doesNotContain("4412").contains("play on Sundays");
    }

    /** Every object the repository holds, packed or loose, reachable or not, as git prints them. */
    private static String everyObject(Path repository) throws IOException, InterruptedException {
        return git(repository, "cat-file", "--batch-all-objects", "--batch");
    }

    private SyncReport sync() {
        VaultSyncContract.settle(worker, jdbc);
        clock.advance(Duration.ofSeconds(5));
        return vault.sync();
    }

    private static String gitLog(Path repository) throws IOException, InterruptedException {
        return git(repository, "log", "-p", "--all");
    }

    /** What the git command line prints, run in {@code repository}; it must succeed. */
    private static String git(Path repository, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as(out).isZero();
        return out;
    }
}
