package io.okpay.sandbox.acquirer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SandboxGateTest {

    @Test
    @DisplayName("the sandbox answers 404 unless enabled, then 401 without its exact API key")
    void gate() {
        assertEquals(404, SandboxAcquirerResource.refusal(false, "sk", "Bearer sk").orElseThrow().status());
        assertEquals(401, SandboxAcquirerResource.refusal(true, "sk", null).orElseThrow().status());
        assertEquals(401, SandboxAcquirerResource.refusal(true, "sk", "Bearer sk2").orElseThrow().status());
        assertEquals(401, SandboxAcquirerResource.refusal(true, "sk", "sk").orElseThrow().status());
        assertEquals(401, SandboxAcquirerResource.refusal(true, "", "Bearer ").orElseThrow().status(),
                "an empty key configured opens nothing");
        assertEquals(Optional.empty(), SandboxAcquirerResource.refusal(true, "sk", "Bearer sk"));
    }
}
