package io.okpay.checkout.boundary;

import io.okpay.checkout.control.CheckoutRecords;
import io.okpay.checkout.control.CheckoutRules;
import io.okpay.checkout.control.CheckoutViews;
import io.okpay.checkout.entity.CheckoutPayment;
import io.okpay.checkout.entity.PaymentLink;
import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment links: a merchant's reusable request for payments (fixed or open amount, optional expiry and quantity
 * limit) on a public page. Whoever pays it gets a checkout session of their own ({@link #checkout}) and pays it on the
 * usual checkout page, so payments, fees, receipts and webhooks are those of checkout. Merchants read only their own
 * links (anyone else's answer 404); the page reads any link by id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentLinks {

    public static final int MAX_QUANTITY = 1_000_000;
    /** A link may be set to end at most this far ahead. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** The metadata key that names the link in its sessions (and so in their webhook events). */
    public static final String METADATA_KEY = "payment_link";

    @EJB
    Merchants merchants;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    CheckoutRecords records;

    @EJB
    CheckoutSessions sessions;

    @Inject
    CheckoutViews views;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    /** A new active link of a live merchant; bad fields are named all at once, except a bad fixed amount. */
    public PaymentLinkView create(String merchantId, PaymentLinkRequest request) {
        merchants.requireLive(merchantId);
        PaymentLinkRequest r = request == null ? new PaymentLinkRequest(null, null, null, null, null) : request;
        List<FieldError> errors = new ArrayList<>();
        Long amount = null;
        String currency = r.currency() == null ? "" : r.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (r.amount() == null || r.amount().isBlank()) {
            if (currencies.findEnabled(currency).isEmpty()) {
                errors.add(new FieldError("currency", "currency_unsupported"));
            }
        } else {
            Money money = amounts.positive(r.amount().strip(), currency);
            amount = money.minor();
            currency = money.currency();
        }
        String description = CheckoutRules.text(r.description(), CheckoutRules.DESCRIPTION_MAX_LENGTH, "description",
                errors);
        if (description == null) {
            errors.add(new FieldError("description", "payment_link_description_required"));
        }
        if (r.quantityLimit() != null && (r.quantityLimit() < 1 || r.quantityLimit() > MAX_QUANTITY)) {
            errors.add(new FieldError("quantity_limit", "payment_link_quantity_invalid", MAX_QUANTITY));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = r.expiresAt() == null ? null : r.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME)))) {
            errors.add(new FieldError("expires_at", "payment_link_expiry_invalid", MAX_LIFETIME.toDays()));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        PaymentLink link = new PaymentLink(PublicIds.newId("plink"), merchantId, amount, currency, description,
                r.quantityLimit(), expiresAt, now);
        records.insertLink(link);
        return view(link, 0, merchants.require(merchantId).businessName());
    }

    /** The merchant's link; 404 for anyone else's. */
    public PaymentLinkView find(String merchantId, String linkId) {
        PaymentLink link = own(merchantId, linkId);
        return view(link, records.paidCounts(List.of(link.publicId())).getOrDefault(link.publicId(), 0L),
                merchants.require(merchantId).businessName());
    }

    /** Newest first; {@code startingAfter} is the id of the last link of the previous page. */
    public PaymentLinkPage list(String merchantId, String startingAfter, int limit) {
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.link(startingAfter).filter(l -> l.merchantId().equals(merchantId)).map(PaymentLink::id)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<PaymentLink> rows = records.linksOf(merchantId, before, size + 1);
        List<PaymentLink> shown = rows.subList(0, Math.min(size, rows.size()));
        Map<String, Long> paid = records.paidCounts(shown.stream().map(PaymentLink::publicId).toList());
        String name = merchants.require(merchantId).businessName();
        return new PaymentLinkPage(shown.stream().map(l -> view(l, paid.getOrDefault(l.publicId(), 0L), name)).toList(),
                rows.size() > size);
    }

    /** Nobody can start paying the link from now on (sessions already begun are refused too); idempotent. */
    public PaymentLinkView deactivate(String merchantId, String linkId) {
        own(merchantId, linkId);
        records.deactivateLink(linkId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return find(merchantId, linkId);
    }

    /** The link for its public page, whoever looks; 404 when unknown. */
    public PaymentLinkView forPage(String linkId) {
        PaymentLink link = records.link(linkId).orElseThrow(BusinessException::notFound);
        return view(link, records.paidCounts(List.of(link.publicId())).getOrDefault(link.publicId(), 0L),
                merchants.require(link.merchantId()).businessName());
    }

    /**
     * A payer starts paying the link: a checkout session of their own, for the link's amount or (open amount) the one
     * they typed (field "amount", as many decimals as the currency has at most). {@code key} is the page's form token:
     * the same key again answers the same session. The session comes back to the link's page.
     */
    public SessionView checkout(String linkId, String key, String amount) {
        PaymentLinkView link = forPage(linkId);
        if (link.status() != PaymentLinkStatus.ACTIVE) {
            throw new BusinessException(link.status().refusal());
        }
        String asked = link.openAmount() ? (amount == null ? "" : amount.strip()) : link.amount().toDecimal();
        Money money = amounts.positive(asked, link.currency());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(METADATA_KEY, linkId);
        return sessions.createForLink(linkId, link.merchantId(), "link:" + linkId + ":" + key,
                new SessionRequest(money.toDecimal(), money.currency(), null, link.description(), link.url(), link.url(),
                        null, metadata));
    }

    /** The link's payments, newest first; 404 for anyone else's link. */
    public PaymentPage payments(String merchantId, String linkId, String startingAfter, int limit) {
        own(merchantId, linkId);
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            before = records.paymentById(startingAfter).filter(p -> p.merchantId().equals(merchantId))
                    .map(CheckoutPayment::id)
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<CheckoutPayment> rows = records.linkPayments(linkId, before, size + 1);
        List<PaymentView> page = new ArrayList<>();
        for (CheckoutPayment p : rows.subList(0, Math.min(size, rows.size()))) {
            page.add(views.payment(p, records.session(p.sessionId()).orElseThrow()));
        }
        return new PaymentPage(page, rows.size() > size);
    }

    /** The public page of a link. */
    public String pageUrl(String linkId) {
        return base() + "/checkout/link.xhtml?id=" + URLEncoder.encode(linkId, StandardCharsets.UTF_8);
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private PaymentLink own(String merchantId, String linkId) {
        return records.link(linkId).filter(l -> l.merchantId().equals(merchantId)).orElseThrow(BusinessException::notFound);
    }

    private PaymentLinkView view(PaymentLink link, long paid, String merchantName) {
        int exponent = currencies.exponent(link.currency());
        Money amount = link.amount() == null ? null : new Money(link.amount(), link.currency(), exponent);
        return new PaymentLinkView(link.publicId(), link.merchantId(), merchantName, amount, link.currency(), exponent,
                link.description(), link.quantityLimit(), link.expiresAt(), link.status(paid, Instant.now()), paid,
                pageUrl(link.publicId()), base() + "/api/v1/payment_links/" + link.publicId() + "/qr.svg", link.createdAt());
    }
}
