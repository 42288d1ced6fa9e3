package dev.mnemo.cost;

/** Where a channel charge's price came from. */
enum PriceSource {
    /** The configured price per segment: the provider reported none (yet). */
    CONFIGURED,
    /** The provider's own price for the message. */
    REPORTED
}
