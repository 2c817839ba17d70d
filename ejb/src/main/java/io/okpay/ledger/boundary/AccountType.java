package io.okpay.ledger.boundary;

/**
 * The five kinds of account of double-entry bookkeeping. The kind fixes the normal balance: assets and expenses grow
 * with debits, liabilities, equity and revenue with credits.
 */
public enum AccountType {
    ASSET(1), EXPENSE(1), LIABILITY(-1), EQUITY(-1), REVENUE(-1);

    private final int normalSign;

    AccountType(int normalSign) {
        this.normalSign = normalSign;
    }

    /**
     * +1 when a debit (a positive entry amount) raises the balance, -1 when a credit does. The balance of an account is
     * normalSign times the sum of its entries.
     */
    public int normalSign() {
        return normalSign;
    }
}
