package io.okpay.checkout.boundary;

import io.okpay.checkout.control.DemoShopAccounts;
import io.okpay.merchant.boundary.NewApiKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox demo shop's merchant and its API key, made ready at start-up when {@code okpay.sandbox.enabled=true}:
 * the owner shop@demo.okpay.test (confirmed, a random password nobody needs), the approved merchant "OKPay Demo Shop"
 * settling in EUR, and a new API key whose secret lives only in this instance's memory (the keys of earlier starts,
 * or of other instances, are revoked: an instance whose key was revoked by another makes itself a new one, see
 * {@link #renewKey}). A failure here never stops OKPay from starting: the shop tries again when first used.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoShop {

    private static final Logger LOG = Logger.getLogger(DemoShop.class.getName());

    /** The shop's credentials for the client-credentials grant. */
    public record Credentials(String merchantId, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Credentials[" + merchantId + ", " + clientId + "]";
        }
    }

    @EJB
    DemoShopAccounts accounts;

    private volatile Credentials credentials;

    @PostConstruct
    void start() {
        if (!enabled()) {
            return;
        }
        try {
            renewKey(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The sandbox demo shop could not be set up now; it tries again when first used", e);
        }
    }

    /** Whether the sandbox (and so the demo shop) is on; read on every call like the sandbox acquirer does. */
    public boolean enabled() {
        return config().getOptionalValue("okpay.sandbox.enabled", Boolean.class).orElse(false);
    }

    /** The shop's current credentials, set up now when the start-up could not. */
    public Credentials credentials() {
        Credentials current = credentials;
        return current != null ? current : renewKey(null);
    }

    /**
     * A new key for this instance, unless the one OKPay refused ({@code refused}, may be null) was already replaced
     * meanwhile by another thread. Every set-up step is idempotent; a step that lost a race to another instance is
     * run once more.
     */
    public synchronized Credentials renewKey(String refused) {
        Credentials current = credentials;
        if (current != null && !current.clientId().equals(refused)) {
            return current;
        }
        String website = baseUrl() + "/sandbox/shop/";
        String ownerId = again(accounts::owner);
        String merchantId = again(() -> accounts.merchant(ownerId, website));
        NewApiKey key = again(() -> accounts.freshKey(ownerId));
        credentials = new Credentials(merchantId, key.key().id(), key.secret());
        LOG.info(() -> "Sandbox demo shop ready: merchant " + merchantId + ", key " + key.key().id()
                + " (its secret is kept in memory only)");
        return credentials;
    }

    /** Where this OKPay is for its users (the shop's own address and OKPay's API for it). */
    public String baseUrl() {
        return config().getOptionalValue("okpay.base-url", String.class).orElse("http://localhost:8080")
                .replaceAll("/+$", "");
    }

    private static <T> T again(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException lostRace) {
            return step.get();
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
