package dev.mnemo.vault.internal;

import java.io.File;
import java.io.IOException;
import java.text.ParseException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FileUtils;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Mnemo's folder of the vault as a git repository (JGit), on branch {@code main}, with the remote as {@code origin}.
 */
final class VaultGit implements AutoCloseable {
    static final String BRANCH = "main";
    private static final String REMOTE = "origin";
    /** The repository's own config section: whose memories the folder holds, the remote's tip a purge replaced. */
    private static final String MNEMO_SECTION = "mnemo";
    /** This side's commit while a reset to the remote is being finished: nothing of it is lost if that is cut short. */
    private static final String PRE_RESET = "refs/mnemo/pre-reset";
    private static final String RESET_TARGET = "refs/mnemo/reset-target";
    /** A remote that does not answer within this is down: the commits wait for the next push. */
    private static final int TIMEOUT_SECONDS = 60;
    private static final PersonIdent MNEMO = new PersonIdent("Mnemo", "mnemo@localhost");

    private final Git git;
    private final CredentialsProvider credentials;
    /** Signs in over ssh with the configured key only, checking the host against the configured known hosts. */
    private final SshdSessionFactory ssh;

    private VaultGit(Git git, CredentialsProvider credentials, SshdSessionFactory ssh) {
        this.git = git;
        this.credentials = credentials;
        this.ssh = ssh;
    }

    /** Opens the repository, creating it (and the folder) the first time; points {@code origin} at the remote. */
    static VaultGit open(Path root, String user, GitRemote gitRemote) throws IOException, GitAPIException {
        String remote = gitRemote.url();
        Files.createDirectories(root);
        Git git = Files.isDirectory(root.resolve(".git")) ? Git.open(root.toFile())
                : Git.init().setDirectory(root.toFile()).setInitialBranch(BRANCH).call();
        StoredConfig config = git.getRepository().getConfig();
        String owner = config.getString(MNEMO_SECTION, null, "user");
        if (owner != null && !owner.equals(user)) {
            git.close();
            throw new IllegalStateException("the vault folder " + root + " holds the memories of another person (user "
                    + owner + "): set VAULT_USER back to " + owner + ", or give user " + user + " a vault of their own "
                    + "with another VAULT_DIR or VAULT_FOLDER");
        }
        if (owner == null) {
            config.setString(MNEMO_SECTION, null, "user", user);
            config.save();
        }
        boolean hasRemote = remote != null && !remote.isBlank();
        String current = config.getString("remote", REMOTE, "url");
        if (hasRemote && !remote.equals(current)) {
            URIish uri;
            try {
                uri = new URIish(remote);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("VAULT_GIT_REMOTE is not a git URL", e);
            }
            if (current == null) {
                git.remoteAdd().setName(REMOTE).setUri(uri).call();
            } else {
                git.remoteSetUrl().setRemoteName(REMOTE).setRemoteUri(uri).call();
            }
        }
        String token = gitRemote.token();
        CredentialsProvider credentials = hasRemote && !gitRemote.ssh() && token != null && !token.isBlank()
                ? new UsernamePasswordCredentialsProvider("x-access-token", token) : null;
        return new VaultGit(git, credentials, gitRemote.ssh() ? sshFactory(gitRemote) : null);
    }

