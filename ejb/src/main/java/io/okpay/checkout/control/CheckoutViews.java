package io.okpay.checkout.control;

import io.okpay.checkout.boundary.PaymentView;
import io.okpay.checkout.boundary.RefundView;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.checkout.entity.CheckoutPayment;
import io.okpay.checkout.entity.CheckoutRefund;
import io.okpay.checkout.entity.CheckoutSession;
import io.okpay.checkout.boundary.SessionStatus;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns the rows into the views the boundaries hand out (and the API renders through CheckoutJson). */
@ApplicationScoped
public class CheckoutViews {

    @Inject
    Currencies currencies;

    @EJB
    Users users;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    public SessionView session(CheckoutSession s, boolean replayed) {
        return session(s, s.status(), replayed);
    }

    /** The session as it is once its payment succeeded (for the event written with the payment's posting). */
    public SessionView completed(CheckoutSession s) {
        return session(s, SessionStatus.COMPLETE, false);
    }

    private SessionView session(CheckoutSession s, SessionStatus status, boolean replayed) {
        return new SessionView(s.publicId(), s.merchantId(), status, money(s.amount(), s.currency()),
                s.merchantReference(), s.description(), pageUrl(s.publicId()), s.successUrl(), s.cancelUrl(),
                s.customerEmail(), CheckoutRules.metadataMap(s.metadata()),
                status == SessionStatus.COMPLETE ? s.paymentId() : null, s.createdAt(), s.expiresAt(), replayed);
    }

    /** The payment as merchants see it; {@code session} gives its reference and description. */
    public PaymentView payment(CheckoutPayment p, CheckoutSession session) {
        return new PaymentView(p.publicId(), p.sessionId(), p.merchantId(), p.payerId(),
                users.require(p.payerId()).email(), money(p.amount(), p.currency()), money(p.fee(), p.currency()),
                money(p.refunded(), p.currency()), session.merchantReference(), session.description(), p.createdAt());
    }

    public RefundView refund(CheckoutRefund r, boolean replayed) {
        return new RefundView(r.publicId(), r.paymentId(), r.merchantId(), money(r.amount(), r.currency()), r.reason(),
                r.createdAt(), replayed);
    }

    /** OKPay's checkout page of a session, where the merchant sends the payer. */
    public String pageUrl(String sessionId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/checkout/pay.xhtml?session=" + sessionId;
    }

    public Money money(long minor, String currency) {
        return currencies.money(minor, currency);
    }
}
