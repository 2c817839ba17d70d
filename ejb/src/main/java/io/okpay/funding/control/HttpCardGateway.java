package io.okpay.funding.control;

import io.okpay.funding.boundary.CardToken;
import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardInput;
import io.okpay.funding.entity.CardDetails;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link CardGateway} over the processor's JSON API (the contract of the sandbox acquirer that OKPay ships), with the
 * JAX-RS client and MicroProfile Fault Tolerance:
 * <ul>
 * <li>the socket read timeout ({@code okpay.card.timeout-ms}) ends a slow answer, because a blocked read ignores the
 * interrupt of {@code @Timeout}; {@code @Timeout} caps the whole call;</li>
 * <li>{@code @Retry} only on authorise, capture and void, which carry an idempotency key, so a retry never moves money
 * twice; tokenising and the one-time code are not retried (a new token, a wasted code attempt);</li>
 * <li>{@code @CircuitBreaker} per method: after repeated failures calls fail at once for a while instead of piling up
 * on a processor that is down; business answers (declines, unknown ids) do not count as failures;</li>
 * <li>{@code @Bulkhead} keeps a slow processor from taking every request thread;</li>
 * <li>{@code @Fallback} turns every way of failing into the one answer people understand: try again later.</li>
 * </ul>
 * Nothing about the card except brand and last four digits ever reaches the log.
 */
@ApplicationScoped
@Timeout(value = 20, unit = ChronoUnit.SECONDS)
@Bulkhead(10)
// The delay in milliseconds: Payara 6.2025.10 ignores delayUnit and always reads the delay as milliseconds.
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000,
        failOn = {CardGatewayFailure.class, TimeoutException.class})
public class HttpCardGateway implements CardGateway {

    private static final Logger LOG = Logger.getLogger(HttpCardGateway.class.getName());
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    Config config;

    private Client client;

