package io.okpay.bench;

import io.okpay.client.ApiException;
import io.okpay.client.OkPay;
import io.okpay.client.api.CheckoutApi;
import io.okpay.client.api.IdentityApi;
import io.okpay.client.api.LimitsApi;
import io.okpay.client.api.MerchantsApi;
import io.okpay.client.api.TopUpsApi;
import io.okpay.client.api.TransfersApi;
import io.okpay.client.api.WalletApi;
import io.okpay.client.api.WebhooksApi;
import io.okpay.client.model.CreateAccessToken401Response;
import io.okpay.client.model.CreateTransfer403Response;
import io.okpay.client.model.TokenRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One OKPay server as the benchmark and the fault suite call it: the API classes generated from the contract (module
 * okpay-client), built once over one HTTP/1.1 client with kept-alive connections (one per concurrent client), each
 * call carrying its caller's token ({@link OkPay#bearer}). A refusal is an {@link ApiException}. The operators' back
 * office is outside the contract: its two calls here go by hand over the same HTTP client.
 */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public final OkPay okpay;
    public final IdentityApi identity;
    public final WalletApi wallet;
    public final TopUpsApi topUps;
    public final TransfersApi transfers;
    public final MerchantsApi merchants;
    public final CheckoutApi checkout;
    public final WebhooksApi webhooks;
    public final LimitsApi limits;
    private final String base;

    public Api(String base) {
        this.base = base;
        this.okpay = new OkPay(base, TIMEOUT);
        this.identity = new IdentityApi(okpay.apiClient());
        this.wallet = new WalletApi(okpay.apiClient());
        this.topUps = new TopUpsApi(okpay.apiClient());
        this.transfers = new TransfersApi(okpay.apiClient());
        this.merchants = new MerchantsApi(okpay.apiClient());
        this.checkout = new CheckoutApi(okpay.apiClient());
        this.webhooks = new WebhooksApi(okpay.apiClient());
        this.limits = new LimitsApi(okpay.apiClient());
    }

    /** A refusal's status as the benchmark counts it; "io" when no answer came. */
    public static String status(ApiException refusal) {
        return refusal.getCode() == 0 ? "io" : Integer.toString(refusal.getCode());
    }

    /** The challenge of a {@code 403 step_up_required} (a transfer or a payment): the code for it is in the mail. */
    public Optional<String> stepUpChallenge(ApiException refusal) {
        return refusal.getCode() != 403 ? Optional.empty() : okpay.problem(refusal, CreateTransfer403Response.class)
                .filter(p -> p.getCode() == CreateTransfer403Response.CodeEnum.STEP_UP_REQUIRED)
                .map(CreateTransfer403Response::getChallengeId);
    }

    /** The {@code 401 code_required} of a password sign-in: its sign_in_id and challenge_id. */
    public Optional<CreateAccessToken401Response> codeRequired(ApiException refusal) {
        return refusal.getCode() != 401 ? Optional.empty() : okpay.problem(refusal, CreateAccessToken401Response.class)
                .filter(p -> p.getCode() == CreateAccessToken401Response.CodeEnum.CODE_REQUIRED);
    }

    /**
     * An access token as a person gets one: the password, then, when the account answers 401 code_required, the code
     * e-mailed for this sign-in (read from {@code mail}).
     */
    public String signIn(MailBox mail, String email, String password) throws IOException, InterruptedException {
        int seen = mail.codeCount(email);
        try {
            return identity.createAccessToken(new TokenRequest().grantType(TokenRequest.GrantTypeEnum.PASSWORD)
                    .email(email).password(password)).getAccessToken();
        } catch (ApiException e) {
            CreateAccessToken401Response needed = codeRequired(e)
                    .orElseThrow(() -> new IllegalStateException("sign-in of " + email + ": " + e.getMessage(), e));
            try {
                return identity.createAccessToken(new TokenRequest()
                        .grantType(TokenRequest.GrantTypeEnum.ONE_TIME_CODE).signInId(needed.getSignInId())
                        .challengeId(needed.getChallengeId()).code(mail.nextCode(email, seen))).getAccessToken();
            } catch (ApiException refused) {
                throw new IllegalStateException("sign-in code of " + email + ": " + refused.getMessage(), refused);
            }
        }
    }

    /** Back office: the ledger reconciliation's report (an operator with FINANCE or ADMIN). */
    public JsonObject reconcile(String operatorToken) throws IOException, InterruptedException {
        return backOffice("/ledger/reconciliation", operatorToken, "reconciliation");
    }

    /** Back office: approves a merchant profile (an operator with COMPLIANCE). */
    public void approveMerchant(String merchantId, String operatorToken) throws IOException, InterruptedException {
        backOffice("/merchants/" + merchantId + "/approve", operatorToken,
                "approval of " + merchantId + " (the operator needs COMPLIANCE)");
    }

    private JsonObject backOffice(String path, String token, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = okpay.httpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/admin" + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
