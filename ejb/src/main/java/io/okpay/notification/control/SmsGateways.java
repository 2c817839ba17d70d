package io.okpay.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Picks the SMS gateway from configuration: okpay.sms.gateway = sandbox (default) or http. */
@ApplicationScoped
public class SmsGateways {

    @Inject
    @ConfigProperty(name = "okpay.sms.gateway")
    String kind;

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
        if ("http".equals(kind)) {
            return new HttpSmsGateway(URI.create(url.orElseThrow(() ->
                    new IllegalStateException("okpay.sms.gateway=http needs okpay.sms.http.url"))), token.orElse(null));
        }
        return new SandboxSmsGateway(sandboxPath());
    }

    /** Where the sandbox keeps its messages: okpay.sms.sandbox-file, else okpay-sms.log in the temp directory. */
    public Path sandboxPath() {
        return Path.of(sandboxFile.orElse(System.getProperty("java.io.tmpdir") + "/okpay-sms.log"));
    }
}
