package dev.mnemo.channel.discord;

import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway bot (JDA), when {@code DISCORD_BOT_TOKEN} is set: answers DMs and mentions, registers the slash
 * commands, and reconnects by itself after a lost connection (JDA's auto-reconnect, with backoff).
 */
@Component
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordBot implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final DiscordProperties properties;
    private final DiscordInbound inbound;
    private final ExecutorService work;
    private final DiscordConnection connection;

    DiscordBot(DiscordProperties properties, DiscordInbound inbound, ExecutorService channelWork,
               DiscordConnection connection) {
        this.connection = connection;
        this.properties = properties;
        this.inbound = inbound;
        this.work = channelWork;
    }

    @Override
    public void start() {
        if (!properties.botConfigured()) {
            return;
        }
        String gatewayUrl = properties.gatewayUrl();
        // No privileged MESSAGE_CONTENT intent: DMs and messages that mention the bot carry their content anyway.
        connection.opened(JDABuilder.createLight(properties.botToken(), EnumSet.of(GatewayIntent.DIRECT_MESSAGES,
                        GatewayIntent.GUILD_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(properties.apiBaseUrl()))
                // JDABuilder never asks GET /gateway/bot: its gateway URL comes from the session controller.
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .addEventListeners(new Listener())
                .setAutoReconnect(true)
                .build());
    }

    @Override
    public void stop() {
        connection.close();
    }

    @Override
    public boolean isRunning() {
        return connection.jda().isPresent();
    }

    /**
     * JDA's events, apart from the bean: Spring looks at every method of a bean, and a {@link ListenerAdapter} has
     * some 240 of them, each loading a JDA event class at start-up even when Discord is not configured.
     */
    private final class Listener extends ListenerAdapter {
        @Override
        public void onReady(ReadyEvent event) {
            log.info("Discord bot connected as {}", event.getJDA().getSelfUser().getName());
            event.getJDA().updateCommands().addCommands(DiscordText.COMMANDS.entrySet().stream()
                    .map(c -> command(c.getKey(), c.getValue())).toList()).queue();
        }

        @Override
        public void onSessionDisconnect(SessionDisconnectEvent event) {
            log.warn("Discord connection lost; JDA reconnects by itself");
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            Message message = event.getMessage();
            if (event.getAuthor().isBot() || event.getAuthor().isSystem()) {
                return;
            }
            boolean direct = !event.isFromGuild();
            if (!direct && !message.getMentions().isMentioned(event.getJDA().getSelfUser(), Message.MentionType.USER)) {
                return; // @everyone, @here and role mentions are not addressed to Mnemo
            }
            String text = DiscordText.withoutMention(message.getContentRaw(), event.getJDA().getSelfUser().getId());
            // Always by DM: an answer drawn from someone's memories does not belong in a shared channel.
            String author = event.getAuthor().getId();
            // Another instance's bot gets the same message: the pipeline's receipt lets one of them take it.
            work.execute(() -> inbound.answerAndSend(author, message.getId(), text, author));
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            String option = DiscordText.COMMANDS.getOrDefault(event.getName(), "");
            OptionMapping value = option.isEmpty() ? null : event.getOption(option);
            String text = DiscordText.commandText(event.getName(), value == null ? null : value.getAsString());
            String author = event.getUser().getId();
            // Only one instance can acknowledge an interaction: another's deferReply fails and it goes no further.
            event.deferReply(true).queue(hook -> work.execute(() -> {
                String reply;
                try {
                    String answer = inbound.answer(author, "interaction:" + event.getId(), text).text();
                    reply = answer.isBlank() ? "Done." : answer;
                } catch (RuntimeException e) {
                    log.error("Discord command /{} failed", event.getName(), e);
                    reply = "Sorry, that didn't work. Please try again in a moment.";
                }
                for (String part : DiscordText.parts(reply)) {
                    hook.sendMessage(part).setEphemeral(true).queue();
                }
            }), failure -> {
                if (failure instanceof ErrorResponseException e
                        && e.getErrorResponse() == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
                    log.debug("Discord interaction {} taken by another instance", event.getId());
                } else {
                    log.warn("Discord command /{} could not be acknowledged: {}", event.getName(), failure.toString());
                }
            });
        }

        private static SlashCommandData command(String name, String option) {
            SlashCommandData command = Commands.slash(name, switch (name) {
                case "remember" -> "Keep something in long-term memory";
                case "forget" -> "Forget memories (shows them first; confirm with /forget yes)";
                case "search" -> "What I remember about a topic";
                case "memories" -> "The latest things I remember";
                case "cost" -> "What this month has cost";
                case "reminders" -> "Your pending reminders";
                default -> "What I can do";
            });
            return option.isEmpty() ? command : command.addOption(OptionType.STRING, option, "What to " + name, true);
        }

    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the web server: messages may need the whole application
    }
}
