package io.okpay.checkout.boundary;

import java.util.Map;

/** What a merchant asks for when it creates a checkout session; validated by {@link CheckoutSessions#create}. */
public record SessionRequest(String amount, String currency, String merchantReference, String description,
                             String successUrl, String cancelUrl, String customerEmail, Map<String, ?> metadata) {
}
