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

    /** Typographic characters a model likes that have a GSM-7 twin: one of them would make a text UCS-2, at 70 a segment. */
    private static final String[][] TWINS = {{"\u2018", "'"}, {"\u2019", "'"}, {"\u201A", "'"}, {"\u2032", "'"},
            {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u2033", "\""}, {"\u2013", "-"}, {"\u2014", "-"},
            {"\u2012", "-"}, {"\u2212", "-"}, {"\u2026", "..."}, {"\u00A0", " "}, {"\u2022", "-"}};

    private SmsSegments() {
    }

    /** The text with typographic quotes, dashes, ellipses and bullets in their GSM-7 form; anything else as it is. */
    static String gsm(String text) {
        String out = text;
        for (String[] twin : TWINS) {
            out = out.replace(twin[0], twin[1]);
        }
        return out;
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
