package io.okpay.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks the SMS gateway from configuration: okpay.sms.gateway = http (a real provider) or sandbox (a file). There is
 * no default: io.okpay.shared.RequiredConfiguration refuses to start without a choice.
 */
@ApplicationScoped
public class SmsGateways {

    @Inject
    @ConfigProperty(name = "okpay.sms.gateway")
    Optional<String> kind;

    @Inject
    @ConfigProperty(name = "okpay.sms.sandbox-file")
    Optional<String> sandboxFile;

    @Inject
    @ConfigProperty(name = "okpay.sms.http.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "okpay.sms.http.token")
    Optional<String> token;

    @Produces
    @ApplicationScoped
    SmsGateway gateway() {
        String chosen = kind.map(String::strip).orElse("");
        return switch (chosen) {
            case "http" -> new HttpSmsGateway(URI.create(url.orElseThrow(() ->
                    new IllegalStateException("okpay.sms.gateway=http needs okpay.sms.http.url"))), token.orElse(null));
            case "sandbox" -> new SandboxSmsGateway(sandboxPath());
            default -> throw new IllegalStateException("okpay.sms.gateway must be http or sandbox");
        };
    }

    /** Where the sandbox keeps its messages: okpay.sms.sandbox-file, which the sandbox needs set. */
    public Path sandboxPath() {
        return Path.of(sandboxFile.orElseThrow(() ->
                new IllegalStateException("okpay.sms.gateway=sandbox needs okpay.sms.sandbox-file")));
    }
}
