package io.okpay.ledger.boundary;


/**
 * What an account is for. The purpose fixes the account's type and whether it may go negative, so that two callers
 * asking for "the fees account in EUR" always get the same kind of account.
 */
public enum Purpose {
    /** A person's balance: money OKPay owes them. */
    WALLET(AccountType.LIABILITY, true),
    /** A merchant's balance: money OKPay owes the shop. */
    MERCHANT(AccountType.LIABILITY, true),
    /** Money waiting for someone (a transfer to an address not yet registered, a disputed payment). */
    ESCROW(AccountType.LIABILITY, true),
    /** Money received but not yet attributed to anyone; investigated and moved out by support. */
    SUSPENSE(AccountType.LIABILITY, false),
    /** Card top-ups captured but not yet settled by the acquirer: money due to OKPay. */
    FUNDING_CARD(AccountType.ASSET, false),
    /** Bank transfers announced but not yet matched on the bank statement. */
    FUNDING_BANK(AccountType.ASSET, false),
    /** Prepaid vouchers redeemed but not yet settled by their issuer. */
    FUNDING_VOUCHER(AccountType.ASSET, false),
    /** Payouts to merchants' banks sent but not yet confirmed by the bank: owed to the bank transfer in flight. */
    PAYOUT_CLEARING(AccountType.LIABILITY, false),
    /** The house's position in a currency from conversions; the sum over currencies at market rates is the FX P&L. */
    FX_POSITION(AccountType.ASSET, false),
    /** Fees OKPay earned. */
    FEES(AccountType.REVENUE, false),
    /** What processing costs OKPay (acquirer fees, chargebacks lost). */
    PROCESSING_COSTS(AccountType.EXPENSE, false),
    /** The owners' capital. */
    CAPITAL(AccountType.EQUITY, false),
    /** Operators' corrections (four-eyes adjustments): what OKPay gave or took back to put an account right. */
    OPERATIONS(AccountType.EXPENSE, false);

    private final AccountType type;
    private final boolean noNegative;

    Purpose(AccountType type, boolean noNegative) {
        this.type = type;
        this.noNegative = noNegative;
    }

    public AccountType type() {
        return type;
    }

    /** Customer money: the balance may never go below zero. */
    public boolean noNegative() {
        return noNegative;
    }
}
