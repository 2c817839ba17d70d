package io.okpay.shared.rest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AmountsAsStringsTest {

    static List<String> found(String json) {
        return AmountsAsStrings.amountsNotStrings(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("an amount as a JSON number, boolean, object or array is found, by its member's name")
    void findsAmountsThatAreNotStrings() {
        assertEquals(List.of("amount"), found("{\"to\":\"bob\",\"amount\":1.5,\"currency\":\"USD\"}"));
        assertEquals(List.of("amount"), found("{\"amount\":12}"));
        assertEquals(List.of("sell_amount"), found("{\"sell_currency\":\"USD\",\"sell_amount\":1e2,\"buy_amount\":null}"));
        assertEquals(List.of("amount"), found("{\"amount\":true}"));
        assertEquals(List.of("amount", "buy_amount"), found("{\"amount\":{\"value\":\"1\"},\"buy_amount\":[\"1\"]}"));
        assertEquals(List.of("amount"), found("{\"card\":{\"amount\":5},\"note\":\"x\"}"), "nested members too");
    }

    @Test
    @DisplayName("decimal strings, null, other members' numbers and array elements are left alone")
    void leavesStringsAndOtherMembersAlone() {
        assertEquals(List.of(), found("{\"amount\":\"1.50\",\"currency\":\"USD\",\"count\":3,\"exp_month\":12}"));
        assertEquals(List.of(), found("{\"amount\":null,\"sell_amount\":\"2\"}"));
        assertEquals(List.of(), found("{\"codes\":[1,2,3],\"amounts\":5,\"amount_text\":7}"));
        assertEquals(List.of(), found("[{\"x\":1},2]"));
    }

    @Test
    @DisplayName("a body that is not JSON is left to the JSON reader, which answers malformed_json")
    void leavesMalformedBodiesToTheReader() {
        assertEquals(List.of(), found("{\"amount\":"));
        assertEquals(List.of(), found(""));
        assertEquals(List.of(), found("amount=1.5"));
    }
}
