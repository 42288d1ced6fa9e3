package dev.mnemo;

import dev.mnemo.backup.BackupException;
import dev.mnemo.backup.BackupResult;
import dev.mnemo.backup.Backups;
import dev.mnemo.terminal.TerminalChat;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the one jar: with no command it serves HTTP; {@code chat} is the terminal client of a running
 * server (no Spring context of its own); the other commands run once against the configured data and exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MnemoApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int status = switch (command) {
            case "serve" -> serve(rest);
            case "chat" -> TerminalChat.run(rest, System.getenv(), System.err);
            case "backup" -> backup(rest);
            case "restore" -> restore(rest);
            case "token" -> TokenCommand.run(rest, MnemoApplication::batch);
            case "user" -> UserCommand.run(rest, MnemoApplication::batch,
                    ReadyMessage.interactive() ? System.console() : null, System.in, System.out, System.err);
            case "memories" -> MemoriesCommand.run(rest, MnemoApplication::batch, System.err);
            case "vault" -> VaultExportCommand.run(rest, MnemoApplication::batch, System.err);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("mnemo: unknown command '" + command + "'");
                yield usage(2);
            }
        };
        if (status != 0 || !"serve".equals(command)) {
            System.exit(status);
        }
    }

    private static int serve(String[] args) {
        AheadOfTime.useWhenBuilt(args);
        new SpringApplicationBuilder(MnemoApplication.class).run(args);
        return 0;
    }

    /** Batch commands: no web server, no background work, only warnings in the log. */
    static ConfigurableApplicationContext batch() {
        return new SpringApplicationBuilder(MnemoApplication.class)
                .web(WebApplicationType.NONE)
                .run("--logging.level.root=WARN", "--logging.level.dev.mnemo=WARN", "--assistant.memory.background-jobs=false",
                        "--assistant.proactive.background=false", "--assistant.backup.scheduled=false",
                        "--assistant.conversation.late-answers.background=false", "--assistant.events.redelivery=false",
                        "--assistant.vault.scheduled=false");
    }

    private static int backup(String[] args) {
        String target = null;
        if (args.length == 2 && "--to".equals(args[0])) {
            target = args[1];
        } else if (args.length != 0) {
            System.err.println("mnemo: usage: backup [--to DIR|s3://bucket/prefix]");
            return 2;
        }
        try (ConfigurableApplicationContext context = batch()) {
            BackupResult result = context.getBean(Backups.class).backup(target);
            System.out.println(result.location());
            return 0;
        } catch (BackupException e) {
            System.err.println("mnemo: " + e.getMessage());
            return 1;
        }
    }

    private static int restore(String[] args) {
        boolean force = args.length == 2 && "--force".equals(args[1]);
        if (args.length < 1 || args.length > 2 || args.length == 2 && !force) {
            System.err.println("mnemo: usage: restore ARCHIVE [--force]");
            return 2;
        }
        try (ConfigurableApplicationContext context = batch()) {
            Map<String, Long> rows = context.getBean(Backups.class).restore(args[0], force);
            System.out.println("restored " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows in "
                    + rows.size() + " tables from " + args[0]);
            return 0;
        } catch (BackupException e) {
            System.err.println("mnemo: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(int status) {
        (status == 0 ? System.out : System.err).println("""
                usage: java -jar mnemo.jar [command]
                  (none)            serve the web app and the HTTP API on SERVER_PORT (default 8080)
                  chat              chat in this terminal with the running server (MNEMO_URL, MNEMO_TOKEN;
                                    default: this machine's server, as the owner)
                  backup [--to T]   write one backup now (T: a directory or s3://bucket/prefix; default BACKUP_TARGET)
                  restore ARCHIVE [--force]
                                    restore an archive into the configured database (--force replaces its data)
                  token create --user ID [--name NAME] | token list [--user ID] | token revoke TOKEN_ID
                                    a person's API tokens: created (shown once), listed, revoked
                  user add NAME | user passwd NAME
                                    a person's password for the web app (read from standard input)
                  token show        the owner's token, which chat uses (ASSISTANT_DATA_DIR/chat-token)
                  memories export FILE [--user ID] | memories import FILE [--user ID]
                                    a person's memories (default: the owner's) as JSON Lines, with when each
                                    was said and its history; an import is all or nothing
                  vault export DIR [--user ID]
                                    a one-off Obsidian vault of a person's memories (default: VAULT_USER, else
                                    the owner's) in DIR/VAULT_FOLDER""");
        return status;
    }
}
