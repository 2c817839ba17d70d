package io.okpay.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An RSA key that signs access tokens; the private JWK is sealed under the master key. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String kid;

    @Column(name = "private_jwk", nullable = false, updatable = false, length = 4096)
    private String sealedPrivateJwk;

    @Column(name = "public_jwk", nullable = false, updatable = false, length = 4096)
    private String publicJwk;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "signs_from", nullable = false, updatable = false)
    private Instant signsFrom;

    protected SigningKey() {
    }

    public SigningKey(String kid, String sealedPrivateJwk, String publicJwk, Instant createdAt, Instant signsFrom) {
        this.kid = kid;
        this.sealedPrivateJwk = sealedPrivateJwk;
        this.publicJwk = publicJwk;
        this.createdAt = createdAt;
        this.signsFrom = signsFrom;
    }

    public String kid() {
        return kid;
    }

    public String sealedPrivateJwk() {
        return sealedPrivateJwk;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Published from its creation on, it signs from this time: every instance has it by then. */
    public Instant signsFrom() {
        return signsFrom;
    }
}
