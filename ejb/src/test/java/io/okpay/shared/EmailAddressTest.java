package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    @DisplayName("an address is kept without blanks around it and in lower case")
    void normalised() {
        assertEquals(Optional.of(new EmailAddress("new.person@example.com")), EmailAddress.parse("new.person@example.com"));
        assertEquals("new@example.co.uk", EmailAddress.parse("  New@Example.co.uk ").orElseThrow().value());
    }

    @Test
    @DisplayName("what has no local part, no dotted domain, two @ or a blank inside is no address")
    void refused() {
        assertTrue(EmailAddress.parse("someone").isEmpty());
        assertTrue(EmailAddress.parse("a@b").isEmpty());
        assertTrue(EmailAddress.parse("a@@b.com").isEmpty());
        assertTrue(EmailAddress.parse("a b@c.com").isEmpty());
        assertTrue(EmailAddress.parse("").isEmpty());
        assertTrue(EmailAddress.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("Someone"));
    }

    @Test
    @DisplayName("at most 254 characters, at most 64 before the @")
    void lengths() {
        String local64 = "a".repeat(64) + "@example.com";
        assertTrue(EmailAddress.hasForm(local64));
        assertFalse(EmailAddress.hasForm("a" + local64));
        assertTrue(EmailAddress.hasForm("a@" + "d".repeat(248) + ".com"), "254 characters");
        assertFalse(EmailAddress.hasForm("ab@" + "d".repeat(248) + ".com"), "255 characters");
    }
}
