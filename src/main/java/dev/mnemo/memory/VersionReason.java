package dev.mnemo.memory;

/** Why a version of a memory stopped being the current one. */
public enum VersionReason {
    /** The person said something that replaces it. */
    CORRECTED,
    /** A repetition with a richer wording replaced it (at write time or during sleep). */
    MERGED,
    /** The person edited it (the web page, the API, an MCP client). */
    EDITED,
    /** Sleep folded it, with related episodes, into one general memory. */
    SUMMARISED
}
