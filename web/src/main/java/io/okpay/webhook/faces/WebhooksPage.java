package io.okpay.webhook.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.webhook.boundary.DeliveryView;
import io.okpay.webhook.boundary.EndpointView;
import io.okpay.webhook.boundary.EndpointWithSecret;
import io.okpay.webhook.boundary.EventTypes;
import io.okpay.webhook.boundary.WebhookDeliveries;
import io.okpay.webhook.boundary.WebhookEndpoints;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * /merchant/webhooks.xhtml for the owner of a shop: add endpoints (the signing secret shown once), enable, disable or
 * delete them, send one a test event, read an endpoint's delivery log and re-send a delivery. Acts as the shop of the signed-in person.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LOG_SIZE = 50;

    @EJB
    transient Merchants merchants;

    @EJB
    transient WebhookEndpoints endpoints;

    @EJB
    transient WebhookDeliveries deliveries;

    @Inject
    transient CurrentUser currentUser;

    private String merchantId;
    private String url;
    private List<String> eventTypes = new ArrayList<>(List.of("*"));
    private String description;
    private String newSecret;
    private String newSecretEndpoint;
    private String logEndpoint;
    private List<EndpointView> endpointList;
    private List<DeliveryView> log;

    @PostConstruct
    void load() {
        merchantId = merchants.ofOwner(currentUser.id()).map(MerchantView::id).orElse(null);
        refresh();
    }

    public void create() {
        try {
            EndpointWithSecret created = endpoints.create(merchantId, url, eventTypes, description);
            newSecret = created.secret();
            newSecretEndpoint = created.endpoint().url();
            url = null;
            description = null;
            eventTypes = new ArrayList<>(List.of("*"));
            PageMessages.info("webhooks.created");
        } catch (BusinessException e) {
            PageMessages.show(e, "add");
        }
        refresh();
    }

    public void enable(String endpointId, boolean enabled) {
        try {
            endpoints.update(merchantId, endpointId, null, null, null, enabled);
            PageMessages.info(enabled ? "webhooks.enabled" : "webhooks.disabled");
        } catch (BusinessException e) {
            PageMessages.show(e, "endpoints");
        }
        refresh();
    }

    public void delete(String endpointId) {
        try {
            endpoints.delete(merchantId, endpointId);
            if (endpointId.equals(logEndpoint)) {
                logEndpoint = null;
            }
            PageMessages.info("webhooks.deleted");
        } catch (BusinessException e) {
            PageMessages.show(e, "endpoints");
        }
        refresh();
    }

    public void showLog(String endpointId) {
        logEndpoint = endpointId;
        refresh();
    }

    /** Sends a test event to the endpoint and opens its delivery log, where the test delivery shows up. */
    public void sendTest(String endpointId) {
        try {
            deliveries.sendTest(merchantId, endpointId);
            logEndpoint = endpointId;
            PageMessages.info("webhooks.test-sent");
        } catch (BusinessException e) {
            PageMessages.show(e, "endpoints");
        }
        refresh();
    }

    public void resend(String deliveryId) {
        try {
            deliveries.resend(merchantId, deliveryId);
            PageMessages.info("webhooks.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "log");
        }
        refresh();
    }

    /** Reads the endpoints and the open delivery log again (re-sends and deliveries change them). */
    public void refresh() {
        if (merchantId == null) {
            endpointList = List.of();
            log = List.of();
            return;
        }
        endpointList = endpoints.list(merchantId);
        if (logEndpoint != null && endpointList.stream().noneMatch(e -> e.id().equals(logEndpoint))) {
            logEndpoint = null;
        }
        log = logEndpoint == null ? List.of() : deliveries.ofEndpoint(merchantId, logEndpoint, null, LOG_SIZE).deliveries();
    }

    public boolean isMerchant() {
        return merchantId != null;
    }

    public List<String> getEventTypeChoices() {
        List<String> choices = new ArrayList<>(List.of("*"));
        choices.addAll(EventTypes.ALL);
        return choices;
    }

    /** "All events", or the types it listens to. */
    public String events(EndpointView endpoint) {
        return endpoint.eventTypes().contains("*") ? text("webhooks.events.all") : String.join(", ", endpoint.eventTypes());
    }

    /** "HTTP 500 · 12 ms", "timeout · 10003 ms" (the error code's text), or nothing before the first attempt. */
    public String lastOutcome(DeliveryView delivery) {
        DeliveryView.Attempt last = delivery.lastAttempt();
        if (last == null) {
            return "";
        }
        String outcome = last.httpStatus() == null ? text("webhooks.error." + last.error()) : "HTTP " + last.httpStatus();
        return text("webhooks.log.outcome", outcome, last.responseMs());
    }

    private static String text(String key, Object... args) {
        return Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, args);
    }

    public String time(Instant instant) {
        return instant == null ? "" : currentUser.time(instant);
    }

    public List<EndpointView> getEndpointList() {
        return endpointList;
    }

    public List<DeliveryView> getLog() {
        return log;
    }

    public String getLogEndpoint() {
        return logEndpoint;
    }

    public String getLogEndpointUrl() {
        return endpointList.stream().filter(e -> e.id().equals(logEndpoint)).map(EndpointView::url).findFirst().orElse("");
    }

    public String getNewSecret() {
        return newSecret;
    }

    public String getNewSecretEndpoint() {
        return newSecretEndpoint;
    }

    public void dismissSecret() {
        newSecret = null;
        newSecretEndpoint = null;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
