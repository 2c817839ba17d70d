package io.okpay.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Sets the Argon2id parameters of new password hashes from {@code okpay.password.argon2.memory-kib} and
 * {@code okpay.password.argon2.iterations} (default: the OWASP minimum). Raising them is always allowed; lowering them
 * below the OWASP minimum only in a sandbox ({@code okpay.sandbox.enabled=true}, as the integration tests run, where
 * hashing was half of the server's CPU): elsewhere OKPay refuses to start. At most
 * {@code okpay.password.argon2.concurrency} hashes run at once (default: the processors, at least 2); a request waits
 * up to {@code okpay.password.argon2.queue-wait} (default PT2S) for its turn, then is refused with 503.
 */
@Singleton
@Startup
public class PasswordCost {

    private static final Logger LOG = Logger.getLogger(PasswordCost.class.getName());

    @Inject
    Config config;

    @PostConstruct
    void apply() {
        PasswordHasher.Cost minimum = PasswordHasher.Cost.OWASP_MINIMUM;
        PasswordHasher.Cost configured = new PasswordHasher.Cost(
                config.getOptionalValue("okpay.password.argon2.memory-kib", Integer.class).orElse(minimum.memoryKib()),
                config.getOptionalValue("okpay.password.argon2.iterations", Integer.class).orElse(minimum.iterations()));
        if (configured.weakerThan(minimum)) {
            if (!config.getOptionalValue("okpay.sandbox.enabled", Boolean.class).orElse(false)) {
                throw new IllegalStateException("okpay.password.argon2.* is below the OWASP minimum (m=19456 KiB, t=2): "
                        + "allowed only with okpay.sandbox.enabled=true");
            }
            LOG.warning(() -> "Password hashes use Argon2id m=" + configured.memoryKib() + " KiB, t=" + configured.iterations()
                    + ", below the OWASP minimum: a sandbox only");
        }
        PasswordHasher.use(configured);
        int permits = config.getOptionalValue("okpay.password.argon2.concurrency", Integer.class)
                .orElse(Math.max(2, Runtime.getRuntime().availableProcessors()));
        if (permits < 1) {
            throw new IllegalStateException("okpay.password.argon2.concurrency must be at least 1");
        }
        PasswordHasher.bound(permits, config.getOptionalValue("okpay.password.argon2.queue-wait", Duration.class)
                .orElse(Duration.ofSeconds(2)));
    }
}
