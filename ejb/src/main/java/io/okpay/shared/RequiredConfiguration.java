package io.okpay.shared;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses to start a server that could not do its job: without a card processor, an SMS provider or the master key it
 * would fail only when the first person pays or asks for a code. Nothing here has a shipped default; a sandbox
 * stand-in counts only when it is chosen explicitly (README "Configuration").
 */
@Singleton
@Startup
public class RequiredConfiguration {

    static final String CARD_GATEWAY_URL = "okpay.card.gateway-url";
    static final String CARD_API_KEY = "okpay.card.api-key";
    static final String SMS_GATEWAY = "okpay.sms.gateway";
    static final String SMS_HTTP_URL = "okpay.sms.http.url";
    static final String SMS_SANDBOX_FILE = "okpay.sms.sandbox-file";
    static final String MASTER_KEY = "okpay.master-key";

    @Inject
    Config config;

    @PostConstruct
    void check() {
        List<String> problems = problems(key -> config.getOptionalValue(key, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("OKPay does not start: " + String.join("; ", problems)
                    + " (README \"Configuration\")");
        }
    }

    /** What is missing or contradictory, one sentence each naming its configuration key; empty when OKPay may start. */
    public static List<String> problems(Function<String, Optional<String>> settings) {
        Function<String, Optional<String>> set = key -> settings.apply(key).map(String::strip)
                .filter(value -> !value.isEmpty());
        List<String> problems = new ArrayList<>();
        if (set.apply(MASTER_KEY).isEmpty()) {
            problems.add(MASTER_KEY + " is not set (base64 of 32 random bytes)");
        }
        Optional<String> gateway = set.apply(CARD_GATEWAY_URL);
        if (gateway.isEmpty()) {
            problems.add(CARD_GATEWAY_URL + " is not set (the card processor's API)");
        } else if (gateway.get().contains("/sandbox/acquirer") && !SandboxPart.ACQUIRER.on(settings)) {
            problems.add(CARD_GATEWAY_URL + " points at the sandbox acquirer, which is off ("
                    + SandboxPart.ACQUIRER.key() + ")");
        }
        if (set.apply(CARD_API_KEY).isEmpty()) {
            problems.add(CARD_API_KEY + " is not set (OKPay's key at the card processor)");
        }
        Optional<String> sms = set.apply(SMS_GATEWAY);
        if (sms.isEmpty()) {
            problems.add(SMS_GATEWAY + " is not set (http, with " + SMS_HTTP_URL + "; or sandbox, with "
                    + SMS_SANDBOX_FILE + ")");
        } else if ("http".equals(sms.get())) {
            if (set.apply(SMS_HTTP_URL).isEmpty()) {
                problems.add(SMS_HTTP_URL + " is not set (the SMS provider, for " + SMS_GATEWAY + "=http)");
            }
        } else if ("sandbox".equals(sms.get())) {
            if (set.apply(SMS_SANDBOX_FILE).isEmpty()) {
                problems.add(SMS_SANDBOX_FILE + " is not set (where the SMS sandbox keeps texts, for "
                        + SMS_GATEWAY + "=sandbox)");
            }
        } else {
            problems.add(SMS_GATEWAY + " is " + sms.get() + ": http or sandbox");
        }
        return problems;
    }
}
