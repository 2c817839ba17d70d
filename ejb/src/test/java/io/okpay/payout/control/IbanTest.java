package io.okpay.payout.control;

import io.okpay.shared.BusinessException;
import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IbanTest {

    @ParameterizedTest
    @DisplayName("accepts valid IBANs of several countries, as printed or typed")
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "fr14 2004 1010 0505 0001 3m02 606",
            "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "NO9386011117947", "IBAN AT61 1904 3002 3457 3201", "GB33BUKB20201555555555",
            "GB29 NWBK 6016 1331 9268 19", "FR76 3000 6000 0112 3456 7890 189", "NL02 ABNA 0123 4567 89",
            "DE02 1203 0000 0000 2020 51", "KW81CBKU0000000000001234560101"})
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

    @ParameterizedTest
    @DisplayName("refuses an IBAN whose length and mod-97 check digits are right but whose account structure is not the country's")
    @ValueSource(strings = {
            "GB58123460161331926819", // a British bank code is four letters, here digits
            "DE583704004405320130AB", // a German account number is digits only
            "NL5312340417164300"})    // a Dutch bank code is four letters
    void wrongStructure(String typed) {
        assertTrue(Iban.tryParse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @DisplayName("China has no IBAN: a Chinese account number in IBAN shape is refused, even with right check digits")
    @ValueSource(strings = {"CN0000", "CN06 1234 5678 9012 3456 7890 1", "CN52 6222 0212 3456 7890 123"})
    void china(String typed) {
        assertTrue(Iban.tryParse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @DisplayName("formats iban4j accepts outside the IBAN registry (Iran, Guadeloupe for FR) stay refused")
    @ValueSource(strings = {"IR062960000000100324200001", "GP1120041010050500013M02606"})
    void outsideRegistry(String typed) {
        assertTrue(IbanUtil.isValid(typed), "iban4j takes it");
        assertTrue(Iban.tryParse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @DisplayName("registry countries iban4j does not know yet are checked by length and check digits")
    @ValueSource(strings = {"LY83002048000020100120361", "SO211000001001000100141", "YE15CBYE0001018861234567891234",
            "MN121234123456789123", "NI45BAPR00000013000003558124", "SD2129010501234001", "DJ2100010000000154000100186",
            "FK88SC123456789012"})
    void notYetInIban4j(String valid) {
        assertEquals(valid, Iban.parse(valid, "iban").value());
        String wrongDigit = valid.substring(0, 2) + "00" + valid.substring(4);
        assertTrue(Iban.tryParse(wrongDigit).isEmpty(), wrongDigit);
        assertTrue(Iban.tryParse(valid + "0").isEmpty(), "one character too many");
    }

    @Test
    @DisplayName("every country of the fallback is still unknown to iban4j, and no refused country is one iban4j lacks")
    void listsAreCurrent() {
        for (String country : Iban.NOT_YET_IN_IBAN4J.keySet()) {
            CountryCode code = CountryCode.getByCode(country);
            assertFalse(code != null && IbanUtil.isSupportedCountry(code),
                    country + ": iban4j knows it now, delete it from Iban.NOT_YET_IN_IBAN4J");
        }
        for (String country : Iban.OUTSIDE_REGISTRY) {
            CountryCode code = CountryCode.getByCode(country);
            assertTrue(code != null && IbanUtil.isSupportedCountry(code),
                    country + ": iban4j no longer accepts it, delete it from Iban.OUTSIDE_REGISTRY");
        }
    }

    @Test
    @DisplayName("null is invalid, not a crash")
    void nullIsInvalid() {
        assertTrue(Iban.tryParse(null).isEmpty());
    }
}
