package io.okpay.payout.control;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IbanTest {

    @ParameterizedTest
    @DisplayName("accepts valid IBANs of several countries, as printed or typed")
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "fr14 2004 1010 0505 0001 3m02 606",
            "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "NO9386011117947", "IBAN AT61 1904 3002 3457 3201", "GB33BUKB20201555555555"})
    void valid(String typed) {
        Iban iban = Iban.parse(typed, "iban");
        assertTrue(iban.value().matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+"), iban.value());
    }

    @Test
    @DisplayName("normalises spaces and case, and keeps the last four characters for display")
    void normalises() {
        Iban cut = Iban.parse(" fr14 2004 1010 0505 0001 3m02 606 ", "iban");
        assertEquals("FR1420041010050500013M02606", cut.value());
        assertEquals("2606", cut.last4());
        assertEquals("FR", cut.country());
        assertEquals("FR14 2004 1010 0505 0001 3M02 606", cut.grouped());
        assertEquals("•••• 2606", Iban.masked(cut.last4()));
    }

    @ParameterizedTest
    @DisplayName("refuses a wrong check digit, a wrong length for the country, unknown countries and junk")
    @ValueSource(strings = {"DE88370400440532013000", "DE8937040044053201300", "DE893704004405320130000",
            "GB82WEST12345698765433", "XX82WEST12345698765432", "NL91ABNA041716430!", "", "   ", "DE", "1234567890"})
    void invalid(String typed) {
        BusinessException refused = assertThrows(BusinessException.class, () -> Iban.parse(typed, "iban"));
        assertEquals("iban", refused.fieldErrors().get(0).field());
        assertEquals("iban_invalid", refused.fieldErrors().get(0).code());
    }

    @Test
    @DisplayName("null is invalid, not a crash")
    void nullIsInvalid() {
        assertTrue(Iban.tryParse(null).isEmpty());
    }
}
