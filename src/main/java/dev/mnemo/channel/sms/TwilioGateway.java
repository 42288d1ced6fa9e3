package dev.mnemo.channel.sms;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.mnemo.channel.ChannelGateway;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.internal.ChannelProperties;
import dev.mnemo.channel.internal.TextSplitter;
import dev.mnemo.conversation.Channel;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends SMS through Twilio's REST API (the Twilio Java SDK), split at sentence ends, with a status callback. */
@Component
class TwilioGateway implements ChannelGateway {
    static final String STATUS_PATH = "/webhooks/twilio/status";

    private final TwilioProperties properties;
    private final ChannelProperties channels;
    private final TwilioRestClient client;

    TwilioGateway(TwilioProperties properties, ChannelProperties channels) {
        this.properties = properties;
        this.channels = channels;
        this.client = properties.configured()
                ? new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                        .httpClient(new BaseUrlHttpClient(properties.apiBaseUrl())).build()
                : null;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public String send(String address, String text) {
        List<String> parts = TextSplitter.split(text, properties.maxChars());
        String first = null;
        for (String part : parts) {
            try {
                var creator = Message.creator(new PhoneNumber(address), new PhoneNumber(properties.fromNumber()), part);
                if (!channels.publicUrl().isEmpty()) {
                    creator.setStatusCallback(URI.create(channels.publicUrl() + STATUS_PATH));
                }
                String sid = creator.create(client).getSid();
                first = first == null ? sid : first;
            } catch (ApiException e) {
                // A 4xx is a refusal; a 5xx may have been sent. So may this part, if an earlier one went out.
                boolean clientError = e.getStatusCode() != null && e.getStatusCode() >= 400 && e.getStatusCode() < 500;
                throw new ChannelUnavailableException("Twilio refused the message (" + e.getStatusCode() + ", code "
                        + e.getCode() + ")", e, first != null || !clientError);
            } catch (TwilioException e) {
                throw new ChannelUnavailableException("Twilio could not be reached: " + e.getClass().getSimpleName(), e, true);
            }
        }
        return first;
    }
}
