package io.okpay.client;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One OKPay server for the generated API classes ({@code io.okpay.client.api}): pass {@link #apiClient()} to their
 * constructors. Every API object then shares one {@link HttpClient} (HTTP/1.1, kept-alive connections) and one
 * Jackson mapper; the generated {@link ApiClient} alone would build a new HttpClient, with its own connections and
 * selector thread, for every API object. Tokens differ per caller, so they travel per call: {@link #bearer(String)}.
 * <pre>{@code
 * OkPay okpay = new OkPay("https://okpay.example", Duration.ofSeconds(10));
 * String token = new MerchantsApi(okpay.apiClient())
 *         .createClientCredentialsToken("client_credentials", keyId, keySecret).getAccessToken();
 * CheckoutSession session = new CheckoutApi(okpay.apiClient()).createCheckoutSession(UUID.randomUUID().toString(),
 *         new CheckoutSessionRequest().amount("12.00").currency("EUR").successUrl(thanks).cancelUrl(cart),
 *         OkPay.bearer(token));
 * }</pre>
 * A refusal is an {@link ApiException} with the status ({@code getCode()}, 0 when no answer came) and the
 * problem document, which {@link #problem(ApiException, Class)} reads.
 */
public final class OkPay {

    private final HttpClient http;
    private final ApiClient apiClient;

    /**
     * @param baseUrl the server's address, without {@code /api/v1}
     * @param timeout for connecting, and for each answer
     */
    public OkPay(String baseUrl, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.apiClient = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(),
                baseUrl.replaceAll("/+$", "") + "/api/v1") {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        apiClient.setReadTimeout(timeout);
        // An operation that answers 204 or a problem is generated with Accept: application/problem+json alone, which
        // JAX-RS refuses with 406 before the resource runs (it produces application/json); JSON is always acceptable.
        apiClient.setRequestInterceptor(request -> {
            String accept = request.copy().build().headers().firstValue("Accept").orElse("");
            if (!accept.contains("application/json")) {
                request.setHeader("Accept", accept.isEmpty() ? "application/json" : accept + ", application/json");
            }
        });
    }

    /** What the generated API classes are built with. */
    public ApiClient apiClient() {
        return apiClient;
    }

    /** The one HTTP client, also for calls outside the contract (the operators' back office). */
    public HttpClient httpClient() {
        return http;
    }

    /** The headers of a call made with a person's or a merchant's access token. */
    public static Map<String, String> bearer(String accessToken) {
        return Map.of("Authorization", "Bearer " + accessToken);
    }

    /**
     * The refusal's problem document as {@code type}: {@link io.okpay.client.model.Problem}, or the operation's own
     * model of that status for its extra members (e.g. {@code CreateTransfer403Response} with {@code challenge_id}).
     * Empty when there is no answer or no such document.
     */
    public <T> Optional<T> problem(ApiException refusal, Class<T> type) {
        String body = refusal.getResponseBody();
        if (refusal.getCode() == 0 || body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(apiClient.getObjectMapper().readValue(body, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
