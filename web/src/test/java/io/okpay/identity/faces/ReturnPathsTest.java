package io.okpay.identity.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class ReturnPathsTest {

    @Test
    @DisplayName("local paths with a query are kept")
    void local() {
        assertEquals(Optional.of("/checkout/pay.xhtml?session=cs_abc"), ReturnPaths.local("/checkout/pay.xhtml?session=cs_abc"));
        assertEquals(Optional.of("/wallet/home.xhtml"), ReturnPaths.local("/wallet/home.xhtml"));
    }

    @Test
    @DisplayName("other sites, protocol-relative and backslash tricks, blanks and control characters are refused")
    void refused() {
        for (String path : new String[]{null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example",
                "\\\\evil.example", "evil.example", "/a b", "/a\r\nLocation: x", "javascript:alert(1)", "/" + "a".repeat(1000)}) {
            assertTrue(ReturnPaths.local(path).isEmpty(), String.valueOf(path));
        }
    }
}
