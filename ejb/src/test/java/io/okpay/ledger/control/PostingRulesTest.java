package io.okpay.ledger.control;

import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.Link;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.entity.Relation;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingRulesTest {

    @Test
    @DisplayName("a posting whose lines sum to zero in every currency is accepted")
    void balanced() {
        assertDoesNotThrow(() -> PostingRules.check(PostingRequest.of("test", "k1", "payment",
                new Line(1, 1000, "USD"), new Line(2, -970, "USD"), new Line(3, -30, "USD"),
                new Line(4, 500, "JPY"), new Line(5, -500, "JPY"))));
    }

    @Test
    @DisplayName("lines that do not sum to zero per currency are refused, even when the grand total is zero")
    void unbalanced() {
        BusinessException e = assertThrows(BusinessException.class, () -> PostingRules.check(PostingRequest.of(
                "test", "k1", "payment", new Line(1, 1000, "USD"), new Line(2, -999, "USD"))));
        assertEquals("posting_unbalanced", e.code());
        BusinessException mixed = assertThrows(BusinessException.class, () -> PostingRules.check(PostingRequest.of(
                "test", "k1", "fx", new Line(1, 100, "USD"), new Line(2, -100, "EUR"))));
        assertEquals("posting_unbalanced", mixed.code());
    }

    @Test
    @DisplayName("zero lines, a single line, or no currency are refused per field")
    void zeroAndShape() {
        assertField("amount_zero", PostingRequest.of("test", "k1", "payment", new Line(1, 0, "USD"), new Line(2, 0, "USD")));
        assertField("lines_too_few", PostingRequest.of("test", "k1", "payment", new Line(1, 100, "USD")));
        assertField("currency_unsupported", PostingRequest.of("test", "k1", "payment", new Line(1, 100, "usd"), new Line(2, -100, "usd")));
    }

    @Test
    @DisplayName("lines whose sum overflows a long are refused instead of wrapping around")
    void overflow() {
        BusinessException e = assertThrows(BusinessException.class, () -> PostingRules.check(PostingRequest.of(
                "test", "k1", "payment", new Line(1, Long.MAX_VALUE, "USD"), new Line(2, 1, "USD"),
                new Line(3, Long.MIN_VALUE, "USD"))));
        assertEquals("posting_overflow", e.code());
    }

    @Test
    @DisplayName("negative credits are how credits are written: a debit and a credit of the same money balance")
    void debitAndCredit() {
        Money fee = new Money(30, "USD", 2);
        assertEquals(30, Line.debit(1, fee).amount());
        assertEquals(-30, Line.credit(2, fee).amount());
    }

    @Test
    @DisplayName("idempotency key, scope and code are required and bounded; reversals cannot be posted as links")
    void idempotencyFields() {
        assertField("idempotency_key_invalid", PostingRequest.of("test", "", "payment", new Line(1, 1, "USD"), new Line(2, -1, "USD")));
        assertField("idempotency_key_invalid", PostingRequest.of("test", "k".repeat(256), "payment", new Line(1, 1, "USD"), new Line(2, -1, "USD")));
        assertField("idempotency_scope_invalid", PostingRequest.of(null, "k1", "payment", new Line(1, 1, "USD"), new Line(2, -1, "USD")));
        assertField("transaction_code_invalid", PostingRequest.of("test", "k1", "Payment!", new Line(1, 1, "USD"), new Line(2, -1, "USD")));
        assertField("link_invalid", PostingRequest.of("test", "k1", "refund", new Line(1, 1, "USD"), new Line(2, -1, "USD"))
                .withLink(new Link("txn_x", Relation.REVERSES)));
    }

    @Test
    @DisplayName("a hold needs a positive amount, a deadline, two different accounts and a memo of at most 255 characters")
    void holds() {
        Instant later = Instant.now().plusSeconds(60);
        Money dollar = new Money(100, "USD", 2);
        assertDoesNotThrow(() -> PostingRules.check(HoldRequest.of("test", "k1", "card_auth", 1, 2, dollar, later)
                .withExternalRef("auth-1").withMemo("m".repeat(255))));
        assertThrows(BusinessException.class, () -> PostingRules.check(HoldRequest.of("test", "k1", "card_auth", 1, 2,
                new Money(0, "USD", 2), later)));
        assertThrows(BusinessException.class, () -> PostingRules.check(HoldRequest.of("test", "k1", "card_auth", 1, 1,
                dollar, later)));
        assertThrows(BusinessException.class, () -> PostingRules.check(HoldRequest.of("test", "k1", "card_auth", 1, 2,
                dollar, null)));
        assertThrows(BusinessException.class, () -> PostingRules.check(HoldRequest.of("test", "k1", "card_auth", 1, 2,
                dollar, later).withMemo("m".repeat(256))));
    }

    @Test
    @DisplayName("fingerprints differ when any part differs, including where one part ends and the next begins")
    void fingerprints() {
        assertEquals(Fingerprint.of("post", "a", 1), Fingerprint.of("post", "a", 1));
        assertNotEquals(Fingerprint.of("post", "a", 1), Fingerprint.of("post", "a", 2));
        assertNotEquals(Fingerprint.of("ab", "c"), Fingerprint.of("a", "bc"));
        assertNotEquals(Fingerprint.of("x", null), Fingerprint.of("x", ""));
        assertEquals(64, Fingerprint.of("x").length());
    }

    private static void assertField(String code, PostingRequest request) {
        BusinessException e = assertThrows(BusinessException.class, () -> PostingRules.check(request));
        assertEquals("invalid_request", e.code());
        assertTrue(e.fieldErrors().stream().anyMatch(f -> f.code().equals(code)), () -> "field errors: " + e.fieldErrors());
    }
}
