package io.okpay.checkout.control;

import io.okpay.identity.boundary.Users;
import io.okpay.merchant.boundary.ApiKeyView;
import io.okpay.merchant.boundary.ApiKeys;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.merchant.boundary.NewApiKey;
import io.okpay.merchant.boundary.MerchantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The sandbox demo shop's accounts, one short transaction each: its owner (a person with a confirmed address and a
 * random password nobody knows), its approved merchant profile, and its API key. Each step first looks for what an
 * earlier start (or another instance) made, so running them again changes nothing; a step that loses a race to
 * another instance fails on a unique key and is simply run again by the caller.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoShopAccounts {

    public static final String OWNER_EMAIL = "shop@demo.okpay.test";
    static final String OWNER_USERNAME = "okpay-demo-shop";
    public static final String BUSINESS_NAME = "OKPay Demo Shop";
    static final String SETTLEMENT_CURRENCY = "EUR";
    /** Who approves the demo shop in the audit log: nobody in person, the sandbox set-up. */
    static final String APPROVER = "sandbox-demo-shop";

    @EJB
    Users users;

    @EJB
    Merchants merchants;

    @EJB
    ApiKeys apiKeys;

    /** The owner's public id, making the account (address already confirmed) when there is none. */
    public String owner() {
        return users.serviceAccount(OWNER_EMAIL, OWNER_USERNAME);
    }

    /** The owner's merchant, opened and approved when it is not yet. */
    public String merchant(String ownerId, String website) {
        MerchantView merchant = merchants.ofOwner(ownerId)
                .orElseGet(() -> merchants.open(ownerId, BUSINESS_NAME, website, OWNER_EMAIL, SETTLEMENT_CURRENCY));
        if (merchant.status() != MerchantStatus.APPROVED) {
            merchant = merchants.decide(APPROVER, merchant.id(), MerchantStatus.APPROVED);
        }
        return merchant.id();
    }

    /** A new key for this instance, every other active key of the demo shop revoked (one start, one key). */
    public NewApiKey freshKey(String ownerId) {
        for (ApiKeyView key : apiKeys.list(ownerId)) {
            if (key.active()) {
                apiKeys.revoke(ownerId, key.id());
            }
        }
        return apiKeys.create(ownerId);
    }
}
