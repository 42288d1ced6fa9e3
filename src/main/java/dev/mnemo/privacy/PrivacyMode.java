package dev.mnemo.privacy;

/**
 * {@code ASSISTANT_PII_MODE}. OFF: nothing is looked for. FLAG: logs are redacted and memories holding personal
 * data are tagged {@code sensitive}, but model providers see the text as written. REDACT: as FLAG, and what goes
 * to a model provider has each finding replaced by a placeholder ({@code [EMAIL_1]}), put back in the reply here.
 */
public enum PrivacyMode { OFF, FLAG, REDACT }
