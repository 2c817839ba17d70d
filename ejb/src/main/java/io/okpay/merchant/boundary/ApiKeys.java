package io.okpay.merchant.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.ApiTokens;
import io.okpay.identity.boundary.Throttling;
import io.okpay.merchant.control.SecretKeys;
import io.okpay.merchant.entity.ApiKey;
import io.okpay.merchant.entity.Merchant;
import io.okpay.shared.BusinessException;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant's secret API keys, managed by the person who owns the merchant (anyone else is told 404), and the OAuth2
 * client-credentials exchange (key id + secret) for a short-lived MERCHANT access token.
 */
@Stateless
public class ApiKeys {

    public static final String MERCHANT_KIND = "merchant";
    /** Failed exchanges slow down further tries for that key from that address, and for the key from anywhere. */
    static final Throttling.Rule CLIENT = new Throttling.Rule("client", 10, Duration.ofMinutes(1));
    static final Throttling.Rule CLIENT_FROM_IP = new Throttling.Rule("client-ip", 5, Duration.ofMinutes(15));

    /** A MERCHANT access token for the merchant of a key. */
    public record ClientGrant(String accessToken, long expiresIn, String merchantId) {

        @Override
        public String toString() {
            return "ClientGrant[" + merchantId + "]";
        }
    }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    ApiTokens apiTokens;

    @EJB
    AuditLog auditLog;

    @Inject
    Throttling throttle;

    @Inject
    @ConfigProperty(name = "okpay.merchant.max-active-keys", defaultValue = "5")
    int maxActiveKeys;

    /** A new key for the person's merchant; the secret is in this answer only. */
    public NewApiKey create(String ownerId) {
        Merchant merchant = ownedMerchant(ownerId, true);
        if (merchant.status() == MerchantStatus.REJECTED) {
            throw new BusinessException("merchant_rejected");
        }
        long active = em.createNamedQuery(ApiKey.ACTIVE_COUNT, Long.class)
                .setParameter("merchantId", merchant.publicId()).getSingleResult();
        if (active >= maxActiveKeys) {
            throw new BusinessException("api_key_limit", maxActiveKeys);
        }
        return issue(ownerId, merchant);
    }

    /** The keys of the person's merchant, newest first, revoked ones included. */
    public List<ApiKeyView> list(String ownerId) {
        Merchant merchant = ownedMerchant(ownerId, false);
        return em.createNamedQuery(ApiKey.OF_MERCHANT, ApiKey.class).setParameter("merchantId", merchant.publicId())
                .getResultStream().map(ApiKeyView::of).toList();
    }

    /** Revokes a key for good; revoking a revoked key changes nothing. */
    public ApiKeyView revoke(String ownerId, String keyId) {
        Merchant merchant = ownedMerchant(ownerId, true);
        ApiKey key = ownedKey(merchant, keyId);
        if (key.active()) {
            key.revoke(Instant.now());
            auditLog.record(ownerId, "API_KEY_REVOKED", "-", key.publicId());
        }
        return ApiKeyView.of(key);
    }

    /**
     * Revokes every active key of the person's merchant (the owner closes their account); none when they own no
     * merchant. Returns how many were revoked.
     */
    public int revokeAll(String ownerId) {
        Optional<Merchant> merchant = em.createNamedQuery(Merchant.BY_OWNER, Merchant.class)
                .setParameter("ownerId", ownerId == null ? "" : ownerId).getResultStream().findFirst();
        if (merchant.isEmpty()) {
            return 0;
        }
        em.lock(merchant.get(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        List<ApiKey> active = em.createNamedQuery(ApiKey.OF_MERCHANT, ApiKey.class)
                .setParameter("merchantId", merchant.get().publicId()).getResultStream().filter(ApiKey::active).toList();
        for (ApiKey key : active) {
            key.revoke(now);
            auditLog.record(ownerId, "API_KEY_REVOKED", "-", key.publicId() + "; account closed");
        }
        return active.size();
    }

    /** Replaces an active key: a new key (secret in this answer only) and the old one revoked, in one step. */
    public NewApiKey rotate(String ownerId, String keyId) {
        Merchant merchant = ownedMerchant(ownerId, true);
        ApiKey old = ownedKey(merchant, keyId);
        if (!old.active()) {
            throw new BusinessException("api_key_revoked");
        }
        old.revoke(Instant.now());
        auditLog.record(ownerId, "API_KEY_REVOKED", "-", old.publicId());
        return issue(ownerId, merchant);
    }

    /**
     * OAuth2 client credentials: the key id and its secret give a MERCHANT access token. Unknown key, wrong secret and
     * revoked key all answer the same {@code invalid_client}; guesses are throttled per key, per key and address and
     * per address ({@code client_throttled}, 429, seconds to wait as the argument), counted before the check.
     */
    public ClientGrant exchange(String clientId, String clientSecret, String ip) {
        String client = clientId == null ? "" : clientId.strip();
        Throttling.Key[] keys = {new Throttling.Key(throttle.perAddress(), ip), new Throttling.Key(CLIENT, client),
                new Throttling.Key(CLIENT_FROM_IP, client + "|" + ip)};
        // Counted as a failure before the secret is checked; a right secret gives the count back.
        throttle.attempt("client_throttled", keys);
        Optional<ApiKey> found;
        boolean right;
        try {
            found = client.isEmpty() ? Optional.empty() : find(client);
            right = found.isPresent() && found.get().active() && SecretKeys.matches(clientSecret, found.get().secretHash());
        } catch (RuntimeException notChecked) {
            throttle.refund(keys);
            throw notChecked;
        }
        if (!right) {
            throw new BusinessException("invalid_client");
        }
        throttle.refund(keys);
        throttle.reset(CLIENT_FROM_IP, client + "|" + ip);
        ApiKey key = found.get();
        key.used(Instant.now());
        ApiTokens.AccessToken access = apiTokens.accessToken(MERCHANT_KIND, key.merchantId(), Set.of("MERCHANT"));
        return new ClientGrant(access.token(), access.expiresIn(), key.merchantId());
    }

    private NewApiKey issue(String ownerId, Merchant merchant) {
        String secret = SecretKeys.newSecret();
        ApiKey key = new ApiKey(PublicIds.newId("key"), merchant.publicId(), SecretKeys.hash(secret),
                SecretKeys.hint(secret), Instant.now());
        em.persist(key);
        auditLog.record(ownerId, "API_KEY_CREATED", "-", key.publicId());
        return new NewApiKey(ApiKeyView.of(key), secret);
    }

    /** The merchant the person owns; locked when keys change, so that the active-key limit holds under races. */
    private Merchant ownedMerchant(String ownerId, boolean lock) {
        Merchant merchant = em.createNamedQuery(Merchant.BY_OWNER, Merchant.class)
                .setParameter("ownerId", ownerId == null ? "" : ownerId).getResultStream().findFirst()
                .orElseThrow(BusinessException::notFound);
        if (lock) {
            em.lock(merchant, LockModeType.PESSIMISTIC_WRITE);
        }
        return merchant;
    }

    private ApiKey ownedKey(Merchant merchant, String keyId) {
        return find(keyId).filter(k -> k.merchantId().equals(merchant.publicId()))
                .orElseThrow(BusinessException::notFound);
    }

    private Optional<ApiKey> find(String keyId) {
        return em.createNamedQuery(ApiKey.BY_PUBLIC_ID, ApiKey.class).setParameter("id", keyId == null ? "" : keyId)
                .getResultStream().findFirst();
    }
}
