package io.okpay.webhook.control;

import io.okpay.shared.crypto.MasterKey;
import io.okpay.shared.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/**
 * Signing secrets of webhook endpoints: 256 random bits shown once as {@code whsec_...}, kept sealed under the master
 * key (signing needs them in clear, so a hash would not do). The endpoint's id is the sealing context: a sealed secret
 * copied to another endpoint's row does not open.
 */
@ApplicationScoped
public class EndpointSecrets {

    private static final String CONTEXT = "webhook-endpoint-secret:";

    @Inject
    MasterKey masterKey;

    public static String newSecret() {
        return "whsec_" + Secrets.token();
    }

    public String seal(String endpointId, String secret) {
        return masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), CONTEXT + endpointId);
    }

    public String open(String endpointId, String sealed) {
        return new String(masterKey.open(sealed, CONTEXT + endpointId), StandardCharsets.UTF_8);
    }
}
