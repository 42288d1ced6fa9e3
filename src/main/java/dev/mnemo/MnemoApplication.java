package dev.mnemo;

import dev.mnemo.channel.TerminalChat;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the one jar: with no command it serves HTTP; {@code chat} opens the terminal chat.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MnemoApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int status = switch (command) {
            case "serve" -> serve(rest);
            case "chat" -> chat(rest);
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
        new SpringApplicationBuilder(MnemoApplication.class).run(args);
        return 0;
    }

    private static int chat(String[] args) {
        String user = TerminalChat.userFrom(args);
        if (user == null) {
            System.err.println("mnemo: usage: chat [--user ID]");
            return 2;
        }
        // The terminal is the interface: no web server, and logs only when something is wrong.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MnemoApplication.class)
                .web(WebApplicationType.NONE)
                .run("--logging.level.root=WARN", "--logging.level.dev.mnemo=WARN")) {
            return context.getBean(TerminalChat.class).run(user, System.in, System.out);
        }
    }

    private static int usage(int status) {
        (status == 0 ? System.out : System.err).println("""
                usage: java -jar mnemo.jar [command]
                  (none)            serve the API and chat page on SERVER_PORT (default 8080)
                  chat [--user ID]  chat in this terminal (default user: owner)""");
        return status;
    }
}
