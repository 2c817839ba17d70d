package io.okpay.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Who runs this OKPay (configuration okpay.operator.*): named on every page's footer, on the terms and privacy pages
 * and under every e-mail, because a person has to know which company holds their money and where to write.
 */
@Named("operator")
@ApplicationScoped
public class Operator {

    @Inject
    @ConfigProperty(name = "okpay.operator.name")
    String name;

    @Inject
    @ConfigProperty(name = "okpay.operator.address")
    String address;

    @Inject
    @ConfigProperty(name = "okpay.operator.licence")
    String licence;

    @Inject
    @ConfigProperty(name = "okpay.operator.support-email")
    String supportEmail;

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String licence() {
        return licence;
    }

    public String supportEmail() {
        return supportEmail;
    }

    /** One line naming the operator, its address, licence and support address, in the given language. */
    public String statement(Locale locale) {
        return Messages.get(locale, "footer.operator", name, address, licence, supportEmail);
    }
}
