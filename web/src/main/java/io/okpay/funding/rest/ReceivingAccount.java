package io.okpay.funding.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OKPay's bank account that receives bank transfer top-ups, as told to the person (configuration okpay.bank.*). */
@ApplicationScoped
public class ReceivingAccount {

    @Inject
    @ConfigProperty(name = "okpay.bank.account-name")
    String accountName;

    @Inject
    @ConfigProperty(name = "okpay.bank.iban")
    String iban;

    @Inject
    @ConfigProperty(name = "okpay.bank.bic")
    String bic;

    @Inject
    @ConfigProperty(name = "okpay.bank.name")
    String bankName;

    public String accountName() {
        return accountName;
    }

    public String iban() {
        return iban;
    }

    public String bic() {
        return bic;
    }

    public String bankName() {
        return bankName;
    }
}
