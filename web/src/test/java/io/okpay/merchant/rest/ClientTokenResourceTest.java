package io.okpay.merchant.rest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientTokenResourceTest {

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("HTTP Basic credentials are read, each part form-decoded (RFC 6749 2.3.1)")
    void basicCredentials() {
        var credentials = ClientTokenResource.credentials(basic("key_abc:sk_x%2By"), null, null);
        assertEquals("key_abc", credentials.id());
        assertEquals("sk_x+y", credentials.secret());
        assertEquals("key_abc", ClientTokenResource.credentials("basic " + basic("key_abc:s").substring(6), null, null).id());
    }

    @Test
    @DisplayName("without Basic, the form fields are the credentials; a bearer header is not Basic")
    void formCredentials() {
        var credentials = ClientTokenResource.credentials(null, "key_abc", "sk_1");
        assertEquals("key_abc", credentials.id());
        assertEquals("sk_1", credentials.secret());
        assertEquals("sk_1", ClientTokenResource.credentials("Bearer x", "key_abc", "sk_1").secret());
    }

    @Test
    @DisplayName("credentials in both places, undecodable Basic and Basic without a colon are malformed")
    void malformed() {
        assertThrows(IllegalArgumentException.class, () -> ClientTokenResource.credentials(basic("a:b"), "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> ClientTokenResource.credentials("Basic %%%", null, null));
        assertThrows(IllegalArgumentException.class, () -> ClientTokenResource.credentials(basic("nocolon"), null, null));
    }
}
