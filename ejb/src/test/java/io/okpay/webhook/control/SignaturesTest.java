package io.okpay.webhook.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignaturesTest {

    @Test
    @DisplayName("v1 is the hex HMAC-SHA256 of \"t.body\" under the secret (the RFC 4231 vector and the header shape)")
    void hmacOfTimestampAndBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signatures.hmac("Jefe", "what do ya want for nothing?"));
        String header = Signatures.header("whsec_test", 1700000000L, "{\"id\":\"evt_1\"}");
        assertEquals("t=1700000000,v1=" + Signatures.hmac("whsec_test", "1700000000.{\"id\":\"evt_1\"}"), header);
        assertNotEquals(header, Signatures.header("whsec_test", 1700000001L, "{\"id\":\"evt_1\"}"), "the time is signed");
    }
}
