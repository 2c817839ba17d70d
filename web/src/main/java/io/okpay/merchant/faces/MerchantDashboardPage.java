package io.okpay.merchant.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.merchant.boundary.ApiKeyView;
import io.okpay.merchant.boundary.ApiKeys;
import io.okpay.merchant.boundary.MerchantBalances;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.merchant.boundary.NewApiKey;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.Balance;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * /merchant/dashboard.xhtml for the signed-in person: the form that opens a merchant profile when there is none;
 * otherwise the profile's status, its balances and its API keys (create, rotate and revoke, each change confirmed
 * first; a new secret is shown on this page once and never kept beyond the view).
 */
@Named
@ViewScoped
public class MerchantDashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String OPEN_FORM = "open";

    /** A key as listed: hint, dates in the page's format, active or not. */
    public record KeyLine(String id, String hint, String created, String lastUsed, String revoked, boolean active)
            implements Serializable {
    }

    /** A balance as shown, like the wallet's cards. */
    public record BalanceCard(String currency, String balance, String available, boolean reserved)
            implements Serializable {
    }

    /** A change to a key waiting for the owner's confirmation. */
    public enum Pending { ROTATE, REVOKE }

    @EJB
    transient Merchants merchants;

    @EJB
    transient ApiKeys apiKeys;

    @EJB
    transient MerchantBalances merchantBalances;

    @Inject
    transient Currencies currencies;

    @Inject
    transient CurrentUser currentUser;

    private MerchantView merchant;
    private List<KeyLine> keys = List.of();
    private List<BalanceCard> balances = List.of();

    private String businessName;
    private String website;
    private String supportEmail;
    private String settlementCurrency = "EUR";

    // Shown once, right after creation; transient so it never travels with a replicated session.
    private transient String newSecret;
    private String newKeyId;
    private String pendingKeyId;
    private Pending pending;

    @PostConstruct
    void load() {
        merchant = merchants.ofOwner(currentUser.id()).orElse(null);
        if (merchant != null) {
            Locale locale = locale();
            keys = apiKeys.list(currentUser.id()).stream().map(this::line).toList();
            balances = merchantBalances.of(merchant.id()).stream().map(b -> card(b, locale)).toList();
        }
    }

    public String open() {
        try {
            merchants.open(currentUser.id(), businessName, website, supportEmail, settlementCurrency);
            PageMessages.info("merchant.opened");
            PageMessages.keepForRedirect();
            return "/merchant/dashboard.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, OPEN_FORM);
            return null;
        }
    }

    public String createKey() {
        return show(() -> apiKeys.create(currentUser.id()));
    }

    /** Asks to confirm the rotation of a key; nothing changes yet. */
    public String askRotate(String keyId) {
        return ask(keyId, Pending.ROTATE);
    }

    /** Asks to confirm the revocation of a key; nothing changes yet. */
    public String askRevoke(String keyId) {
        return ask(keyId, Pending.REVOKE);
    }

    public String cancel() {
        pending = null;
        pendingKeyId = null;
        return null;
    }

    public String confirm() {
        if (pending == null) {
            return null;
        }
        String keyId = pendingKeyId;
        Pending what = pending;
        cancel();
        if (what == Pending.ROTATE) {
            return show(() -> apiKeys.rotate(currentUser.id(), keyId));
        }
        try {
            apiKeys.revoke(currentUser.id(), keyId);
            newSecret = null;
            PageMessages.info("merchant.keys.revoked");
        } catch (BusinessException e) {
            PageMessages.show(e, "keys");
        }
        reload();
        return null;
    }

    private String ask(String keyId, Pending what) {
        newSecret = null;
        newKeyId = null;
        pendingKeyId = keyId;
        pending = what;
        return null;
    }

    private String show(java.util.function.Supplier<NewApiKey> creation) {
        try {
            NewApiKey created = creation.get();
            newSecret = created.secret();
            newKeyId = created.key().id();
        } catch (BusinessException e) {
            newSecret = null;
            PageMessages.show(e, "keys");
        }
        reload();
        return null;
    }

    private void reload() {
        keys = apiKeys.list(currentUser.id()).stream().map(this::line).toList();
    }

    KeyLine line(ApiKeyView key) {
        return new KeyLine(key.id(), key.hint(), time(key.createdAt()), time(key.lastUsedAt()), time(key.revokedAt()),
                key.active());
    }

    static BalanceCard card(Balance balance, Locale locale) {
        return new BalanceCard(balance.balance().currency(), MoneyFormat.format(balance.balance(), locale),
                MoneyFormat.format(balance.available(), locale), !balance.available().equals(balance.balance()));
    }

    private String time(Instant at) {
        return at == null ? null : currentUser.time(at);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public boolean isHasMerchant() {
        return merchant != null;
    }

    public MerchantView getMerchant() {
        return merchant;
    }

    /** pending, approved, rejected or suspended: the key of the status text. */
    public String getStatus() {
        return merchant == null ? null : merchant.status().name().toLowerCase(Locale.ROOT);
    }

    public List<KeyLine> getKeys() {
        return keys;
    }

    public List<BalanceCard> getBalances() {
        return balances;
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    public String getNewSecret() {
        return newSecret;
    }

    public String getNewKeyId() {
        return newKeyId;
    }

    public String getPendingKeyId() {
        return pendingKeyId;
    }

    public String getPending() {
        return pending == null ? null : pending.name();
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getSupportEmail() {
        return supportEmail;
    }

    public void setSupportEmail(String supportEmail) {
        this.supportEmail = supportEmail;
    }

    public String getSettlementCurrency() {
        return settlementCurrency;
    }

    public void setSettlementCurrency(String settlementCurrency) {
        this.settlementCurrency = settlementCurrency;
    }
}
