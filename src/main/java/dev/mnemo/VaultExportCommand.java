package dev.mnemo;

import dev.mnemo.vault.Vault;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code vault export DIR [--user ID]}: a one-off vault of a person's memories, with a progress line. */
final class VaultExportCommand {
    static final String USAGE = "mnemo: usage: vault export DIR [--user ID]";

    private VaultExportCommand() {
    }

    static int run(String[] args, Supplier<ConfigurableApplicationContext> context, PrintStream out) {
        if (!(args.length == 2 || args.length == 4 && args[2].equals("--user")) || !args[0].equals("export")) {
            out.println(USAGE);
            return 2;
        }
        Path dir = Path.of(args[1]);
        try (ConfigurableApplicationContext app = context.get()) {
            Vault vault = app.getBean(Vault.class);
            String user = args.length == 4 ? args[3] : vault.user();
            int written = vault.export(user, dir, n -> {
                if (n % MemoriesCommand.PROGRESS_EVERY == 0) {
                    out.println("written " + n + " memories");
                }
            });
            out.println("exported " + written + (written == 1 ? " memory" : " memories") + " of " + user + " to " + dir);
            return 0;
        } catch (IOException e) {
            out.println("mnemo: " + e.getMessage());
            return 1;
        }
    }
}
