package io.okpay.funding.control;

import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardNumber;
import io.okpay.funding.entity.CardDetails;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardChecksTest {

    static final YearMonth TODAY = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4242424242424242, VISA",
            "4222222222222, VISA",
            "5555555555554444, MASTERCARD",
            "2223000000000007, MASTERCARD",
            "378282246310005, AMEX",
            "6200000000000005, UNIONPAY",
            "3530111333300000, JCB"})
    @DisplayName("valid numbers of every accepted brand pass, and the brand is told from the leading digits")
    void acceptedBrands(String number, CardBrand brand) {
        String cvc = brand == CardBrand.AMEX ? "1234" : "123";
        CardDetails card = CardChecks.accept(number, 12, 2030, cvc, TODAY);
        assertEquals(brand, card.brand());
        assertEquals(number.substring(number.length() - 4), card.number().lastFour());
    }

    @Test
    @DisplayName("spaces and hyphens in the number are ignored; a two-digit year means 20xx")
    void typedForms() {
        CardDetails card = CardChecks.accept("4242 4242-4242 4242", 1, 27, " 123 ", TODAY);
        assertEquals("4242424242424242", card.number().digits());
        assertEquals(2027, card.expYear());
        assertEquals("123", card.cvc());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "'', card_number_required",
            "4242424242424241, card_number_invalid",
            "4242-4242-4242-424x, card_number_invalid",
            "42424242424, card_number_invalid",
            "42424242424242424242, card_number_invalid",
            "424242424242424, card_number_invalid",
            "6011111111111117, card_brand_unsupported",
            "9999999999999995, card_brand_unsupported"})
    @DisplayName("a missing, mistyped or unsupported number is refused on card.number")
    void badNumbers(String number, String code) {
        assertEquals(List.of(new FieldErrorView("card.number", code)), views(CardChecks.check(number, 12, 2030, "123", TODAY)));
    }

    @Test
    @DisplayName("Luhn: one wrong digit or two swapped digits are caught")
    void luhn() {
        assertTrue(CardNumber.of("4242424242424242").passesLuhn());
        assertFalse(CardNumber.of("4242424242424243").passesLuhn());
        assertFalse(CardNumber.of("2424424242424242").passesLuhn());
        assertTrue(CardNumber.of("79927398713").passesLuhn());
        assertFalse(CardNumber.of("").passesLuhn());
    }

    @ParameterizedTest(name = "{0}/{1} -> {2} {3}")
    @CsvSource({
            "0, 2030, card.exp_month, card_expiry_month_invalid",
            "13, 2030, card.exp_month, card_expiry_month_invalid",
            "12, 1999, card.exp_year, card_expiry_year_invalid",
            "12, 202, card.exp_year, card_expiry_year_invalid",
            "10, 2026, card.exp_year, card_expired",
            "12, 2025, card.exp_year, card_expired",
            "12, 2046, card.exp_year, card_expiry_too_far"})
    @DisplayName("an impossible, past or far-future expiry is refused")
    void badExpiry(int month, int year, String field, String code) {
        assertEquals(List.of(new FieldErrorView(field, code)),
                views(CardChecks.check("4242424242424242", month, year, "123", TODAY)));
    }

    @Test
    @DisplayName("a card is valid through its expiry month, and up to twenty years ahead")
    void expiryEdges() {
        assertTrue(CardChecks.check("4242424242424242", 11, 2026, "123", TODAY).isEmpty());
        assertTrue(CardChecks.check("4242424242424242", 11, 2046, "123", TODAY).isEmpty());
        assertEquals("card_expiry_month_invalid", CardChecks.check("4242424242424242", null, 2030, "123", TODAY).get(0).code());
    }

    @Test
    @DisplayName("the security code has the brand's length: four digits for Amex, three for the others")
    void cvc() {
        assertTrue(CardChecks.check("378282246310005", 12, 2030, "1234", TODAY).isEmpty());
        FieldError amex = CardChecks.check("378282246310005", 12, 2030, "123", TODAY).get(0);
        assertEquals(new FieldErrorView("card.cvc", "card_cvc_invalid"), view(amex));
        assertEquals(4, amex.args()[0]);
        FieldError visa = CardChecks.check("4242424242424242", 12, 2030, "1234", TODAY).get(0);
        assertEquals(3, visa.args()[0]);
        assertEquals("card_cvc_invalid", CardChecks.check("4242424242424242", 12, 2030, "12a", TODAY).get(0).code());
        assertEquals("card_cvc_invalid", CardChecks.check("4242424242424242", 12, 2030, null, TODAY).get(0).code());
    }

    @Test
    @DisplayName("every wrong field is reported at once, in one invalid_request")
    void allErrorsAtOnce() {
        BusinessException refused = assertThrows(BusinessException.class,
                () -> CardChecks.accept("4242424242424241", 13, 2030, "1", TODAY));
        assertEquals("invalid_request", refused.code());
        assertEquals(List.of("card.number", "card.exp_month", "card.cvc"),
                refused.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    @DisplayName("the card number and the CVC never show in toString")
    void masked() {
        CardDetails card = CardChecks.accept("4242424242424242", 12, 2030, "987", TODAY);
        assertEquals("visa **** 4242", card.number().toString());
        assertFalse(card.toString().contains("4242424242424242"), card.toString());
        assertFalse(card.toString().contains("987"), card.toString());
        assertTrue(card.toString().contains("**** 4242"), card.toString());
        assertFalse(CardNumber.of("4000000000000408").toString().contains("400000000000"));
    }

    private record FieldErrorView(String field, String code) {
    }

    private static FieldErrorView view(FieldError error) {
        return new FieldErrorView(error.field(), error.code());
    }

    private static List<FieldErrorView> views(List<FieldError> errors) {
        return errors.stream().map(CardChecksTest::view).toList();
    }
}
