package dev.mnemo.channel.sms;

import java.util.Locale;
import java.util.Set;

/** The carrier keywords every SMS service must honour (Twilio's standard opt-out, opt-in and help words). */
enum SmsKeyword {
    STOP, START, HELP, NONE;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP", "OPTIN");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    static SmsKeyword of(String body) {
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return STOP;
        }
        if (START_WORDS.contains(word)) {
            return START;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }
}
