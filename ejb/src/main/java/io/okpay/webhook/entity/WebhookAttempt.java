package io.okpay.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One HTTP attempt of a delivery, for the delivery log. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(name = WebhookAttempt.OF_DELIVERIES, query = """
        SELECT a FROM WebhookAttempt a WHERE a.deliveryId IN :deliveries ORDER BY a.id""")
public class WebhookAttempt {

    public static final String OF_DELIVERIES = "WebhookAttempt.ofDeliveries";
    public static final int BODY_SLICE = 500;
    public static final int ERROR_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private Long deliveryId;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(updatable = false)
    private String error;

    @Column(name = "response_ms", nullable = false, updatable = false)
    private int responseMs;

    @Column(name = "response_body", updatable = false)
    private String responseBody;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(long deliveryId, Instant attemptedAt, Integer httpStatus, String error, int responseMs,
                          String responseBody) {
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = cut(error, ERROR_LENGTH);
        this.responseMs = responseMs;
        this.responseBody = cut(responseBody, BODY_SLICE);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public int responseMs() {
        return responseMs;
    }

    public String responseBody() {
        return responseBody;
    }
}
