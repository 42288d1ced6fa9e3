package dev.mnemo.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestDatabases;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vault pushing to a remote over https-style HTTP with its token, served inside the test by JGit's own
 * {@link GitServlet} behind Basic authentication, as a git host would: the token opens it, a wrong one is refused
 * and the refusal (shown in /vault and health) never repeats the token.
 */
@SqliteApp
@ExtendWith(OutputCaptureExtension.class)
class VaultHttpRemoteTest {
    private static final String TOKEN = "vault-token-" + "s3cr3t-0123456789";
    private static final AtomicReference<String> ACCEPTED = new AtomicReference<>(TOKEN);
    private static final Path BASE = TestDatabases.sqliteDataDir().resolve("vault-http");
    private static Tomcat server;
    private static Repository bare;

    @Autowired
    Vault vault;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry registry) throws Exception {
        VaultSyncContract.deleteTree(BASE);
        Files.createDirectories(BASE);
        bare = Git.init().setBare(true).setInitialBranch("main").setDirectory(BASE.resolve("served.git").toFile()).call()
                .getRepository();
        server = new Tomcat();
        server.setBaseDir(BASE.resolve("tomcat").toString());
        server.setPort(0);
        Context context = server.addContext("", BASE.toString());
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((request, name) -> {
            bare.incrementOpen();
            return bare;
        });
        git.setReceivePackFactory((request, db) -> new ReceivePack(db));
        Tomcat.addServlet(context, "git", git);
        context.addServletMappingDecoded("/*", "git");
        FilterDef auth = new FilterDef();
        auth.setFilterName("basic");
        auth.setFilter(basicAuth());
        context.addFilterDef(auth);
        FilterMap map = new FilterMap();
        map.setFilterName("basic");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        server.getConnector();
        server.start();
        int port = server.getConnector().getLocalPort();
        registry.add("assistant.vault.dir", () -> BASE.resolve("vault").toString());
        registry.add("assistant.vault.git-remote", () -> "http://127.0.0.1:" + port + "/vault.git");
        registry.add("assistant.vault.git-token", () -> TOKEN);
        registry.add("assistant.vault.user", () -> "http-person");
    }

    private static Filter basicAuth() {
        return (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            String header = http.getHeader("Authorization");
            String given = header == null || !header.startsWith("Basic ") ? null
                    : new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            if (given == null || !given.endsWith(":" + ACCEPTED.get())) {
                HttpServletResponse refusal = (HttpServletResponse) response;
                refusal.setHeader("WWW-Authenticate", "Basic realm=\"vault\"");
                refusal.sendError(401);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getRemoteUser() {
                    return given.substring(0, given.indexOf(':'));
                }
            }, response);
        };
    }

    @AfterAll
    static void stop() throws LifecycleException {
        server.stop();
        server.destroy();
    }

    @Test
    void theVaultIsPushedOverHttpWithItsTokenAndAWrongTokenIsRefusedWithoutRepeatingIt(CapturedOutput log) throws Exception {
        intake.remember("http-person", "My sister Ana lives in Porto", null);
        clock.advance(Duration.ofSeconds(5));
        assertThat(vault.sync().pushed()).isTrue();
        Path clone = BASE.resolve("clone");
        Git.cloneRepository().setURI(bare.getDirectory().toURI().toString()).setDirectory(clone.toFile()).call().close();
        try (var files = Files.walk(clone.resolve("Memories"))) {
            assertThat(files.map(Path::toString)).anyMatch(f -> f.contains("My sister Ana lives in Porto"));
        }

        ACCEPTED.set("another-token-entirely");
        intake.remember("http-person", "I love hiking", null);
        clock.advance(Duration.ofSeconds(5));
        SyncReport refused = vault.sync();

        assertThat(refused.pushed()).isFalse();
        VaultStatus status = vault.status();
        assertThat(status.remote()).isEqualTo(VaultStatus.Remote.UNREACHABLE);
        assertThat(status.remoteError()).isNotBlank().doesNotContain(TOKEN);
        ACCEPTED.set(TOKEN);
        clock.advance(Duration.ofSeconds(5));
        assertThat(vault.sync().pushed()).as("the waiting commit goes out once the token is right again").isTrue();
        assertThat(new File(BASE.resolve("vault/Mnemo/.git").toString())).isDirectory();
        assertThat(log.getAll()).contains("not authorized").doesNotContain(TOKEN);
    }
}
