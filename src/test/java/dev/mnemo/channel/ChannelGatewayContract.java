package dev.mnemo.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every channel adapter promises {@link ReplySender}, checked against each provider's wire format on
 * loopback (Twilio's REST API; Discord's REST API and gateway): a message reaches the address whole, split into
 * parts the provider accepts; the provider's id comes back; a refusal is a {@link ChannelUnavailableException}.
 * Each test writes to an address of its own, so the fakes' other traffic never counts.
 */
public abstract class ChannelGatewayContract {

    protected abstract ChannelGateway gateway();

    /** An address the provider accepts, new for each call. */
    protected abstract String newAddress();

    /** An address the provider refuses. */
    protected abstract String refusedAddress();

    /** What reached the address, part by part, in order. */
    protected abstract List<String> received(String address);

    /** The longest part the provider takes. */
    protected abstract int maxPart();

    @Test
    void itIsConfigured() {
        assertThat(gateway().configured()).isTrue();
    }

    @Test
    void aMessageReachesTheAddressAndItsProviderIdComesBack() {
        String address = newAddress();
        String text = "Don't forget to water the plants 🌱 " + UUID.randomUUID();

        String id = gateway().send("contract-user", address, text);

        assertThat(id).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> received(address).equals(List.of(text)));
    }

    @Test
    void aLongMessageArrivesWholeInPartsTheProviderTakes() {
        String address = newAddress();
        String text = "This sentence is one of many in a long answer. ".repeat(maxPart() * 3 / 47 + 2).strip();

        gateway().send("contract-user", address, text);

        await().atMost(Duration.ofSeconds(10)).until(() -> String.join(" ", received(address)).replaceAll("\\s+", " ")
                .equals(text.replaceAll("\\s+", " ")));
        assertThat(received(address)).hasSizeGreaterThan(2).allSatisfy(part -> assertThat(part.length())
                .isLessThanOrEqualTo(maxPart()));
    }

    @Test
    void anAddressTheProviderRefusesIsAChannelUnavailableException() {
        assertThatThrownBy(() -> gateway().send("contract-user", refusedAddress(), "hello"))
                .isInstanceOf(ChannelUnavailableException.class);
    }
}
