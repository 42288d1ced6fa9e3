package dev.mnemo.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal and secret data by pattern and checksum, without a model: e-mail addresses, phone numbers,
 * payment cards (Luhn), IBANs (ISO 7064 mod 97), US social security numbers (issuance rules), IPv4 and IPv6
 * addresses, URLs with credentials, and API keys (known formats, and long high-entropy tokens). Overlapping
 * findings keep the more specific one. Precision and recall per type: BENCHMARKS.md.
 */
public final class PiiDetector {
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)(?![\\w-])");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<![a-zA-Z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{0,20}+://[^\\s/:@\"'<>]++:[^\\s/@\"'<>]++@[^\\s\"'<>]++");
    /** {@code password=…}, {@code "apiKey": "…"}, {@code Authorization: Basic …}: the value is a secret whatever it looks like. */
    private static final Pattern KEY_VALUE_SECRET = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|auth[_-]?token|access[_-]?key)\"?\\s*[=:]\\s*\"?[^\\s\"',;&]{4,}+"
                    + "|(?i)\\bauthorization\\s*:\\s*(?:basic|bearer)\\s+[A-Za-z0-9+/=._~-]{8,}+");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([ .-]?)(\\d{2})([ .-]?)(\\d{4})(?![\\d-])");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?!\\w|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3})(?:%\\w+)?(?![\\w:])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,5}+(?:[ .-]?\\d{1,5}+){1,5}+(?![\\w])");
    private static final Pattern KNOWN_SECRET = Pattern.compile(
            "\\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
                    + "|eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{24,}(?![A-Za-z0-9+/_=-])");
    private static final Pattern PATH = Pattern.compile("/(?:tmp|var|home|srv|opt|data|mnt|run|usr|etc|root|work|Users|private)/");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Published example numbers that were never valid (e.g. the Woolworth wallet card). */
    private static final Set<String> SAMPLE_SSNS = Set.of("078051120", "219099999", "457555462", "123456789");

    public List<PiiFinding> find(String text) {
        List<PiiFinding> found = new ArrayList<>();
        add(found, text, KNOWN_SECRET, PiiType.SECRET, m -> true);
        add(found, text, KEY_VALUE_SECRET, PiiType.SECRET, m -> true);
        add(found, text, URL_CREDENTIALS, PiiType.URL_WITH_CREDENTIALS, m -> true);
        add(found, text, EMAIL, PiiType.EMAIL, m -> true);
        // Digits inside an identifier's UUID (a user or message id in a log line) are not a number of anyone's.
        List<int[]> uuids = UUID.matcher(text).results().map(r -> new int[] {r.start(), r.end()}).toList();
        add(found, text, IBAN, PiiType.IBAN, m -> ibanValid(m.group()) && outside(uuids, m));
        add(found, text, CARD, PiiType.CREDIT_CARD, m -> issuer(digits(m.group())) && luhn(digits(m.group())) && outside(uuids, m));
        add(found, text, SSN, PiiType.US_SSN, m -> ssnValid(m) && outside(uuids, m));
        add(found, text, IPV4, PiiType.IP_ADDRESS, m -> ipv4Valid(m) && outside(uuids, m));
        add(found, text, IPV6, PiiType.IP_ADDRESS, m -> ipv6Valid(m.group(1)) && outside(uuids, m));
        add(found, text, PHONE, PiiType.PHONE, m -> phoneLike(m.group()) && outside(uuids, m));
        add(found, text, TOKEN, PiiType.SECRET, m -> highEntropy(m.group()));
        found.sort(Comparator.comparingInt(PiiFinding::start));
        return found;
    }

    public boolean contains(String text) {
        return !find(text).isEmpty();
    }

    private static boolean outside(List<int[]> spans, Matcher m) {
        return spans.stream().noneMatch(span -> span[0] < m.end() && m.start() < span[1]);
    }

    private interface Check {
        boolean ok(Matcher m);
    }

    /** Adds the pattern's valid matches that do not overlap an earlier (more specific) finding. */
    private static void add(List<PiiFinding> found, String text, Pattern pattern, PiiType type, Check check) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (check.ok(m) && found.stream().noneMatch(f -> f.start() < end && start < f.end())) {
                found.add(new PiiFinding(type, start, end, m.group()));
            }
        }
    }

    static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    /** Issuer prefixes: 2 to 6 (Mastercard, Amex/Diners, Visa, Mastercard, Discover), or UATP's 1 with 15 digits. */
    static boolean issuer(String digits) {
        char first = digits.charAt(0);
        return first >= '2' && first <= '6' || first == '1' && digits.length() == 15;
    }

    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The country's length of characters from the start (a trailing word is not part of it), then mod 97. */
    static boolean ibanValid(String candidate) {
        String compact = candidate.replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
        Integer length = IbanLengths.of(compact.substring(0, 2));
        if (length == null || compact.length() < length) {
            return false;
        }
        String iban = compact.substring(0, length);
        StringBuilder numeric = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean ssnValid(Matcher m) {
        if (!m.group(2).equals(m.group(4)) && !m.group(2).isEmpty() && !m.group(4).isEmpty()) {
            return false; // "078-05.1123": mixed separators are not how anyone writes one
        }
        String area = m.group(1);
        String group = m.group(3);
        String serial = m.group(5);
        String all = area + group + serial;
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !group.equals("00")
                && !serial.equals("0000") && all.chars().distinct().count() > 1 && !SAMPLE_SSNS.contains(all);
    }

    private static boolean ipv4Valid(Matcher m) {
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text form: up to eight groups of 1-4 hex digits, one "::", an optional dotted IPv4 tail. */
    static boolean ipv6Valid(String candidate) {
        String text = candidate;
        int groupsForV4 = 0;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') > lastColon && lastColon >= 0) {
            Matcher v4 = IPV4.matcher(text.substring(lastColon + 1));
            if (!v4.matches() || !ipv4Valid(v4)) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0";
            groupsForV4 = 1;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon != text.lastIndexOf("::")) {
            return false;
        }
        String[] parts = doubleColon >= 0
                ? (text.substring(0, doubleColon) + ":" + text.substring(doubleColon + 2)).split(":", -1)
                : text.split(":", -1);
        int groups = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                if (doubleColon < 0) {
                    return false;
                }
                continue;
            }
            if (!part.matches("[0-9A-Fa-f]{1,4}")) {
                return false;
            }
            groups++;
        }
        groups += groupsForV4;
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    /** 8 to 15 digits, written like a phone number: a leading +, brackets, or separated groups. */
    private static boolean phoneLike(String candidate) {
        String d = digits(candidate);
        boolean international = candidate.startsWith("+");
        boolean grouped = candidate.matches(".*\\d[ .()-]+\\d.*") || candidate.startsWith("(");
        return d.length() >= (international ? 8 : 9) && d.length() <= 15 && (international || grouped || d.length() >= 10)
                && d.chars().distinct().count() > 2;
    }

    /**
     * Long tokens mixing letters and digits with a high Shannon entropy: keys, not words. Identifiers that merely
     * contain a UUID (message ids, "user-8fe7daad-…") are not secrets, and an absolute path under a usual root
     * ({@code /tmp/junit-1535…/data}) is judged by its segments, so that a log line can still name a file; a
     * Base64 key that merely starts with a slash is still judged whole.
     */
    static boolean highEntropy(String token) {
        if (PATH.matcher(token).lookingAt()) {
            for (String segment : token.split("/")) {
                if (segment.length() >= 24 && highEntropy(segment)) {
                    return true;
                }
            }
            return false;
        }
        if (!token.matches(".*[A-Za-z].*") || !token.matches(".*\\d.*") || UUID.matcher(token).find()) {
            return false;
        }
        int[] counts = new int[128];
        for (char c : token.toCharArray()) {
            counts[c & 127]++;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / token.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        // Hex can carry at most 4 bits a character: a long hex string (a token, an HMAC key) is held to 3.5.
        boolean hex = token.matches("[0-9a-fA-F]+");
        return entropy >= (hex ? (token.length() >= 32 ? 3.3 : 10) : 4.0);
    }
}
