package dev.mnemo;

import dev.mnemo.llm.LanguageModels;
import dev.mnemo.security.StartupTokens;
import dev.mnemo.security.WebAccounts;
import dev.mnemo.system.AssistantProperties;
import dev.mnemo.system.DataDirectory;
import java.io.Console;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * What a person needs once the server is up, printed once after {@code Started MnemoApplication}: where it
 * listens, the web app's address (and how to get a password for it), how to chat in a terminal, the owner's token (shown only on the start that created it, and only to a terminal), the
 * model in use or that there is none, and where the data lives. With the {@code json-logs} profile it is one log
 * line, without the token.
 */
@Component
@ConditionalOnWebApplication
class ReadyMessage {
    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final StartupTokens tokens;
    private final LanguageModels models;
    private final DataDirectory dataDirectory;
    private final AssistantProperties properties;
    private final Environment environment;
    private final WebAccounts accounts;

    ReadyMessage(StartupTokens tokens, LanguageModels models, DataDirectory dataDirectory, AssistantProperties properties,
                 Environment environment, WebAccounts accounts) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.models = models;
        this.dataDirectory = dataDirectory;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        StartupTokens.Report report = tokens.prepare();
        String url = url(event);
        String model = models.inUse().orElse("none: commands only. Set ANTHROPIC_API_KEY (or OPENAI_API_KEY /"
                + " OPENAI_BASE_URL) and restart to chat with a model");
        String data = dataDirectory.path() + (properties.db().embedded()
                ? " (SQLite database " + DataDirectory.DATABASE + ")" : "; the database is ASSISTANT_DB_URL");
        if (environment.acceptsProfiles(Profiles.of("json-logs"))) {
            log.info("Mnemo is ready at {}; model: {}; data: {}; the owner's token is in {}", url, model, data, report.chatToken());
            return;
        }
        String web = accounts.any() ? "open " + url + " in a browser and sign in"
                : "open " + url + " in a browser; first set a password: ./mnemo user add " + StartupTokens.OWNER;
        print(System.out, url, web, model, data, report, interactive());
    }

    /**
     * @param interactive a person is looking at this output: only then is a new token printed, never into what is
     *                    kept (docker logs, the journal, a file)
     */
    private static void print(PrintStream out, String url, String web, String model, String data, StartupTokens.Report report,
                              boolean interactive) {
        StringBuilder block = new StringBuilder("\n")
                .append("  Mnemo is ready at ").append(url).append('\n')
                .append("    web     ").append(web).append('\n')
                .append("    chat    ./mnemo chat    (in another terminal; /help lists the commands)\n");
        if (report.created().isPresent() && interactive) {
            block.append("    token   ").append(report.created().get()).append('\n')
                    .append("            the owner's token, shown only this once; ./mnemo chat reads it from ")
                    .append(report.chatToken()).append('\n');
        } else {
            block.append("    token   the owner's token is in ").append(report.chatToken()).append(" (./mnemo token show")
                    .append(report.created().isPresent() ? "; created now, not printed: this output is not a terminal" : "")
                    .append("); another person's: ./mnemo token create --user ID\n");
        }
        block.append("    model   ").append(model).append('\n')
                .append("    data    ").append(data).append('\n');
        report.adminToken().ifPresent(file -> block.append("    admin   the admin token (metrics, every person's data) is in ")
                .append(file).append('\n'));
        out.print(block.append('\n'));
        out.flush();
    }

    /** Standard input and output are a terminal: {@link System#console()} (and, from Java 22, its isTerminal()). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException java21) {
            return true; // before Java 22 there is a console only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private String url(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : environment.getProperty("server.port", Integer.class, 8080);
        String address = environment.getProperty("server.address", "");
        // "localhost" for this machine: also in the json-logs line, where an address would be redacted as personal data.
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") || address.equals("127.0.0.1")
                || address.equals("::1") ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }
}
