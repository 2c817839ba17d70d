package io.okpay.identity.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * The one operation a step-up code approves (dynamic linking): what is done ({@code action}, e.g. "send-money"), how
 * much, and to whom. {@code payee} is what the code's message shows ("bob@example.com", "DE89 •••• 3000 · Max
 * Mustermann"); {@code payeeRef} is what identifies the payee for the binding (an e-mail address, an IBAN, a merchant
 * id) and is never shown. A code issued for one operation is refused for any other: another amount, currency or payee.
 */
public record Operation(String action, Money amount, String payee, String payeeRef) implements Serializable {

    public Operation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payee, "payee");
        payeeRef = payeeRef == null ? payee : payeeRef;
    }

    public static Operation of(String action, Money amount, String payee) {
        return new Operation(action, amount, payee, payee);
    }

    /** The canonical text the binding digest is taken over: one line per part, the payee's reference in lower case. */
    public String canonical() {
        return action + "\n" + amount.minor() + "\n" + amount.exponent() + "\n" + amount.currency() + "\n"
                + payeeRef.strip().toLowerCase(Locale.ROOT);
    }
}
