package dev.mnemo.llm;

/**
 * Background work (memory, check-ins) was not sent to a model because the person's month's budget is spent: the
 * caller runs its offline path, and trying again before the month ends is pointless.
 */
public class BudgetSpentException extends ModelUnavailableException {
    public BudgetSpentException(String purpose) {
        super("the month's budget is spent: " + purpose + " runs offline", null);
    }
}