    @PostConstruct
    void createClient() {
        long timeout = config.getOptionalValue("okpay.card.timeout-ms", Long.class).orElse(5000L);
        client = ClientBuilder.newBuilder()
                .connectTimeout(Math.min(timeout, 3000L), TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void closeClient() {
        client.close();
    }

    @Override
    @Fallback(fallbackMethod = "tokeniseUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardToken tokenise(CardDetails card) {
        JsonObject body = Json.createObjectBuilder()
                .add("number", card.number().digits())
                .add("exp_month", card.expMonth())
                .add("exp_year", card.expYear())
                .add("cvc", card.cvc())
                .build();
        Answer answer = send("POST", target("tokens"), body, null);
        if (answer.status() == 400) {
            // CardChecks normally catches these first; the processor may know better (a card range it refuses).
            throw BusinessException.invalid(List.of(switch (CardGatewayJson.errorCode(answer.body())) {
                case "invalid_expiry" -> new FieldError(CardInput.EXP_YEAR, "card_expired");
                case "invalid_cvc" -> new FieldError(CardInput.CVC, "card_cvc_invalid", card.brand().cvcLength());
                default -> new FieldError(CardInput.NUMBER, "card_number_invalid");
            }));
        }
        return CardGatewayJson.token(answer.expectSuccess("tokenise"));
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CardGatewayFailure.class, TimeoutException.class},
            abortOn = BusinessException.class)
    @Fallback(fallbackMethod = "authoriseUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardAuthorisation authorise(String idempotencyKey, String token, long amount, String currency) {
        JsonObject body = Json.createObjectBuilder()
                .add("token", token)
                .add("amount", amount)
                .add("currency", currency)
                .build();
        return authorisation(send("POST", target("authorizations"), body, requireKey(idempotencyKey)), "authorise");
    }

    @Override
    @Fallback(fallbackMethod = "completeChallengeUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardAuthorisation completeChallenge(String authorisationId, String oneTimeCode) {
        JsonObject body = Json.createObjectBuilder().add("code", oneTimeCode == null ? "" : oneTimeCode.strip()).build();
        return authorisation(send("POST", target("authorizations", authorisationId, "challenge"), body, null), "challenge");
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CardGatewayFailure.class, TimeoutException.class},
            abortOn = BusinessException.class)
    @Fallback(fallbackMethod = "captureUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardAuthorisation capture(String idempotencyKey, String authorisationId) {
        return authorisation(send("POST", target("authorizations", authorisationId, "capture"), JsonValue.EMPTY_JSON_OBJECT,
                requireKey(idempotencyKey)), "capture");
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CardGatewayFailure.class, TimeoutException.class},
            abortOn = BusinessException.class)
    @Fallback(fallbackMethod = "voidAuthorisationUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardAuthorisation voidAuthorisation(String idempotencyKey, String authorisationId) {
        return authorisation(send("POST", target("authorizations", authorisationId, "void"), JsonValue.EMPTY_JSON_OBJECT,
                requireKey(idempotencyKey)), "void");
    }

    @Override
    @Fallback(fallbackMethod = "statusUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public CardAuthorisation status(String authorisationId) {
        return authorisation(send("GET", target("authorizations", authorisationId), null, null), "status");
    }

    @Override
    @Fallback(fallbackMethod = "findByIdempotencyKeyUnavailable",
            applyOn = {CardGatewayFailure.class, FaultToleranceException.class})
    public Optional<CardAuthorisation> findByIdempotencyKey(String idempotencyKey) {
        WebTarget lookup = target("authorizations").queryParam("idempotency_key", requireKey(idempotencyKey));
        Answer answer = send("GET", lookup, null, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(CardGatewayJson.authorisation(answer.expectSuccess("lookup")));
    }

    // Fallbacks: same signature as the method they stand in for (MicroProfile Fault Tolerance requires it).

    CardToken tokeniseUnavailable(CardDetails card) {
        throw unavailable();
    }

    CardAuthorisation authoriseUnavailable(String idempotencyKey, String token, long amount, String currency) {
        throw unavailable();
    }

    CardAuthorisation completeChallengeUnavailable(String authorisationId, String oneTimeCode) {
        throw unavailable();
    }

    CardAuthorisation captureUnavailable(String idempotencyKey, String authorisationId) {
        throw unavailable();
    }

    CardAuthorisation voidAuthorisationUnavailable(String idempotencyKey, String authorisationId) {
        throw unavailable();
    }

    CardAuthorisation statusUnavailable(String authorisationId) {
        throw unavailable();
    }

    Optional<CardAuthorisation> findByIdempotencyKeyUnavailable(String idempotencyKey) {
        throw unavailable();
    }

    private static BusinessException unavailable() {
        return new BusinessException("card_gateway_unavailable");
    }

    private static String requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("an idempotency key of 1 to 255 characters is required");
        }
        return idempotencyKey;
    }

    /** Read on every call, so a changed address applies without a restart. */
    private WebTarget target(String... segments) {
        WebTarget target = client.target(config.getValue("okpay.card.gateway-url", String.class)).path("v1");
        for (String segment : segments) {
            target = target.path(segment);
        }
        return target;
    }

    private CardAuthorisation authorisation(Answer answer, String operation) {
        switch (answer.status()) {
            case 400:
                throw new BusinessException("card_request_rejected");
            case 404:
                throw BusinessException.notFound();
            case 409:
                throw new BusinessException("card_authorisation_state");
            case 422:
                throw new BusinessException("idempotency_conflict");
            default:
                return CardGatewayJson.authorisation(answer.expectSuccess(operation));
        }
    }

    private Answer send(String method, WebTarget target, JsonObject body, String idempotencyKey) {
        Invocation.Builder request = target.request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + config.getValue("okpay.card.api-key", String.class));
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        try (Response response = body == null ? request.method(method)
                : request.method(method, Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE))) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(response.getStatus(), text, target.getUri().getPath());
        } catch (ProcessingException e) {
            // Connection refused, read timed out, connection reset: the processor did not answer.
            LOG.warning(() -> "Card processor call " + method + " " + target.getUri().getPath() + " failed: "
                    + e.getMessage());
            throw new CardGatewayFailure("card processor did not answer", e);
        }
    }

    /** One HTTP answer of the processor. */
    private record Answer(int status, String body, String path) {

        JsonObject expectSuccess(String operation) {
            if (status == 401 || status == 403) {
                LOG.severe(() -> "Card processor refused OKPay's API key (" + status + " on " + operation
                        + "): check okpay.card.api-key");
                throw new CardGatewayFailure("card processor refused the API key");
            }
            if (status < 200 || status > 299) {
                LOG.log(Level.WARNING, "Card processor answered {0} to {1} on {2}", new Object[]{status, operation, path});
                throw new CardGatewayFailure("card processor answered " + status);
            }
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new CardGatewayFailure("card processor answered something that is not a JSON object", e);
            }
        }
    }

    /** Reads the processor's JSON; kept apart so the mapping is tested without a server. */
    static final class CardGatewayJson {

        private CardGatewayJson() {
        }

        /** The processor's code for a refusal ({@code {"error":{"code":...}}}); empty when there is none. */
        static String errorCode(String body) {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject().getJsonObject("error").getString("code", "");
            } catch (JsonException | IllegalStateException | NullPointerException | ClassCastException e) {
                return "";
            }
        }

        static CardToken token(JsonObject json) {
            try {
                CardBrand brand = CardBrand.fromWireName(json.getString("brand"))
                        .orElseThrow(() -> new CardGatewayFailure("card processor answered an unknown brand"));
                return new CardToken(json.getString("token"), brand, json.getString("last4"),
                        json.getInt("exp_month"), json.getInt("exp_year"));
            } catch (NullPointerException | ClassCastException e) {
                throw new CardGatewayFailure("card processor answered an incomplete token", e);
            }
        }

        static CardAuthorisation authorisation(JsonObject json) {
            try {
                CardAuthorisation.Status status = CardAuthorisation.Status.fromWireName(json.getString("status"))
                        .orElseThrow(() -> new CardGatewayFailure("card processor answered an unknown status"));
                CardAuthorisation.DeclineReason reason = status == CardAuthorisation.Status.DECLINED
                        ? CardAuthorisation.DeclineReason.fromWireName(json.getString("decline_code", ""))
                        : null;
                return new CardAuthorisation(json.getString("id"), status, reason,
                        json.getJsonNumber("amount").longValueExact(), json.getString("currency"));
            } catch (NullPointerException | ClassCastException | ArithmeticException e) {
                throw new CardGatewayFailure("card processor answered an incomplete authorisation", e);
            }
        }
    }
}
