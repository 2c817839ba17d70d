package io.okpay.checkout.faces;

import io.okpay.checkout.boundary.PaymentLinkRequest;
import io.okpay.checkout.boundary.PaymentLinkView;
import io.okpay.checkout.boundary.PaymentLinks;
import io.okpay.checkout.boundary.PaymentView;
import io.okpay.currency.boundary.Currencies;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * /merchant/links.xhtml for the owner of a shop: create payment links (fixed or open amount, optional last day and
 * quantity), see them with their status and number of payments, deactivate them; ?link=plink_... shows one link's
 * payments. Acts as the shop of the signed-in person.
 */
@Named
@ViewScoped
public class MerchantLinksPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 100;

    @EJB
    transient Merchants merchants;

    @EJB
    transient PaymentLinks links;

    @EJB
    transient Currencies currencies;

    @Inject
    transient CurrentUser currentUser;

    private MerchantView merchant;
    private String linkId;
    private PaymentLinkView link;
    private List<PaymentLinkView> linkList = List.of();
    private List<PaymentView> payments = List.of();
    private String amount;
    private String currency;
    private String description;
    private String quantityLimit;
    private String lastDay;

    public void load() {
        merchant = merchants.ofOwner(currentUser.id()).orElse(null);
        if (merchant == null) {
            return;
        }
        try {
            if (linkId != null && !linkId.isBlank()) {
                link = links.find(merchant.id(), linkId);
                payments = links.payments(merchant.id(), linkId, null, PAGE_SIZE).payments();
            } else {
                link = null;
                linkList = links.list(merchant.id(), null, PAGE_SIZE).links();
            }
        } catch (BusinessException e) {
            PageMessages.show(e, "add");
        }
    }

    public void create() {
        try {
            PaymentLinkView created = links.create(merchant.id(), new PaymentLinkRequest(amount, currency, description,
                    quantity(), expiresAt()));
            PageMessages.info("paylink.merchant.created", created.url());
            amount = null;
            description = null;
            quantityLimit = null;
            lastDay = null;
        } catch (BusinessException e) {
            PageMessages.show(e, "add");
        }
        load();
    }

    public void deactivate(String id) {
        try {
            links.deactivate(merchant.id(), id);
            PageMessages.info("paylink.merchant.deactivated");
        } catch (BusinessException e) {
            PageMessages.show(e, "links");
        }
        load();
    }

    private Integer quantity() {
        if (quantityLimit == null || quantityLimit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(quantityLimit.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(List.of(new FieldError("quantity_limit", "payment_link_quantity_invalid",
                    PaymentLinks.MAX_QUANTITY)));
        }
    }

    /** The link takes payments to the end of the day chosen, in the owner's time zone. */
    private Instant expiresAt() {
        if (lastDay == null || lastDay.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(lastDay.strip()).plusDays(1).atStartOfDay(currentUser.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(List.of(new FieldError("expires_at", "date_invalid")));
        }
    }

    /** The amount, or "Payer chooses" for an open amount. */
    public String amountOf(PaymentLinkView l) {
        return l.amount() == null ? text("paylink.merchant.open-amount", l.currency()) : format(l.amount());
    }

    public String format(Money money) {
        return MoneyFormat.format(money, locale());
    }

    public String statusOf(PaymentLinkView l) {
        return text("paylink.status." + l.status().name().toLowerCase(Locale.ROOT));
    }

    public String time(Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    private static String text(String key, Object... args) {
        return io.okpay.shared.Messages.get(locale(), key, args);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<String> getCurrencyChoices() {
        return currencies.enabledCodes();
    }

    public boolean isNoMerchant() {
        return merchant == null;
    }

    public PaymentLinkView getLink() {
        return link;
    }

    public List<PaymentLinkView> getLinkList() {
        return linkList;
    }

    public List<PaymentView> getPayments() {
        return payments;
    }

    public String getLinkId() {
        return linkId;
    }

    public void setLinkId(String linkId) {
        this.linkId = linkId;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getQuantityLimit() {
        return quantityLimit;
    }

    public void setQuantityLimit(String quantityLimit) {
        this.quantityLimit = quantityLimit;
    }

    public String getLastDay() {
        return lastDay;
    }

    public void setLastDay(String lastDay) {
        this.lastDay = lastDay;
    }
}
