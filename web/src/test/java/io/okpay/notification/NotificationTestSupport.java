package io.okpay.notification;

import io.okpay.notification.boundary.Mail;
import io.okpay.notification.boundary.Outbox;
import io.okpay.notification.boundary.OutboxPriority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/**
 * Test-only resource, in the test server for NotificationIT: writes outbox events and e-mails in transactions of its
 * own that it commits or rolls back as the test asks, and answers what {@link ProbeHandler} was given.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
@Path("test-notification")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationTestSupport {

    @EJB
    Outbox outbox;

    @EJB
    Mail mail;

    @Resource
    UserTransaction tx;

    /** Each payload for ProbeHandler in one transaction, in order, then {@code urgent} (if given) as URGENT. */
    @POST
    @Path("outbox")
    @Consumes(MediaType.APPLICATION_JSON)
    public void enqueue(@QueryParam("outcome") String outcome, @QueryParam("urgent") String urgent, JsonArray payloads)
            throws Exception {
        tx.begin();
        for (JsonString payload : payloads.getValuesAs(JsonString.class)) {
            outbox.enqueue(ProbeHandler.TYPE, payload.getString());
        }
        if (urgent != null) {
            outbox.enqueue(ProbeHandler.TYPE, urgent, OutboxPriority.URGENT);
        }
        switch (outcome) {
            case "commit" -> tx.commit();
            case "rollback" -> tx.rollback();
            default -> throw new IllegalArgumentException("outcome: commit or rollback, not " + outcome);
        }
    }

    /** Enqueues with no transaction: names what the outbox threw, or "nothing". */
    @POST
    @Path("outbox/outside-transaction")
    public String enqueueOutsideTransaction() {
        try {
            outbox.enqueue(ProbeHandler.TYPE, "{}");
            return Json.createValue("nothing").toString();
        } catch (EJBException e) {
            return Json.createValue(e.getClass().getName()).toString();
        }
    }

    /** What ProbeHandler was asked to deliver and what it delivered, in order. */
    @GET
    @Path("probe")
    public String probe() {
        return Json.createObjectBuilder()
                .add("attempted", Json.createArrayBuilder(ProbeHandler.ATTEMPTED))
                .add("delivered", Json.createArrayBuilder(ProbeHandler.DELIVERED))
                .build().toString();
    }

    /** The mail-settings check e-mail, sent in a committed transaction. */
    @POST
    @Path("mail")
    public void send(@QueryParam("to") String to, @QueryParam("lang") String lang, @QueryParam("link") String link)
            throws Exception {
        tx.begin();
        mail.send(to, Locale.forLanguageTag(lang), "smtp_check", link);
        tx.commit();
    }
}
