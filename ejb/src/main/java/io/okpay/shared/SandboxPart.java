package io.okpay.shared;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.function.Function;

/**
 * The stand-ins OKPay ships for trying it without real partners, each behind its own switch so that turning one on
 * never turns on another. All are off as shipped; the run command and the integration tests switch on what they use.
 */
public enum SandboxPart {

    /** The stand-in card processor at /sandbox/acquirer. */
    ACQUIRER("okpay.sandbox.acquirer.enabled"),
    /** Webhook receivers over plain http and on loopback or private addresses (receivers on this machine). */
    LOCAL_WEBHOOK_RECEIVERS("okpay.sandbox.webhook.local-receivers"),
    /** Exchange rates from the dated snapshot served at /sandbox/fx instead of the ECB. */
    FX_FEED("okpay.sandbox.fx.enabled"),
    /** The demo shop at /sandbox/shop, and password-hash costs below the minimum (test servers only). */
    DEMO("okpay.sandbox.enabled");

    private final String key;

    SandboxPart(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Read on every call: a switch is configuration, never remembered. */
    public boolean on(Config config) {
        return config.getOptionalValue(key, Boolean.class).orElse(false);
    }

    /** The same, from any source of settings (for checks that run before or outside the container). */
    public boolean on(Function<String, Optional<String>> settings) {
        return settings.apply(key).map(value -> Boolean.parseBoolean(value.strip())).orElse(false);
    }
}
