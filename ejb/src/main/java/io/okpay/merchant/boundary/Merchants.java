package io.okpay.merchant.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.merchant.entity.Merchant;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.EmailAddress;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Merchant profiles: a person with a verified e-mail opens one (at most one each), compliance approves or rejects it,
 * and other features ask for a merchant by its public id. Unknown ids answer 404 like anyone else's objects.
 */
@Stateless
public class Merchants {

    static final int NAME_MAX_LENGTH = 100;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Users users;

    @Inject
    Currencies currencies;

    @EJB
    AuditLog auditLog;

    /** Opens the person's shop profile, PENDING until compliance decides. Field errors name the request fields. */
    public MerchantView open(String userId, String businessName, String website, String supportEmail,
                             String settlementCurrency) {
        UserView owner = users.require(userId);
        if (!owner.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = businessName == null ? "" : businessName.strip();
        if (name.isEmpty() || name.length() > NAME_MAX_LENGTH) {
            errors.add(new FieldError("business_name", "business_name_invalid"));
        }
        String site = website == null ? "" : website.strip();
        if (!isWebAddress(site)) {
            errors.add(new FieldError("website", "website_invalid"));
        }
        Optional<EmailAddress> support = EmailAddress.parse(supportEmail);
        if (support.isEmpty()) {
            errors.add(new FieldError("support_email", "email_invalid"));
        }
        String currency = settlementCurrency == null ? "" : settlementCurrency.strip().toUpperCase(Locale.ROOT);
        if (currencies.findEnabled(currency).isEmpty()) {
            errors.add(new FieldError("settlement_currency", "currency_unsupported"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        if (ofOwner(userId).isPresent()) {
            throw new BusinessException("merchant_exists");
        }
        Merchant merchant = new Merchant(PublicIds.newId("mch"), userId, name, site, support.get().value(), currency,
                Instant.now());
        em.persist(merchant);
        auditLog.record(userId, "MERCHANT_OPENED", "-", merchant.publicId());
        return MerchantView.of(merchant);
    }

    /** The merchant with this public id; 404 when there is none. */
    public MerchantView require(String merchantId) {
        return find(merchantId).map(MerchantView::of).orElseThrow(BusinessException::notFound);
    }

    /** The merchant with this id if it may take payments now; 404 when unknown, merchant_not_live (403) otherwise. */
    public MerchantView requireLive(String merchantId) {
        MerchantView merchant = require(merchantId);
        if (!merchant.live()) {
            throw new BusinessException("merchant_not_live");
        }
        return merchant;
    }

    /** The shop profile the person opened, if any. */
    public Optional<MerchantView> ofOwner(String userId) {
        return em.createNamedQuery(Merchant.BY_OWNER, Merchant.class).setParameter("ownerId", userId)
                .getResultStream().findFirst().map(MerchantView::of);
    }

    /** Merchants in a status, oldest first; {@code after} is the last id of the previous page (null for the first). */
    public List<MerchantView> inStatus(MerchantStatus status, String after, int limit) {
        long afterId = after == null || after.isBlank() ? 0
                : find(after).map(Merchant::id).orElseThrow(() -> BusinessException.invalid(
                        List.of(new FieldError("starting_after", "cursor_invalid"))));
        return em.createNamedQuery(Merchant.BY_STATUS, Merchant.class).setParameter("status", status)
                .setParameter("after", afterId).setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultStream().map(MerchantView::of).toList();
    }

    /**
     * Compliance's decision: APPROVED, REJECTED, or SUSPENDED (of an approved merchant); a suspended merchant can be
     * approved again. Nobody decides on their own shop. Audited.
     */
    public MerchantView decide(String operatorId, String merchantId, MerchantStatus decision) {
        Merchant merchant = find(merchantId).orElseThrow(BusinessException::notFound);
        em.lock(merchant, LockModeType.PESSIMISTIC_WRITE);
        if (merchant.ownerId().equals(operatorId)) {
            throw new BusinessException("own_merchant");
        }
        boolean allowed = switch (decision) {
            case APPROVED -> merchant.status() != MerchantStatus.APPROVED;
            case REJECTED -> merchant.status() == MerchantStatus.PENDING;
            case SUSPENDED -> merchant.status() == MerchantStatus.APPROVED;
            case PENDING -> false;
        };
        if (!allowed) {
            throw new BusinessException("merchant_status_conflict");
        }
        merchant.decide(decision, operatorId, Instant.now());
        auditLog.record(operatorId, "MERCHANT_" + decision.name(), "-", merchant.publicId());
        return MerchantView.of(merchant);
    }

    private Optional<Merchant> find(String merchantId) {
        return em.createNamedQuery(Merchant.BY_PUBLIC_ID, Merchant.class)
                .setParameter("id", merchantId == null ? "" : merchantId).getResultStream().findFirst();
    }

    /** An absolute http(s) address with a host: where the shop is, shown to payers. */
    static boolean isWebAddress(String value) {
        if (value.isEmpty() || value.length() > 255) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
