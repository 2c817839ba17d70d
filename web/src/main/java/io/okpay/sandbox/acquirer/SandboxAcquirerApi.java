package io.okpay.sandbox.acquirer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The sandbox acquirer's own JAX-RS application, apart from OKPay's API: its resources only, and its own error format
 * (a processor's, not OKPay's problem+json).
 */
@ApplicationPath("/sandbox/acquirer")
public class SandboxAcquirerApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SandboxAcquirerResource.class);
    }
}
