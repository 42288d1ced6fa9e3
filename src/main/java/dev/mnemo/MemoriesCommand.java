package dev.mnemo;

import dev.mnemo.memory.MemoryTransfer;
import dev.mnemo.memory.MemoryTransfer.ImportSummary;
import dev.mnemo.memory.PortableMemory;
import dev.mnemo.memory.PortableMemoryLines;
import dev.mnemo.security.StartupTokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code memories export FILE | memories import FILE [--user ID]}: a person's memories as JSON Lines
 * ({@link PortableMemoryLines}). An import checks every line before it writes any, and then writes them all or none.
 */
final class MemoriesCommand {
    static final String USAGE = "mnemo: usage: memories export FILE [--user ID] | memories import FILE [--user ID]";
    /** A progress line every this many memories. */
    static final int PROGRESS_EVERY = 100;

    private MemoriesCommand() {
    }

    static int run(String[] args, Supplier<ConfigurableApplicationContext> context, PrintStream out) {
        if (!(args.length == 2 || args.length == 4 && args[2].equals("--user"))
                || !args[0].equals("export") && !args[0].equals("import")) {
            out.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[1]);
        String user = args.length == 4 ? args[3] : StartupTokens.OWNER;
        if (args[0].equals("export")) {
            try (ConfigurableApplicationContext app = context.get()) {
                return export(app.getBean(MemoryTransfer.class), user, file, out);
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            out.println("mnemo: " + file + ": no such file");
            return 1;
        } catch (CharacterCodingException e) {
            out.println("mnemo: " + file + ": not UTF-8 text");
            return 1;
        } catch (IOException e) {
            out.println("mnemo: " + file + ": " + e.getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext app = context.get()) {
            List<PortableMemory> memories = parse(file, lines, app.getBean(Clock.class), out);
            if (memories == null) {
                return 1;
            }
            return importAll(app.getBean(MemoryTransfer.class), user, file, memories, out);
        }
    }

    /** Every line, or null (after naming each bad one, up to ten) when any is wrong. */
    static List<PortableMemory> parse(Path file, List<String> lines, Clock clock, PrintStream out) {
        List<PortableMemory> memories = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                memories.add(PortableMemoryLines.read(line, clock.instant(), clock.instant()));
            } catch (IllegalArgumentException e) {
                if (++bad <= 10) {
                    out.println("mnemo: " + file + " line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        if (bad > 0) {
            out.println("mnemo: nothing imported: " + bad + (bad == 1 ? " line is" : " lines are") + " wrong");
            return null;
        }
        return memories;
    }

    private static int importAll(MemoryTransfer transfer, String user, Path file, List<PortableMemory> memories,
                                 PrintStream out) {
        int total = memories.size();
        ImportSummary summary = transfer.importAll(user, memories, done -> {
            if (done % PROGRESS_EVERY == 0 && done < total) {
                out.println("imported " + done + " of " + total + "…");
            }
        });
        out.println("imported " + total + " memories for " + user + " from " + file + ": " + summary.added() + " added, "
                + summary.merged() + " merged into what was known, " + summary.corrected() + " corrected it");
        return 0;
    }

    /** Written beside the target and moved over it, so a failed export never leaves half a file. */
    private static int export(MemoryTransfer transfer, String user, Path file, PrintStream out) {
        List<PortableMemory> memories = transfer.export(user);
        Path target = file.toAbsolutePath();
        try {
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (PortableMemory m : memories) {
                    writer.write(PortableMemoryLines.write(m));
                    writer.newLine();
                }
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            out.println("mnemo: " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("exported " + memories.size() + " memories of " + user + " to " + file);
        return 0;
    }
}
