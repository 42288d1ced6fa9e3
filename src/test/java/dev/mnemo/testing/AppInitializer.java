package dev.mnemo.testing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The properties every test application starts from: its own SQLite data directory, a known API token, no
 * model provider, whatever the environment says. Subclasses add (and override) their own.
 */
abstract class AppInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The data directory's name under this JVM's test data directory. */
    abstract String name();

    List<String> properties() {
        return List.of();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> all = new ArrayList<>(base(TestDatabases.sqliteDataDir().resolve(name()).toString()));
        all.addAll(properties());
        // A test's own @TestPropertySource shares the inlined source: what it names is left as it says.
        if (context.getEnvironment().getPropertySources().get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> own) {
            all.removeIf(property -> own.containsProperty(property.substring(0, property.indexOf('='))));
        }
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, all.toArray(String[]::new));
    }

    /**
     * What every test application starts from: its data directory, the test token, no model provider, the MCP
     * server on, and no background work (tests drive memory jobs, sleep, reminders and backups themselves, on the test clock).
     */
    static List<String> base(String dataDir) {
        return List.of(
                "assistant.data-dir=" + dataDir,
                "assistant.api-token=" + SqliteApp.API_TOKEN,
                "assistant.db.url=",
                "assistant.providers.anthropic.api-key=",
                "assistant.providers.openai.api-key=",
                "assistant.providers.openai.base-url=",
                // A developer's own credentials in the environment never reach a real provider from a test.
                "assistant.discord.bot-token=",
                "assistant.discord.public-key=",
                "assistant.discord.api-base-url=",
                "assistant.discord.gateway-url=",
                "assistant.twilio.account-sid=",
                "assistant.twilio.auth-token=",
                "assistant.twilio.api-base-url=",
                "assistant.memory.background-jobs=false",
                "assistant.memory.burst-pause=0s",
                "assistant.proactive.background=false",
                "assistant.conversation.late-answers.background=false",
                "assistant.backup.scheduled=false",
                "assistant.vault.dir=",
                "assistant.vault.git-remote=",
                "assistant.vault.git-token=",
                "assistant.vault.scheduled=false",
                // On in every test application (one context per database): the MCP tests drive it, the others pass it by.
                "assistant.mcp.enabled=true");
    }

    /** Anthropic configured against {@link FakeModelServer}, with the two models of {@link FakeAnthropicApp}. */
    static List<String> fakeAnthropic(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "assistant.providers.anthropic.api-key=" + FakeModelServer.ANTHROPIC_KEY,
                "assistant.providers.anthropic.base-url=" + FakeModelServer.baseUrl(),
                "assistant.models.cheap=" + FakeAnthropicApp.CHEAP,
                "assistant.models.smart=" + FakeAnthropicApp.SMART));
        properties.addAll(List.of(more));
        return properties;
    }
}
