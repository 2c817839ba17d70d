package io.okpay.payout.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OKPay's bank account that payouts are paid from: the same okpay.bank.* configuration as the account that receives
 * bank transfer top-ups (client money comes in and goes out through one account).
 */
@ApplicationScoped
public class DebtorAccount {

    @Inject
    @ConfigProperty(name = "okpay.bank.account-name")
    String name;

    @Inject
    @ConfigProperty(name = "okpay.bank.iban")
    String iban;

    @Inject
    @ConfigProperty(name = "okpay.bank.bic", defaultValue = "")
    String bic;

    public String name() {
        return name;
    }

    /** In its electronic form (no spaces, upper case), as pain.001 wants it. */
    public String iban() {
        return iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    public String bic() {
        return bic == null ? "" : bic.strip();
    }
}
