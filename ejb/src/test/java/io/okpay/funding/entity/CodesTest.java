package io.okpay.funding.entity;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodesTest {

    final SecureRandom random = new SecureRandom();

    @Test
    @DisplayName("the alphabet has 31 symbols (a prime) and none of 0 O 1 I L")
    void alphabet() {
        assertEquals(31, CheckCharacter.ALPHABET.length());
        assertEquals(31, CheckCharacter.ALPHABET.chars().distinct().count());
        for (char confusing : "0O1IL".toCharArray()) {
            assertEquals(-1, CheckCharacter.ALPHABET.indexOf(confusing));
        }
    }

    @Test
    @DisplayName("every single wrong symbol and every swap of two neighbours is caught by the check character")
    void checkCharacterCatchesTypos() {
        for (int round = 0; round < 200; round++) {
            String payload = CheckCharacter.random(random, 19);
            String code = payload + CheckCharacter.of(payload);
            assertTrue(CheckCharacter.isValid(code));
            for (int i = 0; i < code.length(); i++) {
                for (char other : CheckCharacter.ALPHABET.toCharArray()) {
                    if (other != code.charAt(i)) {
                        String typo = code.substring(0, i) + other + code.substring(i + 1);
                        assertFalse(CheckCharacter.isValid(typo), typo);
                    }
                }
                if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
                    String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    assertFalse(CheckCharacter.isValid(swapped), swapped);
                }
            }
        }
    }

    @Test
    @DisplayName("top-up references look like OKP-XXXX-XXXX, differ, and parse back however they are typed")
    void topUpReferences() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TopUpReference reference = TopUpReference.generate(random);
            assertTrue(reference.value().matches("OKP-[" + CheckCharacter.ALPHABET + "]{4}-[" + CheckCharacter.ALPHABET + "]{4}"),
                    reference.value());
            seen.add(reference.value());
            assertEquals(Optional.of(reference), TopUpReference.parse(reference.value()));
            assertEquals(Optional.of(reference), TopUpReference.parse(reference.value().toLowerCase().replace("-", " ")));
        }
        assertEquals(1000, seen.size());
    }

    @Test
    @DisplayName("a reference is found inside a bank's remittance text; look-alikes with a wrong check are passed over")
    void referencesInText() {
        TopUpReference reference = TopUpReference.generate(random);
        String compact = reference.value().replace("-", "");
        assertEquals(Optional.of(reference), TopUpReference.findIn("Top-up " + reference.value() + " thanks"));
        assertEquals(Optional.of(reference), TopUpReference.findIn("/RFB/" + compact.toLowerCase()));
        assertEquals(Optional.of(reference), TopUpReference.findIn("OKP " + reference.value().substring(4).replace('-', ' ')));
        String wrong = wrongLast(reference.value());
        assertEquals(Optional.empty(), TopUpReference.findIn("payment " + wrong));
        assertEquals(Optional.of(reference), TopUpReference.findIn(wrong + " / " + reference.value()));
        assertEquals(Optional.of(reference), TopUpReference.findIn("TOPUP" + compact + "THANKYOU"), "run into the next word");
        assertEquals(Optional.empty(), TopUpReference.findIn(null));
        assertEquals(Optional.empty(), TopUpReference.parse("XYZ-ABCD-EFGH"));
    }

    @Test
    @DisplayName("voucher codes have 20 symbols in five groups, are stored as a SHA-256 and shown masked")
    void voucherCodes() {
        VoucherCode code = VoucherCode.generate(random);
        String shown = code.formatted();
        assertTrue(shown.matches("([" + CheckCharacter.ALPHABET + "]{4}-){4}[" + CheckCharacter.ALPHABET + "]{4}"), shown);
        assertEquals(code, VoucherCode.parse(shown.toLowerCase().replace("-", " ")));
        assertEquals(code.hash(), VoucherCode.parse(shown).hash());
        assertTrue(code.hash().matches("[0-9a-f]{64}"));
        assertNotEquals(code.hash(), VoucherCode.generate(random).hash());
        assertFalse(code.toString().contains(shown.substring(0, 4)), code.toString());
        assertTrue(code.toString().endsWith(shown.substring(20)));
    }

    @Test
    @DisplayName("the SHA-256 of a known code is stable (what is stored must not change between versions)")
    void voucherHashIsStable() {
        String payload = "ABCDEFGHJKMNPQRSTUV";
        VoucherCode code = VoucherCode.parse(payload + CheckCharacter.of(payload));
        assertEquals("ABCDEFGHJKMNPQRSTUVW", payload + CheckCharacter.of(payload));
        // SHA-256 of the ASCII bytes of "ABCDEFGHJKMNPQRSTUVW", as vouchers issued so far were stored.
        assertEquals("d1d5079c636ac8353aa6acc43178ca940837a4dbc13028a5d93376fff410df65", code.hash());
    }

    @Test
    @DisplayName("a mistyped, short or empty voucher code is refused on the field code before any lookup")
    void mistypedVoucher() {
        String shown = VoucherCode.generate(random).formatted();
        BusinessException typo = assertThrows(BusinessException.class, () -> VoucherCode.parse(wrongLast(shown)));
        assertEquals("invalid_request", typo.code());
        assertEquals("code", typo.fieldErrors().get(0).field());
        assertEquals("voucher_code_invalid", typo.fieldErrors().get(0).code());
        assertEquals("voucher_code_invalid", assertThrows(BusinessException.class,
                () -> VoucherCode.parse(shown.substring(0, 14))).fieldErrors().get(0).code());
        assertEquals("voucher_code_invalid", assertThrows(BusinessException.class,
                () -> VoucherCode.parse(shown.replace(shown.charAt(0), '0'))).fieldErrors().get(0).code());
        assertEquals("voucher_code_required", assertThrows(BusinessException.class,
                () -> VoucherCode.parse("  ")).fieldErrors().get(0).code());
    }

    private static String wrongLast(String code) {
        char last = code.charAt(code.length() - 1);
        char other = CheckCharacter.ALPHABET.charAt((CheckCharacter.ALPHABET.indexOf(last) + 1) % CheckCharacter.ALPHABET.length());
        return code.substring(0, code.length() - 1) + other;
    }
}
