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
import dev.mnemo.cost.ChannelCharge;
import dev.mnemo.cost.CostLedger;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends SMS through Twilio's REST API (the Twilio Java SDK), split at sentence ends, with a status callback; each
 * part's segments go into the person's cost ledger.
 */
@Component
class TwilioGateway implements ChannelGateway {
    static final String STATUS_PATH = "/webhooks/twilio/status";
    private static final Logger log = LoggerFactory.getLogger(TwilioGateway.class);
    private static final Currency USD = Currency.getInstance("USD");

    private final TwilioProperties properties;
    private final ChannelProperties channels;
    private final TwilioRestClient client;
    private final CostLedger costs;

    TwilioGateway(TwilioProperties properties, ChannelProperties channels, CostLedger costs) {
        this.properties = properties;
        this.channels = channels;
        this.client = properties.configured()
                ? new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                        .httpClient(new BaseUrlHttpClient(properties.apiBaseUrl())).build()
                : null;
        this.costs = costs;
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
    public String send(String userId, String address, String text) {
        List<String> parts = TextSplitter.split(SmsSegments.gsm(text), properties.maxChars());
        String first = null;
        for (String part : parts) {
            try {
                var creator = Message.creator(new PhoneNumber(address), new PhoneNumber(properties.fromNumber()), part);
                if (!channels.publicUrl().isEmpty()) {
                    creator.setStatusCallback(URI.create(channels.publicUrl() + STATUS_PATH));
                }
                Message sent = creator.create(client);
                first = first == null ? sent.getSid() : first;
                charge(new ChannelCharge(userId, Channel.SMS.id(), ChannelCharge.Direction.OUTBOUND,
                        sent.getSid(), segments(sent.getNumSegments(), part), inDollars(sent)));
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

    /** The ledger is never on a message's path: a failure to record is logged, the SMS still goes (or is taken in). */
    void charge(ChannelCharge charge) {
        try {
            costs.recordCharge(charge);
        } catch (RuntimeException e) {
            log.error("Could not record the cost of SMS {} ({}) for user {}", charge.externalId(), charge.direction(),
                    charge.userId(), e);
        }
    }

    /** The message's price when Twilio gave one in US dollars; the ledger is in dollars, so another currency's is not used. */
    private static BigDecimal inDollars(Message message) {
        return message.getPriceUnit() != null && !USD.equals(message.getPriceUnit()) ? null : price(message.getPrice());
    }

    /** Twilio's price ("-0.00790", in the account's currency, negative for a charge), or null when it has none. */
    static BigDecimal price(String reported) {
        try {
            return reported == null || reported.isBlank() ? null : new BigDecimal(reported.strip()).abs();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Twilio's count when it gave one, else ours. */
    static int segments(String reported, String text) {
        try {
            return reported == null ? SmsSegments.count(text) : Math.max(1, Integer.parseInt(reported.strip()));
        } catch (NumberFormatException e) {
            return SmsSegments.count(text);
        }
    }

    /**
     * Asks Twilio for the price of a message it finished with (its final status arrived) and puts it in the ledger in
     * place of the configured estimate. Nothing changes when Twilio has no price yet, gives it in another currency
     * than US dollars, or cannot be asked, or when the ledger cannot be written: a status callback never fails for it.
     */
    void recordReportedPrice(String sid) {
        BigDecimal price;
        try {
            price = inDollars(Message.fetcher(properties.accountSid(), sid).fetch(client));
        } catch (TwilioException e) {
            log.info("Twilio's price for SMS {} could not be fetched: {}", sid, e.getMessage());
            return;
        }
        if (price == null) {
            return;
        }
        try {
            costs.chargeReported(Channel.SMS.id(), sid, ChannelCharge.Direction.OUTBOUND, price);
        } catch (RuntimeException e) {
            log.error("Could not record Twilio's price of SMS {}", sid, e);
        }
    }
}
