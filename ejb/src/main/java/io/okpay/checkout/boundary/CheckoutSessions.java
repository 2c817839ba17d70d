package io.okpay.checkout.boundary;

import io.okpay.checkout.control.CheckoutRecords;
import io.okpay.checkout.control.CheckoutRules;
import io.okpay.checkout.control.CheckoutViews;
import io.okpay.checkout.entity.CheckoutSession;
import io.okpay.currency.boundary.Amounts;
import io.okpay.shared.persistence.WriteConflict;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checkout sessions of merchants: created through the API (idempotent under the merchant's key), read, listed and
 * expired by their merchant (anyone else's answer 404), and shown on OKPay's checkout page. An open session past its
 * expiry is expired when it is read and by {@link #expireDue} (a timer on every instance: the expiry is a conditional
 * change under the session's lock, so each session is expired and announced once).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutSessions {

    private static final Logger LOG = Logger.getLogger(CheckoutSessions.class.getName());

    @EJB
    Merchants merchants;

    @EJB
    Amounts amounts;

    @EJB
    CheckoutRecords records;

    @Inject
    CheckoutViews views;

    @Inject
    @ConfigProperty(name = "okpay.checkout.session-ttl", defaultValue = "PT24H")
    Duration sessionTtl;

    /** A new open session; the same key and request again return it, the same key with another request is 409. */
    public SessionView create(String merchantId, String idempotencyKey, SessionRequest request) {
        return create(merchantId, idempotencyKey, request, null);
    }

    /**
     * A payer's session for a payment link (see {@link PaymentLinks#checkout}): an ordinary session that also names
     * its link, so paying it counts against the link's quantity and the merchant sees it among the link's payments.
     */
    public SessionView createForLink(String linkId, String merchantId, String idempotencyKey, SessionRequest request) {
        return create(merchantId, idempotencyKey, request, Objects.requireNonNull(linkId));
    }

    private SessionView create(String merchantId, String idempotencyKey, SessionRequest request, String linkId) {
        String key = IdempotencyKey.of(idempotencyKey);
        merchants.requireLive(merchantId);
        CheckoutSession asked = read(merchantId, key, request).forLink(linkId);
        var earlier = records.sessionByKey(merchantId, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), asked);
        }
        try {
            records.insertSession(asked);
            return views.session(asked, false);
        } catch (WriteConflict lost) {
            return replay(records.sessionByKey(merchantId, key).orElseThrow(() -> lost), asked);
        }
    }

    /** The merchant's session, expired first when its time is up; 404 for anyone else's. */
    public SessionView find(String merchantId, String sessionId) {
        CheckoutSession session = records.session(sessionId).filter(s -> s.merchantId().equals(merchantId))
                .orElseThrow(BusinessException::notFound);
        return views.session(current(session), false);
    }

    /** A session for its checkout page, whoever looks (the page shows what the merchant asks for); 404 when unknown. */
    public SessionView forCheckout(String sessionId) {
        return views.session(current(records.session(sessionId).orElseThrow(BusinessException::notFound)), false);
    }

    /** Newest first; {@code startingAfter} is the id of the last session of the previous page. */
    public SessionPage list(String merchantId, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.session(startingAfter).filter(s -> s.merchantId().equals(merchantId))
                    .map(CheckoutSession::id)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<CheckoutSession> rows = records.sessionsOf(merchantId, before, size + 1);
        return new SessionPage(rows.stream().limit(size).map(s -> views.session(current(s), false)).toList(),
                rows.size() > size);
    }

    /** The merchant ends an open session now: nobody can pay it any more. 409 session_not_open when it is not open. */
    public SessionView expire(String merchantId, String sessionId) {
        CheckoutSession session = records.session(sessionId).filter(s -> s.merchantId().equals(merchantId))
                .orElseThrow(BusinessException::notFound);
        records.expire(session.publicId(), Instant.now(), true);
        CheckoutSession after = records.session(sessionId).orElseThrow();
        if (after.status() != SessionStatus.EXPIRED || session.status() != SessionStatus.OPEN) {
            throw new BusinessException("session_not_open");
        }
        return views.session(after, false);
    }

    /** Expires the open sessions whose time is up (at most 500 per call); returns how many this call expired. */
    public int expireDue(Instant now) {
        int expired = 0;
        for (String sessionId : records.dueSessions(now, 500)) {
            try {
                if (records.expire(sessionId, now, false)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Expiring checkout session " + sessionId + " failed; the next run tries again", e);
            }
        }
        return expired;
    }

    /** The session as it is now: an open one past its time is expired first (lazily, by whoever reads it). */
    private CheckoutSession current(CheckoutSession session) {
        Instant now = Instant.now();
        if (session.status() == SessionStatus.OPEN && !session.expiresAt().isAfter(now)
                && records.expire(session.publicId(), now, false)) {
            return records.session(session.publicId()).orElseThrow();
        }
        return session;
    }

    private CheckoutSession read(String merchantId, String key, SessionRequest request) {
        SessionRequest r = request == null ? new SessionRequest(null, null, null, null, null, null, null, null) : request;
        Money money = amounts.positive(r.amount(), r.currency());
        List<FieldError> errors = new ArrayList<>();
        String reference = CheckoutRules.text(r.merchantReference(), CheckoutRules.REFERENCE_MAX_LENGTH,
                "merchant_reference", errors);
        String description = CheckoutRules.text(r.description(), CheckoutRules.DESCRIPTION_MAX_LENGTH, "description", errors);
        String successUrl = CheckoutRules.returnUrl(r.successUrl(), "success_url", errors);
        String cancelUrl = CheckoutRules.returnUrl(r.cancelUrl(), "cancel_url", errors);
        String customerEmail = CheckoutRules.email(r.customerEmail(), errors);
        String metadata = CheckoutRules.metadata(r.metadata(), errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        // Micro-second precision, as stored: the session read back later renders exactly like this one.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new CheckoutSession(PublicIds.newId("cs"), merchantId, money.minor(), money.currency(), reference,
                description, successUrl, cancelUrl, customerEmail, metadata, PublicIds.newId("pay"), key, now,
                now.plus(sessionTtl));
    }

    private SessionView replay(CheckoutSession earlier, CheckoutSession asked) {
        boolean same = earlier.amount() == asked.amount() && earlier.currency().equals(asked.currency())
                && Objects.equals(earlier.merchantReference(), asked.merchantReference())
                && Objects.equals(earlier.description(), asked.description())
                && earlier.successUrl().equals(asked.successUrl()) && earlier.cancelUrl().equals(asked.cancelUrl())
                && Objects.equals(earlier.customerEmail(), asked.customerEmail())
                && Objects.equals(earlier.metadata(), asked.metadata())
                && Objects.equals(earlier.paymentLinkId(), asked.paymentLinkId());
        if (!same) {
            throw new BusinessException("idempotency_conflict");
        }
        return views.session(current(earlier), true);
    }
}
