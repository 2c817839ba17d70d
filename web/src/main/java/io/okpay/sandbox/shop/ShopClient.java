package io.okpay.sandbox.shop;

import io.okpay.checkout.boundary.DemoShop;
import io.okpay.client.ApiException;
import io.okpay.client.OkPay;
import io.okpay.client.api.CheckoutApi;
import io.okpay.client.api.MerchantsApi;
import io.okpay.client.model.CheckoutSession;
import io.okpay.client.model.CheckoutSessionRequest;
import io.okpay.client.model.CreateClientCredentialsToken200Response;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The demo shop's server talking to OKPay's merchant API as any shop's Java server would: through the generated
 * client (module okpay-client). The API key is exchanged for a MERCHANT token (kept until shortly before it expires),
 * sessions are created and read with it. OKPay's address is {@code okpay.sandbox.shop.api-url}, by default
 * {@code okpay.base-url}, read on every call. A refusal is the client's {@link ApiException} (its status and
 * problem); {@link Unavailable} when OKPay did not answer or refused the shop's key.
 */
@ApplicationScoped
public class ShopClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** OKPay could not be reached or refused the shop's key: nothing a shop can do about it now. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Token(String value, String clientId, Instant renewAt) {
    }

    /** The generated API classes for one address of OKPay, built again only when the address changes. */
    private record Server(String url, MerchantsApi merchants, CheckoutApi checkout) {

        static Server at(String url) {
            OkPay okpay = new OkPay(url, TIMEOUT);
            return new Server(url, new MerchantsApi(okpay.apiClient()), new CheckoutApi(okpay.apiClient()));
        }
    }

    private interface Call<T> {
        T with(Map<String, String> headers) throws ApiException;
    }

    @EJB
    DemoShop shop;

    private volatile Server server;
    private volatile Token token;

    /** A new checkout session for the item; the idempotency key is new for every press of Buy. */
    public CheckoutSession createSession(String amount, String currency, String description, String successUrl,
                                         String cancelUrl) throws ApiException, Unavailable {
        CheckoutSessionRequest request = new CheckoutSessionRequest().amount(amount).currency(currency)
                .merchantReference("demo-" + UUID.randomUUID().toString().substring(0, 8)).description(description)
                .successUrl(URI.create(successUrl)).cancelUrl(URI.create(cancelUrl));
        String idempotencyKey = UUID.randomUUID().toString();
        return call(headers -> server().checkout().createCheckoutSession(idempotencyKey, request, headers));
    }

    /** The shop's session, as OKPay has it now (a 404 refusal when it is not this shop's). */
    public CheckoutSession session(String sessionId) throws ApiException, Unavailable {
        return call(headers -> server().checkout().getCheckoutSession(sessionId, headers));
    }

    /** One API call with the token; a 401 (token expired early, key revoked) gets a new token and one more try. */
    private <T> T call(Call<T> call) throws ApiException, Unavailable {
        try {
            try {
                return call.with(OkPay.bearer(token(false).value()));
            } catch (ApiException e) {
                if (e.getCode() != 401) {
                    throw e;
                }
                return call.with(OkPay.bearer(token(true).value()));
            }
        } catch (ApiException e) {
            if (e.getCode() == 0) {
                throw new Unavailable("OKPay's API did not answer: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private synchronized Token token(boolean renew) throws Unavailable {
        Token current = token;
        if (!renew && current != null && Instant.now().isBefore(current.renewAt())) {
            return current;
        }
        DemoShop.Credentials credentials = shop.credentials();
        try {
            CreateClientCredentialsToken200Response granted;
            try {
                granted = exchange(credentials);
            } catch (ApiException e) {
                if (e.getCode() != 401) {
                    throw e;
                }
                // Another instance (or a later start) revoked this instance's key: this instance makes itself a new one.
                credentials = shop.renewKey(credentials.clientId());
                granted = exchange(credentials);
            }
            token = new Token(granted.getAccessToken(), credentials.clientId(),
                    Instant.now().plusSeconds(Math.max(0, granted.getExpiresIn() - 60)));
            return token;
        } catch (ApiException e) {
            throw new Unavailable(e.getCode() == 0 ? "OKPay's API did not answer: " + e.getMessage()
                    : "OKPay refused the demo shop's key: " + e.getCode(), e);
        }
    }

    private CreateClientCredentialsToken200Response exchange(DemoShop.Credentials credentials) throws ApiException {
        return server().merchants().createClientCredentialsToken("client_credentials", credentials.clientId(),
                credentials.clientSecret());
    }

    private Server server() {
        String url = ConfigProvider.getConfig().getOptionalValue("okpay.sandbox.shop.api-url", String.class)
                .orElse(shop.baseUrl());
        Server current = server;
        if (current == null || !current.url().equals(url)) {
            current = Server.at(url);
            server = current;
        }
        return current;
    }
}
