package dev.mnemo.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.testing.Api;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import dev.mnemo.vault.internal.VaultFolderCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The vault against a git remote that another device (a second clone, as obsidian-git on a phone) pushes to: the
 * memories of a conversation become linked notes, committed and pushed; an edit and a deletion made on the other
 * device come back as an edit with history and a restorable prune; a change on both sides keeps both; a forgotten
 * memory leaves every file; a remote that is down keeps the commits. Run on each database.
 */
abstract class VaultSyncContract {
    static final String PERSON = "vault-person";

    @LocalServerPort
    int port;
    @Autowired
    Vault vault;
    @Autowired
    MemoryControl control;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MemoryJobWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    Api api;
    Path phone;

    /** Where this database's vault and remote live. */
    abstract String name();

    static Path base(String name) {
        return TestDatabases.sqliteDataDir().resolve("vault-" + name);
    }

    static Path vaultDir(String name) {
        return base(name).resolve("vault");
    }

    static Path remote(String name) {
        return base(name).resolve("remote.git");
    }

    static void properties(DynamicPropertyRegistry registry, String name) {
        try {
            deleteTree(base(name));
            Files.createDirectories(base(name));
            Git.init().setBare(true).setInitialBranch("main").setDirectory(remote(name).toFile()).call().close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        registry.add("assistant.vault.dir", () -> vaultDir(name).toString());
        registry.add("assistant.vault.git-remote", () -> remote(name).toUri().toString());
        registry.add("assistant.vault.user", () -> PERSON);
    }

    Path folder() {
        return vaultDir(name()).resolve("Mnemo");
    }

    @BeforeEach
    void startFromAnEmptyVault() throws Exception {
        api = new Api(port, SqliteApp.API_TOKEN);
        settle();
        for (boolean pruned : new boolean[] {false, true}) {
            control.all(PERSON, pruned).forEach(m -> control.delete(PERSON, m.id()));
        }
        settle();
        clock.advance(Duration.ofMinutes(1));
        vault.sync();
        clock.advance(Duration.ofSeconds(1));
        phone = base(name()).resolve("phone-" + System.nanoTime());
        Git.cloneRepository().setURI(remote(name()).toUri().toString()).setDirectory(phone.toFile()).call().close();
    }

    @AfterEach
    void remoteBack() throws IOException {
        Path away = remote(name()).resolveSibling("remote-away.git");
        if (Files.exists(away)) {
            Files.move(away, remote(name()));
        }
    }

    @Test
    void aConversationsMemoriesBecomeLinkedNotesCommittedAndPushed() throws Exception {
        say("My sister Ana lives in Porto. I can't stand coriander.");
        SyncReport report = sync();

        assertThat(report.summary()).contains("2 learned");
        assertThat(report.pushed()).isTrue();
        Path sister = note("sister Ana");
        assertThat(Files.readString(sister)).contains("mnemo_id: \"" + memoryWith("Porto").id() + "\"",
                "[[Mnemo/People/Ana|Ana]]");
        assertThat(folder().resolve("People/Ana.md")).content().contains("My sister Ana lives in Porto");
        assertThat(folder().resolve("Topics/Preferences.md")).content().contains("coriander");
        VaultFolderCheck.check(vaultDir(name()), "Mnemo");

        pull();
        assertThat(phone.resolve(folder().relativize(sister))).as("pushed to the remote").exists();
        try (Git remote = Git.open(remote(name()).toFile())) {
            RevCommit last = remote.log().setMaxCount(1).call().iterator().next();
            assertThat(last.getFullMessage()).contains("2 learned");
            assertThat(last.getAuthorIdent().getName()).isEqualTo("Mnemo");
        }
        assertThat(sync().summary()).as("nothing new: nothing committed").isEqualTo("nothing changed");
    }

    @Test
    void anEditAndADeletionMadeOnAnotherDeviceComeBackAsAnEditWithHistoryAndARestorablePrune() throws Exception {
        say("My sister Ana lives in Porto. I love hiking.");
        sync();
        pull();
        Memory sister = memoryWith("Porto");
        Memory hiking = memoryWith("hiking");
        Path sisterOnPhone = phone.resolve(folder().relativize(note("sister Ana")));
        Files.writeString(sisterOnPhone, Files.readString(sisterOnPhone)
                .replace("My sister Ana lives in Porto.", "My sister Ana lives in Lisbon now.")
                .replace("importance: " + sister.importance(), "importance: 9"));
        Files.delete(phone.resolve(folder().relativize(note("hiking"))));
        pushFromPhone("Edited on the phone");
        say("I love swimming."); // Mnemo moves on too before it hears of the phone's commit

        SyncReport report = sync();

        assertThat(report.fromVault()).isEqualTo(2);
        assertThat(report.pushed()).isTrue();
        Memory edited = control.get(PERSON, sister.id()).orElseThrow();
        assertThat(edited.text()).isEqualTo("My sister Ana lives in Lisbon now.");
        assertThat(edited.importance()).isEqualTo(9);
        List<MemoryVersion> history = control.history(PERSON, sister.id()).orElseThrow();
        assertThat(history).extracting(MemoryVersion::text, MemoryVersion::reason)
                .containsExactly(tuple("My sister Ana lives in Porto.", VersionReason.EDITED));
        assertThat(control.get(PERSON, hiking.id())).as("set aside, not deleted").isEmpty();
        assertThat(control.getPruned(PERSON, hiking.id())).isPresent();
        settle();
        sync();
        assertThat(Files.readString(note("sister Ana"))).contains("~~My sister Ana lives in Porto.~~", "edited");
        assertThat(archived("hiking")).exists();
        assertThat(note("swimming")).exists();
        pull();
        assertThat(phone.resolve(folder().relativize(note("swimming")))).as("the phone gets what Mnemo learned").exists();
        assertThat(phone.resolve(folder().relativize(archived("hiking")))).exists();
        VaultFolderCheck.check(vaultDir(name()), "Mnemo");

        assertThat(control.restore(PERSON, hiking.id())).as("restorable").isTrue();
    }

    @Test
    void aMemoryChangedOnBothSidesKeepsBothVersionsWritesAConflictNoteAndTellsThePerson() throws Exception {
        say("My sister Ana lives in Porto.");
        sync();
        pull();
        Memory sister = memoryWith("Porto");
        Path onPhone = phone.resolve(folder().relativize(note("sister Ana")));
        Files.writeString(onPhone, Files.readString(onPhone).replace("lives in Porto", "lives in Faro"));
        pushFromPhone("Phone edit");
        control.edit(PERSON, sister.id(), "My sister Ana lives in Braga.", null, null, null);
        long noticesBefore = conflictNotices();

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(control.get(PERSON, sister.id()).orElseThrow().text()).isEqualTo("My sister Ana lives in Braga.");
        Path conflicts = folder().resolve("Conflicts");
        assertThat(conflicts).isDirectory();
        try (Stream<Path> files = Files.list(conflicts)) {
            String conflict = Files.readString(files.findFirst().orElseThrow());
            assertThat(conflict).contains("My sister Ana lives in Faro.", "My sister Ana lives in Braga.");
        }
        assertThat(Files.readString(note("sister Ana"))).contains("Braga");
        await().atMost(Duration.ofSeconds(10)).until(() -> conflictNotices() == noticesBefore + 1);
        pull();
        assertThat(phone.resolve(folder().relativize(note("sister Ana")))).content().contains("Braga");
    }

    @Test
    void inboxLinesFromBothSidesAreEachRememberedOnceAndMergeMarkersAndHeadingsAreNot() throws Exception {
        Path inbox = folder().resolve("Inbox.md");
        Path onPhone = phone.resolve("Inbox.md");
        Files.writeString(onPhone, Files.readString(onPhone)
                + "<<<<<<< HEAD\n- Rita's birthday is on 3 May\n=======\n- I play the cello\n>>>>>>> phone\n");
        pushFromPhone("Inbox lines on the phone, merged badly");
        Files.writeString(inbox, Files.readString(inbox) + "## Things to keep\n- My dentist is Dr Okafor\n");

        SyncReport report = sync();

        assertThat(report.fromVault()).isEqualTo(3);
        assertThat(control.all(PERSON, false)).extracting(Memory::text).noneMatch(t -> t.contains("<<<<") || t.contains("===")
                || t.contains("Things to keep"));
        assertThat(memoryWith("cello")).isNotNull();
        assertThat(memoryWith("Okafor")).isNotNull();
        assertThat(memoryWith("Rita")).isNotNull();
        assertThat(Files.readString(inbox)).contains("## Things to keep").doesNotContain("cello", "Okafor");
        int count = control.all(PERSON, false).size();
        settle();
        sync();
        assertThat(control.all(PERSON, false)).as("nothing remembered twice").hasSize(count);
    }

    @Test
    void aLineInTheInboxBecomesAMemoryAndTheInboxIsEmptied() throws Exception {
        Path inbox = folder().resolve("Inbox.md");
        Files.writeString(inbox, Files.readString(inbox) + "- Tom's allergic to nuts\n");

        SyncReport report = sync();

        assertThat(report.fromVault()).isEqualTo(1);
        assertThat(memoryWith("nuts").text()).contains("Tom");
        assertThat(Files.readString(inbox)).doesNotContain("nuts");
        settle();
        sync();
        assertThat(note("nuts")).exists();
        assertThat(folder().resolve("People/Tom.md")).exists();
    }

    @Test
    void aForgottenMemoryLeavesEveryFileAndTheReplySaysTheHistoryStillHoldsIt() throws Exception {
        say("My locker code is in the blue notebook. I love hiking.");
        sync();
        assertThat(note("locker")).exists();

        say("/forget locker");
        assertThat(say("/forget yes")).contains("git history still holds it");
        settle();
        sync();

        try (Stream<Path> files = Files.walk(folder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("locker");
            }
        }
        assertThat(note("hiking")).exists();
        pull();
        try (Stream<Path> files = Files.walk(phone)) {
            assertThat(files.filter(f -> f.toString().endsWith(".md")).map(Path::toString)).noneMatch(f -> f.contains("locker"));
        }
    }

    @Test
    void aRemoteThatIsDownKeepsTheCommitsForTheNextPushAndHealthIsDegraded() throws Exception {
        Files.move(remote(name()), remote(name()).resolveSibling("remote-away.git"));
        say("I love swimming.");
        SyncReport offline = sync();
        assertThat(offline.pushed()).isFalse();
        assertThat(vault.status().remote()).isEqualTo(VaultStatus.Remote.UNREACHABLE);
        assertThat(api.get("/actuator/health").json().get("components").get("vault").get("status").asString())
                .isEqualTo("DEGRADED");
        assertThat(say("/vault")).contains("could not be reached");

        remoteBack();
        SyncReport online = sync();

        assertThat(online.pushed()).isTrue();
        assertThat(vault.status().remote()).isEqualTo(VaultStatus.Remote.UP_TO_DATE);
        pull();
        assertThat(phone.resolve(folder().relativize(note("swimming")))).exists();
    }

    @Test
    void aSensitiveMemoryStaysOutOfTheVault() throws Exception {
        intake.remember(PERSON, "My email is ana.silva@example.com", null);
        intake.remember(PERSON, "I love hiking", null);
        assertThat(memoryWith("example.com").tags()).contains("sensitive");
        sync();
        try (Stream<Path> files = Files.walk(folder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                assertThat(Files.readString(file)).doesNotContain("example.com");
            }
        }
        assertThat(note("hiking")).exists();
    }

    @Test
    void aNoteForgottenInAnUnpushedCommitDoesNotComeBackWithTheRemotesCommits() throws Exception {
        say("My locker code is in the blue notebook. I love hiking.");
        sync();
        pull();
        Files.move(remote(name()), remote(name()).resolveSibling("remote-away.git"));
        say("/forget locker");
        say("/forget yes");
        assertThat(sync().pushed()).as("the remote is down").isFalse();
        remoteBack();
        Path hikingOnPhone = phone.resolve(folder().relativize(note("hiking")));
        Files.writeString(hikingOnPhone, Files.readString(hikingOnPhone).replace("I love hiking.", "I love hiking in the Alps."));
        pushFromPhone("Phone edit while Mnemo was away");

        SyncReport report = sync();

        assertThat(report.pushed()).isTrue();
        assertThat(memoryWith("hiking").text()).isEqualTo("I love hiking in the Alps.");
        assertNoFileSays(folder(), "locker");
        pull();
        assertNoFileSays(phone, "locker");
    }

    @Test
    void anOlderEditFromThePhoneNeverOverwritesAChatChangeThatWaitsToBePushed() throws Exception {
        say("My sister Ana lives in Porto.");
        sync();
        pull();
        Memory sister = memoryWith("Porto");
        Path onPhone = phone.resolve(folder().relativize(note("sister Ana")));
        Files.move(remote(name()), remote(name()).resolveSibling("remote-away.git"));
        control.edit(PERSON, sister.id(), "My sister Ana lives in Braga.", null, null, null);
        assertThat(sync().pushed()).isFalse();
        remoteBack();
        Files.writeString(onPhone, Files.readString(onPhone).replace("lives in Porto", "lives in Faro"));
        pushFromPhone("Phone edit of the version before");

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(control.get(PERSON, sister.id()).orElseThrow().text()).isEqualTo("My sister Ana lives in Braga.");
        assertThat(conflictNotes()).singleElement().satisfies(c -> assertThat(c).content()
                .contains("My sister Ana lives in Faro.", "My sister Ana lives in Braga."));
        assertThat(conflictNotes().getFirst().getFileName().toString()).as("no memory words in its name")
                .doesNotContain("sister", "Ana");
    }

    @Test
    void aConflictFoundHereSurvivesTheRemotesCommitsInTheSameSync() throws Exception {
        say("My sister Ana lives in Porto.");
        sync();
        pull();
        Memory sister = memoryWith("Porto");
        Path here = note("sister Ana");
        Files.writeString(here, Files.readString(here).replace("lives in Porto", "lives in Faro"));
        control.edit(PERSON, sister.id(), "My sister Ana lives in Braga.", null, null, null);
        Files.writeString(phone.resolve("Phone note.md"), "# From the phone\n");
        pushFromPhone("Something else on the phone");

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(conflictNotes()).singleElement().satisfies(c -> assertThat(c).content().contains("Faro", "Braga"));
        pull();
        assertThat(phone.resolve(folder().relativize(conflictNotes().getFirst()))).as("pushed").exists();
        Files.delete(folder().resolve("Phone note.md"));
    }

    @Test
    void aFileMergedWithConflictMarkersOnThePhoneIsKeptAsAConflictNotAsTheMemory() throws Exception {
        say("I love hiking.");
        sync();
        pull();
        Path onPhone = phone.resolve(folder().relativize(note("hiking")));
        Files.writeString(onPhone, Files.readString(onPhone).replace("I love hiking.",
                "<<<<<<< HEAD\nI love hiking.\n=======\nI love climbing.\n>>>>>>> phone"));
        pushFromPhone("A merge left unresolved");

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(memoryWith("hiking").text()).isEqualTo("I love hiking.");
        assertThat(Files.readString(note("hiking"))).doesNotContain("<<<<<<<");
    }

    @Test
    void thePersonsOwnFilesInTheFolderSurviveTheRemotesCommits() throws Exception {
        say("I love hiking.");
        sync();
        pull();
        Files.writeString(folder().resolve("My plans.md"), "# Plans\n\nWalk the Camino.\n");
        Files.createDirectories(folder().resolve("People"));
        Files.writeString(folder().resolve("People/Gift ideas.md"), "- a kite for Tom\n");
        Files.createDirectories(folder().resolve("Attachments"));
        Files.write(folder().resolve("Attachments/map.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.writeString(phone.resolve("From the phone.md"), "# Phone\n");
        pushFromPhone("A note of the person's own on the phone");

        SyncReport report = sync();

        assertThat(report.pushed()).isTrue();
        assertThat(folder().resolve("My plans.md")).content().contains("Camino");
        assertThat(folder().resolve("Attachments/map.bin")).hasBinaryContent(new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(folder().resolve("From the phone.md")).exists();
        assertThat(folder().resolve("People/Gift ideas.md")).as("the person's own, in a folder of Mnemo's")
                .content().isEqualTo("- a kite for Tom\n");
        pull();
        assertThat(phone.resolve("My plans.md")).content().contains("Camino");
    }

    @Test
    void aResetToTheRemoteCutShortIsFinishedByTheNextSync() throws Exception {
        say("I love hiking.");
        sync();
        pull();
        Path onPhone = phone.resolve(folder().relativize(note("hiking")));
        Files.writeString(onPhone, Files.readString(onPhone).replace("I love hiking.", "I love hiking in Wales."));
        pushFromPhone("Phone edit");
        Files.writeString(folder().resolve("Kept notes.md"), "mine\n");
        try (Git git = Git.open(folder().toFile())) {
            // What a sync had done when it died: this side committed and marked, the folder reset to the remote.
            git.add().addFilepattern("Kept notes.md").call();
            PersonIdent mnemo = new PersonIdent("Mnemo", "mnemo@localhost");
            RevCommit mine = git.commit().setMessage("Changes made in the vault").setAuthor(mnemo).setCommitter(mnemo).call();
            RefUpdate mark = git.getRepository().updateRef("refs/mnemo/pre-reset");
            mark.setNewObjectId(mine);
            mark.forceUpdate();
            git.fetch().call();
            RefUpdate target = git.getRepository().updateRef("refs/mnemo/reset-target");
            target.setNewObjectId(git.getRepository().resolve("refs/remotes/origin/main"));
            target.forceUpdate();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/main").call();
        }
        assertThat(folder().resolve("Kept notes.md")).doesNotExist();

        SyncReport report = sync();

        assertThat(folder().resolve("Kept notes.md")).content().isEqualTo("mine\n");
        assertThat(memoryWith("hiking").text()).isEqualTo("I love hiking in Wales.");
        assertThat(report.pushed()).isTrue();
        try (Git git = Git.open(folder().toFile())) {
            assertThat(git.getRepository().resolve("refs/mnemo/pre-reset")).as("finished").isNull();
        }
        pull();
        assertThat(phone.resolve("Kept notes.md")).exists();
        Files.delete(folder().resolve("Kept notes.md"));
    }

    @Test
    void aResetCutShortWhileItCheckedOutTheFilesIsDoneAgain() throws Exception {
        say("I love hiking.");
        sync();
        pull();
        Path onPhone = phone.resolve(folder().relativize(note("hiking")));
        Files.writeString(onPhone, Files.readString(onPhone).replace("I love hiking.", "I love hiking in Skye."));
        pushFromPhone("Phone edit");
        try (Git git = Git.open(folder().toFile())) {
            // HEAD moved to the remote's commit, the files not yet: JGit's reset had died between the two.
            git.fetch().call();
            var mine = git.getRepository().resolve("HEAD");
            var theirs = git.getRepository().resolve("refs/remotes/origin/main");
            for (String[] ref : new String[][] {{"refs/mnemo/pre-reset", mine.name()}, {"refs/mnemo/reset-target", theirs.name()}}) {
                RefUpdate mark = git.getRepository().updateRef(ref[0]);
                mark.setNewObjectId(ObjectId.fromString(ref[1]));
                mark.forceUpdate();
            }
            git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(theirs.name()).call();
        }

        sync();

        assertThat(memoryWith("hiking").text()).isEqualTo("I love hiking in Skye.");
        assertThat(Files.readString(note("hiking"))).contains("I love hiking in Skye.");
    }

    @Test
    void aNoteThatIsNotUtf8IsLeftAloneAndTheSyncGoesOn() throws Exception {
        say("I love hiking.");
        sync();
        byte[] broken = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
        Files.write(note("hiking"), broken);
        say("I love swimming.");

        SyncReport report = sync();

        assertThat(report.unreadable()).isEqualTo(1);
        assertThat(note("hiking")).hasBinaryContent(broken);
        assertThat(note("swimming")).exists();
        assertThat(memoryWith("hiking").text()).isEqualTo("I love hiking.");
        assertThat(say("/vault sync")).contains("could not be read");
    }

    @Test
    void anEditInTheVaultKeepsTheMemorysTagsAsTheyWere() throws Exception {
        say("I love hiking.");
        Memory hiking = memoryWith("hiking");
        control.edit(PERSON, hiking.id(), null, null, null, List.of("Outdoor life", "hobbies"));
        List<String> tags = control.get(PERSON, hiking.id()).orElseThrow().tags();
        sync();
        Path file = note("hiking");
        assertThat(Files.readString(file)).contains("\"outdoor-life\"");
        Files.writeString(file, Files.readString(file).replace("I love hiking.", "I love hiking with Tom."));

        sync();

        Memory edited = control.get(PERSON, hiking.id()).orElseThrow();
        assertThat(edited.text()).isEqualTo("I love hiking with Tom.");
        assertThat(edited.tags()).containsExactlyInAnyOrderElementsOf(tags).contains("hobbies").doesNotContain("outdoor-life").anyMatch(t -> t.equalsIgnoreCase("outdoor life"));
    }

    @Test
    void aLinkInTheFolderIsNeverFollowed() throws Exception {
        say("I love hiking.");
        sync();
        Path outside = base(name()).resolve("outside-" + System.nanoTime());
        Files.createDirectories(outside);
        Path people = folder().resolve("People");
        deleteTree(people);
        Files.createSymbolicLink(people, outside);
        say("My brother Tom lives in Leeds.");
        try {
            assertThatThrownBy(this::sync).hasMessageContaining("link");
            try (Stream<Path> files = Files.list(outside)) {
                assertThat(files).as("nothing written through the link").isEmpty();
            }
        } finally {
            Files.delete(people);
        }
        assertThat(sync().written()).isPositive();
        assertThat(folder().resolve("People/Tom.md")).exists();
    }

    @Test
    void incrementalSyncsLeaveTheFolderAsAFullExportWritesIt() throws Exception {
        say("My sister Ana lives in Porto. I love hiking. Tom's allergic to nuts.");
        sync();
        Memory sister = memoryWith("Porto");
        control.edit(PERSON, sister.id(), "My sister Ana moved to Lisbon with Tom.", null, null, List.of("family"));
        sync();
        control.prune(PERSON, memoryWith("hiking").id());
        say("Rui is my running partner.");
        sync();

        Memory tom = memoryWith("nuts");
        control.edit(PERSON, tom.id(), "Tom's allergic to nuts and shellfish.", null, 9, null); // same people and topics
        sync();

        Path export = base(name()).resolve("export-" + System.nanoTime());
        vault.export(PERSON, export, n -> { });
        for (String dir : List.of("Memories", "_Archive", "People", "Topics")) {
            assertThat(tree(folder().resolve(dir))).as(dir).isEqualTo(tree(export.resolve("Mnemo").resolve(dir)));
        }
        // The days and the index have no export to compare with: written from scratch, they must be what is there.
        Map<String, String> days = tree(folder().resolve("Daily"));
        String index = Files.readString(folder().resolve("Index.md"));
        deleteTree(folder().resolve("Daily"));
        Files.delete(folder().resolve("Index.md"));
        vault.sync();
        assertThat(tree(folder().resolve("Daily"))).isEqualTo(days);
        assertThat(folder().resolve("Index.md")).content().isEqualTo(index);
    }

    /** Every note of Mnemo's under {@code dir} (not the person's own), by relative path, with its text. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    if (text.startsWith("---\n")) {
                        files.put(dir.relativize(file).toString(), text);
                    }
                }
            }
        }
        return files;
    }

    private void assertNoFileSays(Path dir, String words) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains(".git")).toList()) {
                assertThat(file.toString()).doesNotContain(words);
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(words);
            }
        }
    }

    private long conflictNotices() {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND kind = 'NOTICE' AND text LIKE '%Conflicts/%'")
                .param(PERSON).query(Long.class).single();
    }

    private List<Path> conflictNotes() throws IOException {
        Path conflicts = folder().resolve("Conflicts");
        if (!Files.isDirectory(conflicts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(conflicts)) {
            return files.sorted().toList();
        }
    }

    private SyncReport sync() {
        settle();
        clock.advance(Duration.ofSeconds(5));
        return vault.sync();
    }

    private String say(String text) {
        Api.Response response = api.message(PERSON, text);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        worker.drain();
        return response.json().get("reply").asString();
    }

    private void settle() {
        settle(worker, jdbc);
    }

    /** Every event of the memories has reached its listeners (the vault's log among them). */
    static void settle(MemoryJobWorker worker, JdbcClient jdbc) {
        worker.drain();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publications WHERE completion_date IS NULL AND status <> 'FAILED'")
                .query(Long.class).single() == 0);
    }

    private Memory memoryWith(String words) {
        return control.all(PERSON, false).stream().filter(m -> m.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no memory says " + words + ": " + control.all(PERSON, false)));
    }

    private Path note(String words) throws IOException {
        return find(folder().resolve("Memories"), words).orElse(folder().resolve("Memories/none with " + words));
    }

    private Path archived(String words) throws IOException {
        return find(folder().resolve("_Archive"), words).orElse(folder().resolve("_Archive/none with " + words));
    }

    private static Optional<Path> find(Path dir, String words) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(words)).findFirst();
        }
    }

    private void pull() throws Exception {
        try (Git git = Git.open(phone.toFile())) {
            assertThat(git.pull().setRebase(true).call().isSuccessful()).isTrue();
        }
    }

    private void pushFromPhone(String message) throws Exception {
        try (Git git = Git.open(phone.toFile())) {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Priya's phone", "phone@example.com");
            git.commit().setMessage(message).setAuthor(me).setCommitter(me).call();
            git.push().call().forEach(r -> r.getRemoteUpdates().forEach(u ->
                    assertThat(u.getStatus().name()).isEqualTo("OK")));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }
}
