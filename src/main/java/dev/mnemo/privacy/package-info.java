/**
 * Personal data in text: a pattern-and-checksum detector, log redaction (the logback converters) and, in redact
 * mode, placeholders for what goes to a model provider. Its API is {@link dev.mnemo.privacy.Privacy}, {@link
 * dev.mnemo.privacy.PiiDetector} and their value types, and the logback converters named in logback-spring.xml.
 */
package dev.mnemo.privacy;
