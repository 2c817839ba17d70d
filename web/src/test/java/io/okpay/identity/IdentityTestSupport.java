package io.okpay.identity;

import io.okpay.shared.crypto.MasterKey;
import io.okpay.identity.control.TokenSigner;
import io.okpay.identity.entity.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Test-only, in the test server (for the identity tests): what a black-box test cannot do through the product. Signs
 * tokens with OKPay's real key but wrong claims (expired, another issuer or audience), plays other instances storing
 * and rotating signing keys, ages a challenge past its ten minutes or its
 * 30 seconds before "send again", makes an operator.
 */
@Stateless
@Path("test-identity")
@Produces(MediaType.TEXT_PLAIN)
public class IdentityTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String issuer;

    @POST
    @Path("token/{subject}")
    public String token(@PathParam("subject") String subject, @QueryParam("issuer") String otherIssuer,
                        @QueryParam("audience") String otherAudience, @QueryParam("ageSeconds") long ageSeconds)
            throws Exception {
        SigningKey signing = em.createQuery("SELECT k FROM SigningKey k WHERE k.signsFrom <= :now ORDER BY k.signsFrom DESC",
                        SigningKey.class).setParameter("now", Instant.now()).setMaxResults(1).getSingleResult();
        var key = com.nimbusds.jose.jwk.RSAKey.parse(new String(
                masterKey.open(signing.sealedPrivateJwk(), "jwt-signing-key:" + signing.kid()), StandardCharsets.UTF_8));
        // "-" stands for no audience at all.
        String audience = otherAudience == null ? signingKeys.audience() : otherAudience.equals("-") ? null : otherAudience;
        return TokenSigner.sign(key, otherIssuer == null ? issuer.replaceAll("/$", "") : otherIssuer, audience, "user",
                subject, Set.of("USER"), Instant.now().minusSeconds(ageSeconds), TokenSigner.ACCESS_TOKEN_LIFETIME);
    }

    /**
     * What another instance does when it rotates: stores a new key, here one that signs only tomorrow (so no token of
     * this run needs it). Answers its kid.
     */
    @POST
    @Path("key-from-another-instance")
    public String keyFromAnotherInstance() throws Exception {
        var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("key_other" + System.nanoTime())
                .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        Instant now = Instant.now();
        // Made "yesterday", so it does not count as the newest key for the rotation.
        em.persist(new SigningKey(key.getKeyID(), masterKey.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8),
                "jwt-signing-key:" + key.getKeyID()), key.toPublicJWK().toJSONString(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))));
        return key.getKeyID();
    }

    /**
     * Instances that notice together that the rotation is due: {@code count} refreshes at once, each in its own
     * transaction, as of a time past the rotation period. Answers the kids they made, one a line.
     */
    @POST
    @Path("rotate-together/{count}")
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public String rotateTogether(@PathParam("count") int count) throws Exception {
        Instant due = Instant.now().plus(rotation).plus(Duration.ofMinutes(1));
        var start = new java.util.concurrent.CountDownLatch(1);
        var made = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (int i = 0; i < count; i++) {
            made.add(executor.submit(() -> {
                start.await();
                return signingKeys.refresh(due);
            }));
        }
        start.countDown();
        StringBuilder kids = new StringBuilder();
        for (var kid : made) {
            String value = kid.get();
            if (value != null) {
                kids.append(value).append('\n');
            }
        }
        return kids.toString();
    }

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @jakarta.ejb.EJB
    io.okpay.identity.control.SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "okpay.jwt.key-rotation")
    Duration rotation;

    @POST
    @Path("expire-challenge/{id}")
    public String expire(@PathParam("id") String challengeId) {
        return Integer.toString(em.createQuery("UPDATE Challenge c SET c.expiresAt = :past WHERE c.publicId = :id")
                .setParameter("past", Instant.now().minus(Duration.ofSeconds(1))).setParameter("id", challengeId)
                .executeUpdate());
    }

    /** Moves the last code of every challenge of the person 31 seconds back: "send again" is allowed without waiting. */
    @POST
    @Path("resend-allowed/{email}")
    public String allowResend(@PathParam("email") String email) {
        return Integer.toString(em.createQuery("UPDATE Challenge c SET c.lastSentAt = :past "
                        + "WHERE c.user IN (SELECT u FROM User u WHERE u.email = :email)")
                .setParameter("past", Instant.now().minus(Duration.ofSeconds(31))).setParameter("email", email)
                .executeUpdate());
    }

    @Inject
    io.okpay.notification.control.SmsGateways smsGateways;

    /** The newest text the SMS sandbox kept for this number. */
    @jakarta.ws.rs.GET
    @Path("sms/{phone}")
    public String sms(@PathParam("phone") String phone) throws Exception {
        return new io.okpay.notification.control.SandboxSmsGateway(smsGateways.sandboxPath()).latest(phone).orElse("");
    }

    /** Tries to rewrite history; the database must refuse. */
    @POST
    @Path("tamper-audit")
    public String tamperAudit() {
        try {
            em.createNativeQuery("UPDATE audit_record SET detail = 'rewritten' ORDER BY id DESC LIMIT 1").executeUpdate();
            em.flush();
            return "changed";
        } catch (RuntimeException refused) {
            context.setRollbackOnly();
            return "refused";
        }
    }

    /** Sets the count of wrong codes of the person's account this hour, as if they had been typed. */
    @POST
    @Path("code-failures/{email}/{count}")
    public String codeFailures(@PathParam("email") String email, @PathParam("count") int count) {
        return Integer.toString(em.createNativeQuery("""
                        INSERT INTO otp_failure_budget (user_id, failures, window_started_at)
                        SELECT id, ?1, ?2 FROM app_user WHERE email = ?3
                        ON DUPLICATE KEY UPDATE failures = ?1, window_started_at = ?2""")
                .setParameter(1, count).setParameter(2, Instant.now()).setParameter(3, email).executeUpdate());
    }

    /** The status and payload of every e-mail of this template to this address in the outbox, one per line. */
    @jakarta.ws.rs.GET
    @Path("outbox/{template}/{email}")
    public String outbox(@PathParam("template") String template, @PathParam("email") String email) {
        StringBuilder rows = new StringBuilder();
        for (Object row : em.createNativeQuery("SELECT CONCAT(status, ' ', payload) FROM outbox_event WHERE type = 'mail' "
                        + "AND JSON_VALUE(payload, '$.to') = ?1 AND JSON_VALUE(payload, '$.template') = ?2 ORDER BY id")
                .setParameter(1, email).setParameter(2, template).getResultList()) {
            rows.append(row).append('\n');
        }
        return rows.toString();
    }

    @POST
    @Path("grant/{user}/{role}")
    public String grant(@PathParam("user") String userId, @PathParam("role") String role) {
        return Integer.toString(em.createQuery("UPDATE User u SET u.roles = CONCAT(u.roles, ',', :role) WHERE u.publicId = :id")
                .setParameter("role", role).setParameter("id", userId).executeUpdate());
    }
}