    private static SshdSessionFactory sshFactory(GitRemote remote) {
        File sshDir = remote.sshKey().getParent().toFile();
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshDir.getParentFile() != null ? sshDir.getParentFile() : sshDir)
                .setSshDirectory(sshDir)
                // Nothing of the machine's own ssh setup (config, agent, other keys) takes part.
                .setConfigFile(dir -> new File(dir, "mnemo-no-ssh-config"))
                .setDefaultIdentities(dir -> List.of(remote.sshKey()))
                .setDefaultKnownHostsFiles(dir -> List.of(remote.knownHosts()))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    private <C extends TransportCommand<C, ?>> C signedIn(C command) {
        command.setCredentialsProvider(credentials);
        if (ssh != null) {
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(ssh);
                }
            });
        }
        return command;
    }

    Optional<ObjectId> head() throws IOException {
        return Optional.ofNullable(git.getRepository().resolve(Constants.HEAD));
    }

    /** Files changed in the folder since the last commit: the person's edits made right here. */
    Set<String> uncommitted() throws GitAPIException {
        Status status = git.status().call();
        Set<String> paths = new HashSet<>();
        paths.addAll(status.getModified());
        paths.addAll(status.getChanged());
        paths.addAll(status.getAdded());
        paths.addAll(status.getUntracked());
        paths.addAll(status.getMissing());
        paths.addAll(status.getRemoved());
        return paths;
    }

    /**
     * Commits these paths of the folder as Mnemo (written, or deleted), without walking the rest of it; false when
     * they leave the tree as it was.
     */
    boolean commit(Set<String> paths, String message, Instant at) throws GitAPIException, IOException {
        if (paths.isEmpty()) {
            return false;
        }
        Repository repo = git.getRepository();
        Path root = repo.getWorkTree().toPath();
        ObjectId tree;
        // One edit of the index for exactly these paths: git add and git rm would each walk and rewrite all of it.
        DirCache index = repo.lockDirCache();
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCacheEditor editor = index.editor();
            for (String path : paths) {
                Path file;
                try {
                    file = VaultFiles.inside(root, path);
                } catch (IllegalStateException e) {
                    continue; // through a link of the person's: neither followed nor removed
                }
                if (Files.isSymbolicLink(file)) {
                    continue;
                }
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && sameName(file)) {
                    // Stat first: an edit saved while the bytes are read then looks changed to git, not clean.
                    Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                    FileMode mode = Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                    byte[] bytes = Files.readAllBytes(file);
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bytes);
                    editor.add(new DirCacheEditor.PathEdit(path) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(mode);
                            entry.setObjectId(blob);
                            entry.setLength(bytes.length);
                            entry.setLastModified(modified);
                        }
                    });
                } else {
                    editor.add(new DirCacheEditor.DeletePath(path));
                }
            }
            editor.finish();
            tree = index.writeTree(inserter);
            inserter.flush();
            index.write();
            if (!index.commit()) {
                throw new IOException("the vault's git index could not be written");
            }
        } finally {
            index.unlock();
        }
        Optional<ObjectId> head = head();
        if (head.isPresent()) {
            try (RevWalk walk = new RevWalk(repo)) {
                if (walk.parseCommit(head.get()).getTree().getId().equals(tree)) {
                    return false;
                }
            }
        }
        PersonIdent who = new PersonIdent(MNEMO, at, ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
        return true;
    }

    /**
     * False when the file is there only under another case of its name (a case-insensitive disk after a rename that
     * changed only case): the path given is then gone, and must leave the index.
     */
    private static boolean sameName(Path file) throws IOException {
        return file.toRealPath(LinkOption.NOFOLLOW_LINKS).getFileName().toString().equals(file.getFileName().toString());
    }

    /** A reset to the remote left unfinished: this side's commit and the remote's it was resetting to. */
    record UnfinishedReset(ObjectId ours, ObjectId theirs) {
    }

    Optional<UnfinishedReset> unfinishedReset() throws IOException {
        ObjectId ours = git.getRepository().resolve(PRE_RESET);
        ObjectId theirs = git.getRepository().resolve(RESET_TARGET);
        return ours == null || theirs == null ? Optional.empty() : Optional.of(new UnfinishedReset(ours, theirs));
    }

    void markReset(ObjectId ours, ObjectId theirs) throws IOException {
        setRef(RESET_TARGET, theirs);
        setRef(PRE_RESET, ours);
    }

    void clearReset() throws IOException {
        for (String name : List.of(PRE_RESET, RESET_TARGET)) {
            if (git.getRepository().resolve(name) != null) {
                RefUpdate delete = git.getRepository().updateRef(name);
                delete.setForceUpdate(true);
                RefUpdate.Result result = delete.delete();
                if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                    throw new IOException("the vault's " + name + " could not be removed: " + result);
                }
            }
        }
    }

    private void setRef(String name, ObjectId commit) throws IOException {
        RefUpdate update = git.getRepository().updateRef(name);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.forceUpdate();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("the vault's " + name + " could not be set: " + result);
        }
    }

    /** The remote's tip as the last fetch saw it. */
    Optional<ObjectId> trackedRemote() throws IOException {
        return Optional.ofNullable(git.getRepository().resolve("refs/remotes/" + REMOTE + "/" + BRANCH));
    }

    /** The remote's tip when a purge replaced this side's history and the push did not go out yet. */
    Optional<ObjectId> purgedRemote() {
        String id = git.getRepository().getConfig().getString(MNEMO_SECTION, null, "purgedRemote");
        return id == null ? Optional.empty() : Optional.of(ObjectId.fromString(id));
    }

    void purgedRemote(Optional<ObjectId> tip) throws IOException {
        StoredConfig config = git.getRepository().getConfig();
        if (tip.isPresent()) {
            config.setString(MNEMO_SECTION, null, "purgedRemote", tip.get().name());
        } else {
            config.unset(MNEMO_SECTION, null, "purgedRemote");
        }
        config.save();
    }

    /** True when {@code ancestor} is {@code commit} or in its history; false too when either is not here. */
    boolean isAncestorQuietly(ObjectId ancestor, ObjectId commit) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(commit));
        } catch (IOException e) {
            return false;
        }
    }

    /** The remote's {@code main} after fetching; empty when the remote has none yet. */
    Optional<ObjectId> fetch() throws GitAPIException, IOException {
        FetchResult result = signedIn(git.fetch()).setRemote(REMOTE).setTimeout(TIMEOUT_SECONDS)
                .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/" + REMOTE + "/*")).call();
        return Optional.ofNullable(result.getAdvertisedRef("refs/heads/" + BRANCH)).map(r -> r.getObjectId());
    }

    /** True when {@code commit} is already part of this branch's history (nothing to take from the remote). */
    boolean contains(ObjectId commit) throws IOException {
        Optional<ObjectId> head = head();
        return head.isPresent() && isAncestorQuietly(commit, head.get());
    }

    /** The last commit both share; empty when they have none (or this branch has no commit yet). */
    Optional<ObjectId> mergeBase(ObjectId a, ObjectId b) throws IOException {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            return Optional.ofNullable(base).map(RevCommit::getId);
        }
    }

    /** Paths that differ between two commits ({@code from} empty: every path of {@code to}). */
    Set<String> changed(Optional<ObjectId> from, ObjectId to) throws IOException {
        Set<String> paths = new HashSet<>();
        try (RevWalk walk = new RevWalk(git.getRepository());
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(git.getRepository());
            RevCommit target = walk.parseCommit(to);
            for (DiffEntry entry : diff.scan(from.isPresent() ? walk.parseCommit(from.get()).getTree() : null,
                    target.getTree())) {
                if (!entry.getOldPath().equals(DiffEntry.DEV_NULL)) {
                    paths.add(entry.getOldPath());
                }
                if (!entry.getNewPath().equals(DiffEntry.DEV_NULL)) {
                    paths.add(entry.getNewPath());
                }
            }
        }
        return paths;
    }

    /**
     * Makes the branch and its tracked files exactly {@code commit}. Files git does not track are left alone: the sync
     * commits everything it wants kept before it resets.
     */
    void resetTo(ObjectId commit) throws GitAPIException {
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
    }

    /** A file's bytes as {@code commit} has it; empty when the commit has no such file. */
    Optional<byte[]> bytes(ObjectId commit, String path) throws IOException {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo);
             TreeWalk file = TreeWalk.forPath(repo, path, walk.parseCommit(commit).getTree())) {
            if (file == null) {
                return Optional.empty();
            }
            return Optional.of(repo.open(file.getObjectId(0)).getBytes());
        }
    }

    /**
     * Pushes {@code main}; fast-forward only, or with {@code force} only over what the remote had at the last fetch
     * (force-with-lease).
     *
     * @throws IOException when the remote refused
     */
    void push(boolean force, Optional<ObjectId> lease) throws GitAPIException, IOException {
        var push = signedIn(git.push()).setRemote(REMOTE).setTimeout(TIMEOUT_SECONDS)
                .setRefSpecs(new RefSpec((force ? "+" : "") + "refs/heads/" + BRANCH + ":refs/heads/" + BRANCH));
        if (force && lease.isPresent()) {
            push.setRefLeaseSpecs(new RefLeaseSpec("refs/heads/" + BRANCH, lease.get().name()));
        }
        for (PushResult result : push.call()) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new IOException("the remote refused the push: " + update.getStatus()
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
    }

    /**
     * Replaces the whole history by one commit of the current folder, and deletes what the old history kept: reflogs,
     * the remote-tracking branch, and every object no longer reachable. A forgotten memory's text then exists in no
     * commit of this repository.
     */
    void replaceHistory(String message, Instant at) throws IOException, GitAPIException {
        Repository repo = git.getRepository();
        ObjectId root;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            RevCommit head = walk.parseCommit(repo.resolve(Constants.HEAD));
            CommitBuilder commit = new CommitBuilder();
            PersonIdent who = new PersonIdent(MNEMO, at, ZoneOffset.UTC);
            commit.setTreeId(head.getTree());
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            root = inserter.insert(commit);
            inserter.flush();
        }
        RefUpdate update = repo.updateRef("refs/heads/" + BRANCH);
        update.setNewObjectId(root);
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.forceUpdate();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NEW && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("the vault's history could not be replaced: " + result);
        }
        // The remote-tracking refs, Mnemo's own and the pseudo-refs a fetch or a reset leave (FETCH_HEAD, ORIG_HEAD)
        // would keep the old history reachable, and gc would keep it. Refs of anyone else's keep it too: refused.
        List<String> others = new ArrayList<>();
        for (Ref other : repo.getRefDatabase().getRefs()) {
            String name = other.getName();
            if (name.startsWith("refs/remotes/") || name.startsWith("refs/mnemo/")) {
                RefUpdate delete = repo.updateRef(name);
                delete.setForceUpdate(true);
                RefUpdate.Result deleted = delete.delete();
                if (deleted != RefUpdate.Result.FORCED && deleted != RefUpdate.Result.NO_CHANGE) {
                    throw new IOException("the vault's " + name + " could not be removed: " + deleted);
                }
            } else if (!name.equals(Constants.HEAD) && !name.equals("refs/heads/" + BRANCH)) {
                others.add(name);
            }
        }
        if (!others.isEmpty()) {
            throw new IOException("the vault's repository has other branches or tags (" + String.join(", ", others)
                    + ") that would keep the forgotten text: remove them, and the next sync rewrites the history");
        }
        for (String pseudo : List.of(Constants.FETCH_HEAD, Constants.ORIG_HEAD)) {
            Files.deleteIfExists(repo.getDirectory().toPath().resolve(pseudo));
        }
        FileUtils.delete(new File(repo.getDirectory(), "logs"), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        // JGit's own collector (internal API: the command cannot be told to drop young packs): nothing unreachable
        // is kept, however new.
        GC gc = new GC((FileRepository) repo);
        gc.setExpireAgeMillis(0);
        gc.setPackExpireAgeMillis(0);
        try {
            gc.gc().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the vault's garbage collection was interrupted", e);
        } catch (ExecutionException | ParseException e) {
            throw new IOException("the vault's garbage collection failed", e);
        }
    }

    @Override
    public void close() {
        git.close();
        if (ssh != null) {
            ssh.close();
        }
    }
}
