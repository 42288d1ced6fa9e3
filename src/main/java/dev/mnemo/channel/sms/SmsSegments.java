package dev.mnemo.channel.sms;

/**
 * How many segments Twilio bills for a text, when it does not say: 160 GSM-7 characters in one, 153 each when
 * concatenated; with any character outside GSM-7 (an emoji, most accents) 70, or 67 each, UTF-16 units.
 */
final class SmsSegments {
    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of GSM-7's extension table: two septets each. */
    private static final String GSM7_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    static int count(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENDED.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return units <= 70 ? 1 : (units + 66) / 67;
            }
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
