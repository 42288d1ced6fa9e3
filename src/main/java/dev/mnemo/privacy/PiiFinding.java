package dev.mnemo.privacy;

/** One piece of personal or secret data in a text: what kind, and where ({@code start} inclusive, {@code end} exclusive). */
public record PiiFinding(PiiType type, int start, int end, String value) {
}
