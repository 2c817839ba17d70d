package io.okpay.checkout.faces;

import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.PaymentPage;
import io.okpay.checkout.boundary.PaymentView;
import io.okpay.checkout.boundary.RefundView;
import io.okpay.checkout.boundary.Refunds;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * /merchant/payments.xhtml for the owner of a shop: its payments, newest first, filtered by status and by the days
 * they were made (a plain GET form, so a filtered list can be bookmarked); ?payment=pay_... shows one payment with
 * its refunds and a refund form (its idempotency key made with the form, so a double submit refunds once).
 */
@Named
@ViewScoped
public class MerchantPaymentsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;

    @EJB
    transient Merchants merchants;

    @EJB
    transient CheckoutPayments payments;

    @EJB
    transient Refunds refunds;

    @Inject
    transient CurrentUser currentUser;

    private String status;
    private String from;
    private String to;
    private String startingAfter;
    private String paymentId;
    private MerchantView merchant;
    private List<PaymentView> rows = List.of();
    private boolean hasMore;
    private PaymentView payment;
    private List<RefundView> paymentRefunds = List.of();
    private String refundAmount;
    private String refundReason;
    private String refundKey = UUID.randomUUID().toString();

    public void load() {
        merchant = merchants.ofOwner(currentUser.id()).orElse(null);
        if (merchant == null) {
            return;
        }
        try {
            if (paymentId != null && !paymentId.isBlank()) {
                payment = payments.find(merchant.id(), paymentId);
                paymentRefunds = refunds.of(merchant.id(), paymentId);
                return;
            }
            PaymentPage page = payments.list(merchant.id(), status, day(from, 0, currentUser.zone()), day(to, 1, currentUser.zone()), startingAfter, PAGE_SIZE);
            rows = page.payments();
            hasMore = page.hasMore();
        } catch (BusinessException e) {
            PageMessages.show(e, "filters");
        }
    }

    /** Refunds the shown payment (all that is left when no amount is given); the form starts afresh afterwards. */
    public void refund() {
        try {
            RefundView done = refunds.refund(merchant.id(), payment.id(), refundKey, refundAmount, refundReason);
            PageMessages.info("merchant.payments.refund.done", format(done.amount()), done.id());
            refundKey = UUID.randomUUID().toString();
            refundAmount = null;
            refundReason = null;
        } catch (BusinessException e) {
            PageMessages.show(e, "refund");
        }
        load();
    }

    /** The start of a day of the owner's, in their time zone. */
    private static Instant day(String date, int plusDays, ZoneId zone) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BusinessException("date_invalid");
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String format(Money money) {
        return MoneyFormat.format(money, locale());
    }

    public String date(Instant at) {
        return currentUser.time(at);
    }

    /** The id of the last payment shown, for the link to the next page; null when there is no next page. */
    public String getNextCursor() {
        return hasMore && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null;
    }

    public boolean isNoMerchant() {
        return merchant == null;
    }

    public MerchantView getMerchant() {
        return merchant;
    }

    public List<PaymentView> getRows() {
        return rows;
    }

    public PaymentView getPayment() {
        return payment;
    }

    public List<RefundView> getPaymentRefunds() {
        return paymentRefunds;
    }

    public boolean isRefundable() {
        return payment != null && payment.refundable().isPositive();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getStartingAfter() {
        return startingAfter;
    }

    public void setStartingAfter(String startingAfter) {
        this.startingAfter = startingAfter;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(String refundAmount) {
        this.refundAmount = refundAmount == null ? null : refundAmount.trim();
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }

    public String getRefundKey() {
        return refundKey;
    }

    /** Comes back from the hidden field; a form of this view always carries the key it was given. */
    public void setRefundKey(String refundKey) {
        if (refundKey != null && !refundKey.isBlank()) {
            this.refundKey = refundKey;
        }
    }
}
