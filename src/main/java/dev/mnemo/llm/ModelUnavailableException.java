package dev.mnemo.llm;

/** No configured model could answer: every candidate failed, had its circuit open, or none is configured. */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
