package io.okpay.shared.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpServer;
import io.okpay.funding.AcquirerProxy;
import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The running server keeps the contract: the main merchant flow (an API key, the client credentials token, a checkout
 * session, a person pays it, a refund, payouts, a webhook endpoint and its signed events) and the main person flow
 * (sign-up, verification, token, top-up, transfer, history, conversion), payment links paid by a person, a webhook test
 * event, and a person's limits, own lock, statement, exports, support requests and verifications go through a client
 * that checks every request and every answer, status and body, against META-INF/openapi.yaml with the
 * swagger-request-validator; refusals too.
 */
class ContractIT {

    static final String BASE = "/api/v1";

    static OpenApiInteractionValidator validator;
    static HttpServer receiver;
    static final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    final Http http = new Http(TestServer.base());

    record Delivery(String signature, String body) {
    }

    @BeforeAll
    static void contract() throws IOException {
        try (InputStream document = ContractIT.class.getResourceAsStream(ApiContractTest.DOCUMENT)) {
            // Fields the document does not name are allowed (adding a field is no breaking change, README "API
            // reference"); besides, the validator's default of additionalProperties: false cannot check allOf.
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(document.readAllBytes(), StandardCharsets.UTF_8))
                    .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                    .build();
        }
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            delivered.add(new Delivery(exchange.getRequestHeaders().getFirst("OKPay-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    // ---- the flows ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("merchant flow: key, client credentials token, session, a person pays, refund, payouts, webhooks; as declared")
    void merchantFlow() throws Exception {
        Person owner = People.person();
        String user = owner.bearer();
        JsonObject merchant = json(call("POST", "/merchants", """
                {"business_name":"Tea House 茶馆 Café","website":"https://teahouse.example",
                 "support_email":"help@teahouse.example","settlement_currency":"EUR"}""", 201, "Authorization", user));
        String merchantId = merchant.getString("id");
        Person compliance = People.operator("COMPLIANCE");
        HttpResponse<String> approved = http.post("/api/v1/admin/merchants/" + merchantId + "/approve", "",
                "Authorization", compliance.bearer());
        assertEquals(200, approved.statusCode(), approved.body());
        call("GET", "/merchants/me", null, 200, "Authorization", user);

        JsonObject key = json(call("POST", "/merchants/me/keys", null, 201, "Authorization", user));
        call("GET", "/merchants/me/keys", null, 200, "Authorization", user);
        HttpResponse<String> wrongSecret = form("client_id", key.getString("id"), "client_secret", "sk_wrong");
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());
        HttpResponse<String> granted = form("client_id", key.getString("id"), "client_secret", key.getString("secret"));
        assertEquals(200, granted.statusCode(), granted.body());
        String shop = "Bearer " + json(granted).getString("access_token");

        call("GET", "/merchant", null, 200, "Authorization", shop);
        JsonObject endpoint = json(call("POST", "/webhook_endpoints", """
                {"url":"http://127.0.0.1:%d/hooks/%s","events":["*"],"description":"订单通知"}"""
                .formatted(receiver.getAddress().getPort(), merchantId), 201, "Authorization", shop));
        call("GET", "/webhook_endpoints", null, 200, "Authorization", shop);
        call("GET", "/webhook_endpoints/" + endpoint.getString("id"), null, 200, "Authorization", shop);

        String sessionKey = UUID.randomUUID().toString();
        String sessionBody = """
                {"amount":"25.00","currency":"EUR","merchant_reference":"order-1","description":"Oolong 乌龙茶 250 g",
                 "success_url":"https://teahouse.example/thanks","cancel_url":"https://teahouse.example/cart",
                 "metadata":{"cart":"42"}}""";
        JsonObject session = json(call("POST", "/checkout/sessions", sessionBody, 201, "Authorization", shop,
                "Idempotency-Key", sessionKey));
        String sessionId = session.getString("id");
        call("POST", "/checkout/sessions", sessionBody.replace("25.00", "26.00"), 409, "Authorization", shop,
                "Idempotency-Key", sessionKey);
        call("GET", "/checkout/sessions/" + sessionId, null, 200, "Authorization", shop);
        call("GET", "/checkout/sessions?limit=5", null, 200, "Authorization", shop);
        call("GET", "/checkout/sessions/cs_unknown", null, 404, "Authorization", shop);
        call("GET", "/checkout/sessions/" + sessionId, null, 401);
        call("GET", "/checkout/sessions/" + sessionId, null, 403, "Authorization", user);
        call("POST", "/checkout/sessions", "{\"amount\":\"1.001\",\"currency\":\"EUR\"}", 400, "Authorization", shop,
                "Idempotency-Key", UUID.randomUUID().toString());

        Person payer = People.person("zh-CN");
        People.fund(payer, "EUR", "100.00");
        call("GET", "/checkout/sessions/" + sessionId + "/public", null, 200, "Authorization", payer.bearer());
        String payKey = UUID.randomUUID().toString();
        int codes = MailCatcher.codeMails(payer.email());
        HttpResponse<String> stepUp = call("POST", "/checkout/sessions/" + sessionId + "/pay", "{}", 403,
                "Authorization", payer.bearer(), "Idempotency-Key", payKey);
        assertEquals("step_up_required", json(stepUp).getString("code"));
        JsonObject paid = json(call("POST", "/checkout/sessions/" + sessionId + "/pay", """
                {"challenge_id":"%s","code":"%s"}""".formatted(json(stepUp).getString("challenge_id"),
                MailCatcher.nextCode(payer.email(), codes)), 200, "Authorization", payer.bearer(),
                "Idempotency-Key", payKey));
        String paymentId = paid.getString("id");

        call("GET", "/payments?limit=10", null, 200, "Authorization", shop);
        call("GET", "/payments/" + paymentId, null, 200, "Authorization", shop);
        String refundKey = UUID.randomUUID().toString();
        JsonObject refund = json(call("POST", "/payments/" + paymentId + "/refunds",
                "{\"amount\":\"10.00\",\"reason\":\"破损 damaged\"}", 201, "Authorization", shop,
                "Idempotency-Key", refundKey));
        call("POST", "/payments/" + paymentId + "/refunds", "{\"amount\":\"100.00\"}", 422, "Authorization", shop,
                "Idempotency-Key", UUID.randomUUID().toString());
        call("GET", "/payments/" + paymentId + "/refunds", null, 200, "Authorization", shop);
        call("GET", "/payments/" + paymentId + "/refunds/" + refund.getString("id"), null, 200, "Authorization", shop);
        call("GET", "/merchant/balances", null, 200, "Authorization", shop);

        // An API key pays out only to an account the owner approved with a code on the dashboard (StepUpIT does that).
        assertEquals("1", http.post("/api/v1/test-payout/confirmed-account/" + merchantId + "?iban=DE89370400440532013000",
                "").body());
        JsonObject payout = json(call("POST", "/payouts", """
                {"amount":"5.00","currency":"EUR","iban":"DE89370400440532013000","account_holder":"Tea House"}""",
                201, "Authorization", shop, "Idempotency-Key", UUID.randomUUID().toString()));
        call("GET", "/payouts?limit=10", null, 200, "Authorization", shop);
        call("GET", "/payouts/" + payout.getString("id"), null, 200, "Authorization", shop);
        call("POST", "/payouts/" + payout.getString("id") + "/cancel", null, 200, "Authorization", shop);

        // The events: signed as the document says, each body the schema of its type, and the same as GET /events/{id}.
        Set<String> types = new TreeSet<>();
        Instant deadline = Instant.now().plusSeconds(60);
        String secret = endpoint.getString("secret");
        while (types.size() < 3 && Instant.now().isBefore(deadline)) {
            types.clear();
            for (Delivery delivery : delivered) {
                JsonObject event = (JsonObject) Http.parse(delivery.body());
                if (delivery.body().contains(sessionId) || delivery.body().contains(paymentId)) {
                    assertSigned(delivery, secret);
                    types.add(event.getString("type"));
                    HttpResponse<String> same = call("GET", "/events/" + event.getString("id"), null, 200,
                            "Authorization", shop);
                    assertEquals(event, json(same));
                }
            }
            Thread.sleep(300);
        }
        assertEquals(Set.of("checkout.session.completed", "payment.succeeded", "refund.succeeded"), types);
        JsonObject deliveries = json(call("GET", "/webhook_endpoints/" + endpoint.getString("id") + "/deliveries",
                null, 200, "Authorization", shop));
        String deliveryId = deliveries.getJsonArray("data").getJsonObject(0).getString("id");
        call("GET", "/webhook_deliveries/" + deliveryId, null, 200, "Authorization", shop);
        call("POST", "/webhook_endpoints/" + endpoint.getString("id"), "{\"enabled\":false}", 200,
                "Authorization", shop);
        call("POST", "/webhook_deliveries/" + deliveryId + "/resend", null, 409, "Authorization", shop);
        call("POST", "/webhook_endpoints/" + endpoint.getString("id") + "/rotate_secret", null, 200,
                "Authorization", shop);
        call("DELETE", "/webhook_endpoints/" + endpoint.getString("id"), null, 204, "Authorization", shop);
        call("POST", "/merchants/me/keys/" + key.getString("id") + "/revoke", null, 200, "Authorization", user);
    }

    @Test
    @ResourceLock(AcquirerProxy.PORT)
    @DisplayName("person flow: sign up, verify, token, top-up, transfer with step-up, history, conversion; as declared")
    void personFlow() throws Exception {
        String username = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = username + "@example.com";
        call("POST", "/users/password-strength", "{\"password\":\"密码 password\"}", 200);
        JsonObject user = json(call("POST", "/users", """
                {"email":"%s","username":"%s","password":"%s","locale":"zh-CN","time_zone":"Asia/Shanghai"}"""
                .formatted(email, username, People.PASSWORD), 201));
        call("POST", "/users", "{\"email\":\"not-an-address\"}", 400);
        String link = MailCatcher.link(MailCatcher.await(email, "验证"), "/identity/verify.xhtml");
        call("POST", "/users/verification", "{\"token\":\"wrong\"}", 422);
        call("POST", "/users/verification", "{\"token\":\"%s\"}".formatted(link.substring(link.indexOf("token=") + 6)),
                204);
        call("POST", "/auth/token", """
                {"grant_type":"password","email":"%s","password":"wrong password"}""".formatted(email), 401);
        // Every sign-in asks for a code: the challenge, then the code e-mailed for it.
        int signInCodes = MailCatcher.codeMails(email);
        JsonObject challenge = json(call("POST", "/auth/token", """
                {"grant_type":"password","email":"%s","password":"%s"}""".formatted(email, People.PASSWORD), 401));
        assertEquals("code_required", challenge.getString("code"));
        String bearer = "Bearer " + json(call("POST", "/auth/token", """
                {"grant_type":"one_time_code","sign_in_id":"%s","challenge_id":"%s","code":"%s"}""".formatted(
                challenge.getString("sign_in_id"), challenge.getString("challenge_id"), MailCatcher.nextCode(email, signInCodes)),
                200)).getString("access_token");
        assertEquals(user.getString("id"), json(call("GET", "/me", null, 200, "Authorization", bearer)).getString("id"));
        call("GET", "/me", null, 401);
        call("GET", "/currencies", null, 200);

        JsonObject topUp;
        try (AcquirerProxy processor = AcquirerProxy.start(TestServer.base())) {
            topUp = json(call("POST", "/topups", """
                    {"method":"card","amount":"60.00","currency":"USD",
                     "card":{"number":"4242424242424242","exp_month":12,"exp_year":2030,"cvc":"123"}}""", 201,
                    "Authorization", bearer, "Idempotency-Key", UUID.randomUUID().toString()));
        }
        call("GET", "/topups/" + topUp.getString("id"), null, 200, "Authorization", bearer);
        call("POST", "/topups", "{\"method\":\"cheque\"}", 400, "Authorization", bearer,
                "Idempotency-Key", UUID.randomUUID().toString());
        People.fund(user.getString("id"), "USD", "40.00");
        call("GET", "/balances", null, 200, "Authorization", bearer);

        Person friend = People.person();
        String transferKey = UUID.randomUUID().toString();
        String transfer = """
                {"to":"%s","amount":"12.50","currency":"USD","note":"午饭 lunch"}""".formatted(friend.email());
        int codes = MailCatcher.codeMails(email);
        HttpResponse<String> stepUp = call("POST", "/transfers", transfer, 403, "Authorization", bearer,
                "Idempotency-Key", transferKey);
        JsonObject sent = json(call("POST", "/transfers", transfer.replace("}", ",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(json(stepUp).getString("challenge_id"), MailCatcher.nextCode(email, codes))), 201,
                "Authorization", bearer, "Idempotency-Key", transferKey));
        call("GET", "/transfers/" + sent.getString("id"), null, 200, "Authorization", bearer);
        call("GET", "/transfers?limit=5", null, 200, "Authorization", bearer);
        call("GET", "/transfers/" + sent.getString("id"), null, 404, "Authorization", People.person().bearer());
        call("POST", "/transfers", transfer.replace("12.50", "500.00"), 422, "Authorization", bearer,
                "Idempotency-Key", UUID.randomUUID().toString());

        call("GET", "/fx/rates?base=USD", null, 200);
        JsonObject quote = json(call("POST", "/fx/quotes",
                "{\"sell_currency\":\"USD\",\"buy_currency\":\"EUR\",\"sell_amount\":\"10.00\"}", 201,
                "Authorization", bearer));
        call("GET", "/fx/quotes/" + quote.getString("id"), null, 200, "Authorization", bearer);
        JsonObject conversion = json(call("POST", "/fx/conversions", "{\"quote_id\":\"%s\"}".formatted(quote.getString("id")),
                201, "Authorization", bearer, "Idempotency-Key", UUID.randomUUID().toString()));
        call("GET", "/fx/conversions/" + conversion.getString("id"), null, 200, "Authorization", bearer);

        JsonObject history = json(call("GET", "/transactions?limit=2", null, 200, "Authorization", bearer));
        assertTrue(history.getBoolean("has_more"), history.toString());
        call("GET", "/transactions?limit=2&starting_after=" + history.getString("next_cursor"), null, 200,
                "Authorization", bearer);
        call("GET", "/transactions?limit=500", null, 400, "Authorization", bearer);
        call("GET", "/transactions/" + conversion.getString("transaction_id"), null, 200, "Authorization", bearer);

        String payoutKey = UUID.randomUUID().toString();
        String payoutRequest = """
                {"amount":"1.00","currency":"EUR","iban":"DE89370400440532013000","account_holder":"Zhang Wei"}""";
        int payoutCodes = MailCatcher.codeMails(email);
        HttpResponse<String> payoutStepUp = call("POST", "/payouts", payoutRequest, 403, "Authorization", bearer,
                "Idempotency-Key", payoutKey);
        JsonObject payout = json(call("POST", "/payouts", payoutRequest.replace("}", ",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(json(payoutStepUp).getString("challenge_id"), MailCatcher.nextCode(email, payoutCodes))),
                201, "Authorization", bearer, "Idempotency-Key", payoutKey));
        call("POST", "/payouts/" + payout.getString("id") + "/cancel", null, 200, "Authorization", bearer);
        call("POST", "/payouts/" + payout.getString("id") + "/cancel", null, 409, "Authorization", bearer);
    }

    @Test
    @DisplayName("payment links, a test event, limits, the own lock, support, verifications, exports; as declared")
    void paymentLinksAndAccountFlow() throws Exception {
        Person owner = People.person();
        String merchantId = json(call("POST", "/merchants", """
                {"business_name":"Links 链接 Shop","website":"https://links.example",
                 "support_email":"help@links.example","settlement_currency":"EUR"}""", 201,
                "Authorization", owner.bearer())).getString("id");
        HttpResponse<String> approved = http.post("/api/v1/admin/merchants/" + merchantId + "/approve", "",
                "Authorization", People.operator("COMPLIANCE").bearer());
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject key = json(call("POST", "/merchants/me/keys", null, 201, "Authorization", owner.bearer()));
        HttpResponse<String> granted = form("client_id", key.getString("id"), "client_secret", key.getString("secret"));
        String shop = "Bearer " + json(granted).getString("access_token");

        // A test event: signed like every delivery, of the type the document declares.
        JsonObject endpoint = json(call("POST", "/webhook_endpoints", """
                {"url":"http://127.0.0.1:%d/hooks/%s","events":["*"]}"""
                .formatted(receiver.getAddress().getPort(), merchantId), 201, "Authorization", shop));
        JsonObject test = json(call("POST", "/webhook_endpoints/" + endpoint.getString("id") + "/test", null, 201,
                "Authorization", shop));
        assertEquals("webhook_endpoint.test", test.getString("event_type"));
        Delivery arrived = awaitDelivery(endpoint.getString("id"), "webhook_endpoint.test");
        assertSigned(arrived, endpoint.getString("secret"));

        // Payment links: fixed and open amounts, refusals, a payer pays through checkout, the link's payments.
        JsonObject link = json(call("POST", "/payment_links", """
                {"amount":"12.50","currency":"EUR","description":"绿茶 Green tea 250 g","quantity_limit":5}""", 201,
                "Authorization", shop));
        String linkId = link.getString("id");
        JsonObject open = json(call("POST", "/payment_links", """
                {"currency":"EUR","description":"Donation","expires_at":"%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                201, "Authorization", shop));
        assertTrue(open.isNull("amount"), open.toString());
        call("POST", "/payment_links", "{\"amount\":\"1.001\",\"currency\":\"EUR\",\"description\":\"x\"}", 400,
                "Authorization", shop);
        call("GET", "/payment_links?limit=1", null, 200, "Authorization", shop);
        call("GET", "/payment_links/" + linkId, null, 200, "Authorization", shop);
        call("GET", "/payment_links/plink_unknown", null, 404, "Authorization", shop);
        call("GET", "/payment_links/" + linkId, null, 403, "Authorization", owner.bearer());
        call("GET", "/payment_links/" + linkId + "/qr.svg", null, 200, "Accept", "image/svg+xml");

        Person payer = People.person("zh-CN");
        People.fund(payer, "EUR", "50.00");
        JsonObject session = json(call("POST", "/payment_links/" + linkId + "/checkout_sessions", "{}", 201,
                "Authorization", payer.bearer(), "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals("12.50", session.getString("amount"));
        String payKey = UUID.randomUUID().toString();
        int codes = MailCatcher.codeMails(payer.email());
        HttpResponse<String> stepUp = call("POST", "/checkout/sessions/" + session.getString("id") + "/pay", "{}", 403,
                "Authorization", payer.bearer(), "Idempotency-Key", payKey);
        call("POST", "/checkout/sessions/" + session.getString("id") + "/pay", """
                {"challenge_id":"%s","code":"%s"}""".formatted(json(stepUp).getString("challenge_id"),
                MailCatcher.nextCode(payer.email(), codes)), 200, "Authorization", payer.bearer(),
                "Idempotency-Key", payKey);
        JsonObject payments = json(call("GET", "/payment_links/" + linkId + "/payments", null, 200,
                "Authorization", shop));
        assertEquals(1, payments.getJsonArray("data").size(), payments.toString());
        assertEquals(1, json(call("POST", "/payment_links/" + linkId + "/deactivate", null, 200,
                "Authorization", shop)).getInt("payments_count"));
        HttpResponse<String> inactive = call("POST", "/payment_links/" + linkId + "/checkout_sessions", "{}", 409,
                "Authorization", payer.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals("payment_link_inactive", json(inactive).getString("code"));

        // The payer's own account: limits, lock and unlock with a code, statement, exports, cards.
        String bearer = payer.bearer();
        assertTrue(json(call("GET", "/me/limits", null, 200, "Authorization", bearer)).getJsonArray("limits").size() > 0);
        call("GET", "/me/limits", null, 401);
        call("GET", "/me/lock", null, 200, "Authorization", bearer);
        assertTrue(json(call("POST", "/me/lock", null, 200, "Authorization", bearer)).getBoolean("locked"));
        int lockCodes = MailCatcher.codeMails(payer.email());
        HttpResponse<String> unlock = call("POST", "/me/lock/unlock", "{}", 403, "Authorization", bearer);
        JsonObject unlocking = json(call("POST", "/me/lock/unlock", """
                {"challenge_id":"%s","code":"%s"}""".formatted(json(unlock).getString("challenge_id"),
                MailCatcher.nextCode(payer.email(), lockCodes)), 200, "Authorization", bearer));
        assertTrue(unlocking.containsKey("unlocks_at"), unlocking.toString());
        call("GET", "/statements/" + java.time.YearMonth.now(java.time.ZoneOffset.UTC) + "?currency=EUR", null, 200,
                "Authorization", bearer);
        call("GET", "/statements/2999-01?currency=EUR", null, 400, "Authorization", bearer);
        call("GET", "/me/export", null, 200, "Authorization", bearer);
        call("GET", "/cards", null, 200, "Authorization", bearer);
        call("PUT", "/me/time-zone", "{\"time_zone\":\"Europe/Berlin\"}", 200, "Authorization", bearer);
        call("POST", "/me/step-up", "{\"action\":\"change-password\"}", 201, "Authorization", bearer);
        call("POST", "/me/step-up", "{\"action\":\"fly\"}", 400, "Authorization", bearer);

        // Support and identity verification.
        JsonObject ticket = json(call("POST", "/support/tickets", """
                {"category":"payment","subject":"付款问题 A payment","message":"I paid the tea shop twice? Zahlung doppelt."}""",
                201, "Authorization", bearer));
        String ticketId = ticket.getString("id");
        call("GET", "/support/tickets", null, 200, "Authorization", bearer);
        call("GET", "/support/tickets/" + ticketId, null, 200, "Authorization", bearer);
        call("GET", "/support/tickets/" + ticketId, null, 404, "Authorization", owner.bearer());
        call("POST", "/support/tickets/" + ticketId + "/messages", "{\"message\":\"补充：订单号 42\"}", 201,
                "Authorization", bearer);
        call("POST", "/support/tickets/" + ticketId + "/rating", "{\"rating\":5}", 409, "Authorization", bearer);
        call("POST", "/support/tickets", "{\"category\":\"weather\"}", 400, "Authorization", bearer);
        JsonObject verifications = json(call("GET", "/verifications", null, 200, "Authorization", bearer));
        assertEquals(0, verifications.getJsonArray("data").size(), verifications.toString());
        call("GET", "/verifications/kyc_unknown", null, 404, "Authorization", bearer);
        call("POST", "/auth/password-reset", "{\"email\":\"%s\"}".formatted(payer.email()), 202);
    }

    /** The delivery of an event of this type to the receiver's path of this endpoint, waited for up to a minute. */
    static Delivery awaitDelivery(String endpointId, String type) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (Delivery delivery : delivered) {
                JsonObject event = (JsonObject) Http.parse(delivery.body());
                if (type.equals(event.getString("type")) && delivery.body().contains(endpointId)) {
                    return delivery;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no " + type + " event for " + endpointId + " in a minute");
    }

    @Test
    @DisplayName("the document Payara serves at /openapi is this contract")
    void servedDocumentIsTheContract() {
        HttpResponse<String> served = http.get("/openapi", "Accept", "application/json");
        assertEquals(200, served.statusCode(), served.body());
        OpenAPI api = new OpenAPIV3Parser().readContents(served.body()).getOpenAPI();
        assertTrue(api != null, served.body());
        Set<String> operationIds = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> operationIds.add(op.getOperationId())));
        Set<String> declared = new TreeSet<>();
        try (InputStream document = ContractIT.class.getResourceAsStream(ApiContractTest.DOCUMENT)) {
            new OpenAPIV3Parser().readContents(new String(document.readAllBytes(), StandardCharsets.UTF_8)).getOpenAPI()
                    .getPaths().forEach((path, item) -> item.readOperations().forEach(op -> declared.add(op.getOperationId())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(declared, operationIds);
        assertTrue(api.getComponents().getSecuritySchemes().containsKey("merchantOAuth"), served.body());
        assertTrue(api.getComponents().getSchemas().containsKey("EventPaymentSucceeded"), served.body());
    }

    @Test
    @DisplayName("/api/docs: Swagger UI loads under the CSP, lists the operations, and Try it out reaches this server")
    void referencePage() throws IOException {
        HttpResponse<String> landing = http.get("/", "Accept-Language", "en");
        assertTrue(landing.body().contains("href=\"/api/docs\""), "linked from the landing page");
        HttpResponse<String> page = http.get("/api/docs", "Accept-Language", "zh-CN");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("OKPay API 参考文档"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self';"),
                "the page keeps the strict policy");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(http.uri("/api/docs?lang=en").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 50);
            assertTrue(browser.findElement(By.id("swagger-ui")).getText().contains("createCheckoutSession"));
            WebElement currencies = browser.findElement(By.id("operations-Wallet-listCurrencies"));
            currencies.findElement(By.cssSelector(".opblock-summary-control")).click();
            wait.until(d -> !currencies.findElements(By.cssSelector(".try-out__btn")).isEmpty());
            currencies.findElement(By.cssSelector(".try-out__btn")).click();
            wait.until(d -> !currencies.findElements(By.cssSelector(".execute")).isEmpty());
            currencies.findElement(By.cssSelector(".execute")).click();
            By status = By.cssSelector(".live-responses-table tbody .response-col_status");
            wait.until(d -> !currencies.findElements(status).isEmpty());
            assertEquals("200", currencies.findElement(status).getText().trim());
            assertTrue(currencies.findElement(By.cssSelector(".live-responses-table")).getText().contains("EUR"));
            List<String> problems = new ArrayList<>();
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()
                        || entry.getMessage().contains("Content Security Policy")) {
                    problems.add(entry.getLevel() + " " + entry.getMessage());
                }
            }
            assertEquals(List.of(), problems, "the console stays clean: no CSP violation, no script error");
        } finally {
            browser.quit();
        }
    }

    // ---- the validating client --------------------------------------------------------------------------------------

    /**
     * Sends the request, asserts the expected status, and checks the request and the answer against the contract:
     * every message of the validator (a body that does not fit its schema, an undeclared status or content type, a
     * missing required header) fails the test.
     */
    HttpResponse<String> call(String method, String pathAndQuery, String body, int expected, String... headers) {
        URI uri = http.uri(BASE + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        // An Accept among the headers replaces the JSON one (a QR code, a file).
        String accept = "application/json, application/problem+json";
        List<String> others = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Accept")) {
                accept = headers[i + 1];
            } else {
                others.add(headers[i]);
                others.add(headers[i + 1]);
            }
        }
        headers = others.toArray(String[]::new);
        request.header("Accept", accept);
        HttpResponse<String> response = http.send(request, headers);
        assertEquals(expected, response.statusCode(), method + " " + pathAndQuery + ": " + response.body());

        SimpleRequest.Builder declared = new SimpleRequest.Builder(method, uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                declared.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        if (body != null) {
            declared.withBody(body).withContentType("application/json");
        }
        declared.withAccept(accept);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            declared.withHeader(headers[i], headers[i + 1]);
        }
        // A request made to be refused (no token, bad input) breaks the contract on purpose: only its answer is checked.
        ValidationReport report = expected >= 400
                ? validator.validateResponse(uri.getPath(), com.atlassian.oai.validator.model.Request.Method.valueOf(method),
                answer(response))
                : validator.validate(declared.build(), answer(response));
        assertValid(method + " " + pathAndQuery, report, response);
        return response;
    }

    /** The client credentials exchange, a form post: validated as the shop's server sends it. */
    HttpResponse<String> form(String... fields) {
        StringBuilder encoded = new StringBuilder("grant_type=client_credentials");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            encoded.append('&').append(fields[i]).append('=').append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(BASE + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())));
        SimpleRequest request = new SimpleRequest.Builder("POST", BASE + "/oauth/token")
                .withContentType("application/x-www-form-urlencoded").withBody(encoded.toString()).build();
        assertValid("POST /oauth/token", response.statusCode() >= 400
                ? validator.validateResponse(BASE + "/oauth/token", com.atlassian.oai.validator.model.Request.Method.POST,
                answer(response))
                : validator.validate(request, answer(response)), response);
        return response;
    }

    static SimpleResponse answer(HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return answer.build();
    }

    static void assertValid(String what, ValidationReport report, HttpResponse<String> response) {
        if (report.hasErrors()) {
            List<String> messages = new ArrayList<>();
            report.getMessages().forEach(m -> describe(m, "", messages));
            fail(what + " does not keep the contract:\n" + String.join("\n", messages) + "\nanswer "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static void describe(ValidationReport.Message message, String indent, List<String> lines) {
        lines.add(indent + message.getKey() + ": " + message.getMessage() + " " + message.getAdditionalInfo());
        message.getNestedMessages().forEach(nested -> describe(nested, indent + "  ", lines));
    }

    static void assertSigned(Delivery delivery, String secret) throws GeneralSecurityException {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : delivery.signature().split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, parts.get("v1"), "OKPay-Signature as documented: " + delivery.signature());
        assertFalse(Instant.ofEpochSecond(Long.parseLong(parts.get("t"))).isAfter(Instant.now().plusSeconds(60)));
    }

    static JsonObject json(HttpResponse<String> response) {
        return Http.json(response);
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
