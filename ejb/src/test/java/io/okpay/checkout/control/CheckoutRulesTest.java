package io.okpay.checkout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.okpay.shared.BusinessException.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class CheckoutRulesTest {

    @Test
    @DisplayName("return addresses are absolute http(s) with a host and no user part")
    void returnUrls() {
        assertTrue(valid("https://shop.example/done?order=1"));
        assertTrue(valid("http://localhost:8081/ok"));
        assertEquals(false, valid("javascript:alert(1)"));
        assertEquals(false, valid("/relative"));
        assertEquals(false, valid("https://user@shop.example/"));
        assertEquals(false, valid("ftp://shop.example/"));
        assertEquals(false, valid(""));
    }

    @Test
    @DisplayName("metadata is stored with sorted keys, so equal maps are equal text; limits are field errors")
    void metadata() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", "2");
        first.put("a", "1");
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", CheckoutRules.metadata(first, errors));
        assertEquals(Map.of("a", "1", "b", "2"), CheckoutRules.metadataMap("{\"a\":\"1\",\"b\":\"2\"}"));
        assertNull(CheckoutRules.metadata(Map.of(), errors));
        assertTrue(errors.isEmpty());
        CheckoutRules.metadata(Map.of("n", 5), errors);
        assertEquals("metadata_value_invalid", errors.get(0).code());
    }

    private static boolean valid(String url) {
        List<FieldError> errors = new ArrayList<>();
        CheckoutRules.returnUrl(url, "success_url", errors);
        return errors.isEmpty();
    }
}
