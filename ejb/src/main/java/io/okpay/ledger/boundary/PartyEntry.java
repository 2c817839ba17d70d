package io.okpay.ledger.boundary;

/**
 * One entry of a transaction with whose account it moved: the owner, what the account is for and its type, and the
 * signed amount (debit positive). What a transaction meant for each party (who paid a fee) is read from these.
 */
public record PartyEntry(String transactionId, String currency, OwnerType ownerType, String ownerId, Purpose purpose,
                         AccountType type, long amount) {

    /** The change to the account's balance, in its normal direction: positive when it grew. */
    public long change() {
        return Math.multiplyExact(type.normalSign(), amount);
    }
}
