package io.okpay.webhook.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import io.okpay.shared.SandboxPart;
import io.okpay.webhook.control.EndpointSecrets;
import io.okpay.webhook.entity.WebhookEndpoint;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A merchant's webhook endpoints: where its events go. Every method takes the merchant id of the caller (the API
 * principal, or the shop of the signed-in owner) and finds only that merchant's endpoints: anyone else's id is 404.
 */
@Stateless
public class WebhookEndpoints {

    /** Enough for test, staging and production receivers of a few systems; more is a sign of a loop. */
    public static final int MAX_PER_MERCHANT = 16;
    static final int URL_MAX_LENGTH = 2048;
    static final int DESCRIPTION_MAX_LENGTH = 255;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Merchants merchants;

    @EJB
    AuditLog auditLog;

    @Inject
    EndpointSecrets secrets;

    @Inject
    Config config;

    /** A new enabled endpoint and its signing secret (returned this once). */
    public EndpointWithSecret create(String merchantId, String url, List<String> eventTypes, String description) {
        merchants.require(merchantId);
        List<FieldError> errors = new ArrayList<>();
        String address = checkedUrl(url, errors);
        List<String> types = checkedTypes(eventTypes, errors);
        String text = checkedDescription(description, errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        if (endpoints(merchantId).size() >= MAX_PER_MERCHANT) {
            throw new BusinessException("webhook_endpoint_limit", MAX_PER_MERCHANT);
        }
        String id = PublicIds.newId("we");
        String secret = EndpointSecrets.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(id, merchantId, address, types,
                text == null || text.isEmpty() ? null : text, secrets.seal(id, secret), Instant.now());
        em.persist(endpoint);
        auditLog.record(merchantId, "WEBHOOK_ENDPOINT_CREATED", "-", id);
        return new EndpointWithSecret(EndpointView.of(endpoint), secret);
    }

    /** The merchant's endpoints (deleted ones not), oldest first; at most {@link #MAX_PER_MERCHANT}. */
    public List<EndpointView> list(String merchantId) {
        return endpoints(merchantId).stream().map(EndpointView::of).toList();
    }

    public EndpointView find(String merchantId, String endpointId) {
        return EndpointView.of(require(merchantId, endpointId));
    }

    /** Changes what is given (null leaves a field as it is; an empty description removes it). */
    public EndpointView update(String merchantId, String endpointId, String url, List<String> eventTypes,
                               String description, Boolean enabled) {
        WebhookEndpoint endpoint = require(merchantId, endpointId);
        List<FieldError> errors = new ArrayList<>();
        String address = url == null ? null : checkedUrl(url, errors);
        List<String> types = eventTypes == null ? null : checkedTypes(eventTypes, errors);
        String text = description == null ? null : checkedDescription(description, errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        endpoint.change(address, types, text, enabled);
        auditLog.record(merchantId, "WEBHOOK_ENDPOINT_CHANGED", "-", endpointId);
        return EndpointView.of(endpoint);
    }

    /** Nothing more goes to it; its deliveries and events stay readable by their ids (the row is kept). */
    public void delete(String merchantId, String endpointId) {
        require(merchantId, endpointId).delete(Instant.now());
        auditLog.record(merchantId, "WEBHOOK_ENDPOINT_DELETED", "-", endpointId);
    }

    /** A new secret signs everything from now on, also retries of older events; returned this once. */
    public EndpointWithSecret rotateSecret(String merchantId, String endpointId) {
        WebhookEndpoint endpoint = require(merchantId, endpointId);
        em.lock(endpoint, LockModeType.PESSIMISTIC_WRITE);
        String secret = EndpointSecrets.newSecret();
        endpoint.newSecret(secrets.seal(endpoint.publicId(), secret));
        auditLog.record(merchantId, "WEBHOOK_SECRET_ROTATED", "-", endpointId);
        return new EndpointWithSecret(EndpointView.of(endpoint), secret);
    }

    private WebhookEndpoint require(String merchantId, String endpointId) {
        return em.createNamedQuery(WebhookEndpoint.BY_PUBLIC_ID, WebhookEndpoint.class)
                .setParameter("id", endpointId == null ? "" : endpointId)
                .setParameter("merchantId", merchantId == null ? "" : merchantId)
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
    }

    private List<WebhookEndpoint> endpoints(String merchantId) {
        return em.createNamedQuery(WebhookEndpoint.OF_MERCHANT, WebhookEndpoint.class)
                .setParameter("merchantId", merchantId).getResultList();
    }

    /**
     * Absolute https with a host; plain http only with okpay.sandbox.webhook.local-receivers on (receivers on this
     * machine while trying OKPay).
     */
    private String checkedUrl(String url, List<FieldError> errors) {
        String value = url == null ? "" : url.strip();
        if (!isReceiverUrl(value, sandbox())) {
            errors.add(new FieldError("url", sandbox() ? "webhook_url_invalid_sandbox" : "webhook_url_invalid"));
        }
        return value;
    }

    static boolean isReceiverUrl(String value, boolean httpAllowed) {
        if (value.isEmpty() || value.length() > URL_MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null
                    && (scheme.equals("https") || (httpAllowed && scheme.equals("http")));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Known types, or just "*"; duplicates dropped. */
    static List<String> checkedTypes(List<String> eventTypes, List<FieldError> errors) {
        Set<String> types = new LinkedHashSet<>();
        if (eventTypes != null) {
            for (String type : eventTypes) {
                types.add(type == null ? "" : type.strip());
            }
        }
        boolean valid = !types.isEmpty() && (types.equals(Set.of(WebhookEndpoint.ALL_EVENTS))
                || EventTypes.ALL.containsAll(types));
        if (!valid) {
            errors.add(new FieldError("events", "webhook_events_invalid"));
        }
        return List.copyOf(types);
    }

    private static String checkedDescription(String description, List<FieldError> errors) {
        String text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX_LENGTH) {
            errors.add(new FieldError("description", "webhook_description_too_long", DESCRIPTION_MAX_LENGTH));
        }
        return text;
    }

    private boolean sandbox() {
        return SandboxPart.LOCAL_WEBHOOK_RECEIVERS.on(config);
    }
}
