package dev.mnemo.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS through Twilio; off until the account SID, auth token and sending number are all set.
 *
 * @param apiBaseUrl Twilio's REST API root; only tests point it elsewhere ({@code TWILIO_API_BASE_URL})
 * @param maxChars   longest SMS body sent as one message; longer replies are split at sentence ends (Twilio's
 *                   own limit is 1,600)
 */
@ConfigurationProperties("assistant.twilio")
record TwilioProperties(String accountSid, String authToken, String fromNumber, String apiBaseUrl, int maxChars) {
    static final String DEFAULT_API = "https://api.twilio.com";

    TwilioProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.strip().replaceAll("/+$", "");
        maxChars = maxChars <= 0 ? 1600 : Math.min(maxChars, 1600);
        // The auth token travels to this URL: only over TLS, or to this machine (a fake Twilio in tests).
        if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.matches("http://(127\\.0\\.0\\.1|localhost)(:\\d+)?")) {
            throw new IllegalArgumentException("TWILIO_API_BASE_URL must be https:// (or http:// on localhost)");
        }
    }

    /** Never prints the auth token. */
    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", fromNumber=" + fromNumber + ", apiBaseUrl=" + apiBaseUrl + "]";
    }

    boolean configured() {
        return present(accountSid) && present(authToken) && present(fromNumber);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
