package dev.mnemo.channel.discord;

import dev.mnemo.channel.internal.InboundReceipts;
import dev.mnemo.conversation.Channel;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
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
class DiscordBot extends ListenerAdapter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    static final String PRIVATE = "This assistant is private.";
    static final String SLOW_DOWN = "Slow down a little, please: try again in a minute.";

    private final DiscordProperties properties;
    private final DiscordInbound inbound;
    private final ExecutorService work;
    private final InboundReceipts receipts;
    private volatile JDA jda;

    DiscordBot(DiscordProperties properties, @org.springframework.context.annotation.Lazy DiscordInbound inbound,
               ExecutorService channelWork, InboundReceipts receipts) {
        this.receipts = receipts;
        this.properties = properties;
        this.inbound = inbound;
        this.work = channelWork;
    }

    /** Connected to Discord's gateway now: only then is the bot a way to reach anyone. */
    boolean connected() {
        JDA current = jda;
        return current != null && current.getStatus() == JDA.Status.CONNECTED;
    }

    Optional<JDA> jda() {
        return Optional.ofNullable(jda);
    }

    @Override
    public void start() {
        if (!properties.botConfigured()) {
            return;
        }
        // No privileged MESSAGE_CONTENT intent: DMs and messages that mention the bot carry their content anyway.
        jda = JDABuilder.createLight(properties.botToken(), EnumSet.of(GatewayIntent.DIRECT_MESSAGES,
                        GatewayIntent.GUILD_MESSAGES))
                .addEventListeners(this)
                .setAutoReconnect(true)
                .build();
    }

    @Override
    public void stop() {
        if (jda != null) {
            jda.shutdown();
            jda = null;
        }
    }

    @Override
    public boolean isRunning() {
        return jda != null;
    }

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
        if (!receipts.firstTime(Channel.DISCORD.id(), message.getId())) {
            return; // another instance's bot took it
        }
        String text = DiscordText.withoutMention(message.getContentRaw(), event.getJDA().getSelfUser().getId());
        // Always by DM: an answer drawn from someone's memories does not belong in a shared channel.
        String author = event.getAuthor().getId();
        work.execute(() -> inbound.answerAndSend(author, text, author));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String option = DiscordText.COMMANDS.getOrDefault(event.getName(), "");
        OptionMapping value = option.isEmpty() ? null : event.getOption(option);
        String text = DiscordText.commandText(event.getName(), value == null ? null : value.getAsString());
        String author = event.getUser().getId();
        if (!receipts.firstTime(Channel.DISCORD.id(), "interaction:" + event.getId())) {
            return;
        }
        event.deferReply(true).queue(hook -> work.execute(() -> {
            String reply;
            try {
                reply = switch (inbound.answer(author, text)) {
                    case DiscordInbound.Answer.Reply(String answer) -> answer.isBlank() ? "Done." : answer;
                    case DiscordInbound.Answer.Stranger() -> PRIVATE;
                    case DiscordInbound.Answer.Silenced() -> SLOW_DOWN;
                };
            } catch (RuntimeException e) {
                log.error("Discord command /{} failed", event.getName(), e);
                reply = "Sorry, that didn't work. Please try again in a moment.";
            }
            for (String part : DiscordText.parts(reply)) {
                hook.sendMessage(part).setEphemeral(true).queue();
            }
        }));
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

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the web server: messages may need the whole application
    }
}
