package io.okpay.sandbox.acquirer;

import io.okpay.funding.boundary.CardBrand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxProcessorTest {

    static final YearMonth TODAY = YearMonth.of(2026, 11);

    final SandboxProcessor cut = new SandboxProcessor();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "4242424242424242, authorized, ",
            "5555555555554444, authorized, ",
            "4000000000000101, declined, declined",
            "4000000000000200, declined, insufficient_funds",
            "4000000000000309, declined, expired_card",
            "4000000000000408, challenge_required, ",
            "4000000000000507, declined, processing_error",
            "4000000000000606, authorized, ",
            "4111111111111111, authorized, "})
    @DisplayName("the test card decides the first answer of an authorisation")
    void testCards(String number, String status, String declineCode) {
        SandboxProcessor.Authorization authorization = authorize("k-" + number, token(number), 500);
        assertEquals(status, authorization.status());
        assertEquals(declineCode, authorization.declineCode());
    }

    @Test
    @DisplayName("a token carries behaviour, brand, last four and expiry, never the number, and survives a restart")
    void tokens() {
        SandboxProcessor.Token token = cut.tokenise("4000000000000408", 3, 2029, "123", TODAY);
        assertFalse(token.id().contains("4000000000000408"));
        SandboxProcessor.Token read = new SandboxProcessor().token(token.id());
        assertEquals(new SandboxProcessor.Token(token.id(), TestCard.CHALLENGE, CardBrand.VISA, "0408", 3, 2029), read);
        assertEquals("invalid_token", assertThrows(SandboxError.class, () -> cut.token("tok_nonsense")).code());
        assertEquals("invalid_token", assertThrows(SandboxError.class,
                () -> cut.token("tok_approved_diners_0408_032029_abc")).code());
    }

    @Test
    @DisplayName("like a processor, it refuses invalid numbers, past expiry dates and wrong security codes")
    void tokeniseRefusals() {
        assertEquals("invalid_number", assertThrows(SandboxError.class,
                () -> cut.tokenise("4242424242424241", 12, 2030, "123", TODAY)).code());
        assertEquals("invalid_expiry", assertThrows(SandboxError.class,
                () -> cut.tokenise("4242424242424242", 10, 2026, "123", TODAY)).code());
        assertEquals("invalid_cvc", assertThrows(SandboxError.class,
                () -> cut.tokenise("378282246310005", 12, 2030, "123", TODAY)).code());
    }

    @Test
    @DisplayName("the same idempotency key replays the authorisation; with another payload it is a 422")
    void idempotency() {
        String token = token("4242424242424242");
        SandboxProcessor.Outcome first = cut.authorize("key-1", token, 700L, "USD");
        SandboxProcessor.Outcome again = cut.authorize("key-1", token, 700L, "USD");
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.authorization().id(), again.authorization().id());
        SandboxError conflict = assertThrows(SandboxError.class, () -> cut.authorize("key-1", token, 701L, "USD"));
        assertEquals(422, conflict.status());
        assertEquals("idempotency_key_required", assertThrows(SandboxError.class,
                () -> cut.authorize(" ", token, 700L, "USD")).code());
        assertEquals(first.authorization().id(), cut.findByIdempotencyKey("key-1").id());
    }

    @Test
    @DisplayName("capture and void follow the authorisation's state; repeats are harmless, contradictions are 409")
    void lifecycle() {
        String token = token("4242424242424242");
        String captured = authorize("a", token, 100).id();
        assertEquals("captured", cut.capture("c1", captured).status());
        assertEquals("captured", cut.capture("c1", captured).status());
        assertEquals(409, assertThrows(SandboxError.class, () -> cut.voidAuthorization("v1", captured)).status());
        assertEquals(422, assertThrows(SandboxError.class, () -> cut.capture("c1", authorize("b", token, 100).id())).status(),
                "a capture key reused for another authorisation");

        String voided = authorize("d", token, 100).id();
        assertEquals("voided", cut.voidAuthorization("v2", voided).status());
        assertEquals("voided", cut.voidAuthorization(null, voided).status());
        assertEquals(409, assertThrows(SandboxError.class, () -> cut.capture("c3", voided)).status());
        assertEquals(404, assertThrows(SandboxError.class, () -> cut.capture("c4", "auth_unknown")).status());
    }

    @Test
    @DisplayName("a challenge accepts 123456 and allows three wrong codes before declining")
    void challenge() {
        String token = token("4000000000000408");
        String passed = authorize("ch-1", token, 100).id();
        assertEquals("authorized", cut.completeChallenge(passed, SandboxProcessor.CHALLENGE_CODE).status());
        assertEquals(409, assertThrows(SandboxError.class, () -> cut.completeChallenge(passed, "123456")).status());

        String failed = authorize("ch-2", token, 100).id();
        assertEquals(2, cut.completeChallenge(failed, "111111").challengeAttemptsLeft());
        assertEquals(1, cut.completeChallenge(failed, "222222").challengeAttemptsLeft());
        SandboxProcessor.Authorization declined = cut.completeChallenge(failed, "333333");
        assertEquals("declined", declined.status());
        assertEquals("challenge_failed", declined.declineCode());
    }

    @Test
    @DisplayName("amounts must be positive whole minor units in an ISO currency")
    void amounts() {
        String token = token("4242424242424242");
        assertEquals("invalid_amount", assertThrows(SandboxError.class, () -> cut.authorize("x1", token, 0L, "USD")).code());
        assertEquals("invalid_amount", assertThrows(SandboxError.class, () -> cut.authorize("x2", token, null, "USD")).code());
        assertEquals("invalid_currency", assertThrows(SandboxError.class, () -> cut.authorize("x3", token, 5L, "usd")).code());
    }

    private String token(String number) {
        return cut.tokenise(number, 12, 2030, number.startsWith("37") ? "1234" : "123", TODAY).id();
    }

    private SandboxProcessor.Authorization authorize(String key, String token, long amount) {
        return cut.authorize(key, token, amount, "USD").authorization();
    }
}
