package dev.mnemo.privacy;

/** The kinds of personal or secret data Mnemo recognises. */
public enum PiiType {
    EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, URL_WITH_CREDENTIALS, SECRET
}
