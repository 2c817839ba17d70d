package io.okpay.support.rest;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.support.boundary.DeskStats;
import io.okpay.support.boundary.MessageView;
import io.okpay.support.boundary.QueueFilter;
import io.okpay.support.boundary.SupportDesk;
import io.okpay.support.boundary.TicketCategory;
import io.okpay.support.boundary.TicketStatus;
import io.okpay.support.boundary.TicketThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The support desk's API (SUPPORT; COMPLIANCE sees the security reports only): the queue, overdue first, with the
 * desk's figures; a ticket with its internal notes; assignment, replies (e-mailed to the person), notes, status.
 */
@Path("admin/support/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SUPPORT", "COMPLIANCE"})
public class SupportDeskResource {

    @EJB
    SupportDesk desk;

    public record Text(String message) {
    }

    public record Assignment(String assignee) {
    }

    public record StatusChange(String status) {
    }

    @GET
    public JsonObject queue(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
                            @QueryParam("category") String category, @QueryParam("assignee") String assignee) {
        TicketStatus wantedStatus = TicketStatus.parse(status);
        if (status != null && !status.isBlank() && wantedStatus == null) {
            throw BusinessException.invalid(List.of(new FieldError("status", "ticket_status_invalid")));
        }
        TicketCategory wantedCategory = TicketCategory.parse(category);
        if (category != null && !category.isBlank() && wantedCategory == null) {
            throw BusinessException.invalid(List.of(new FieldError("category", "category_invalid")));
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        desk.queue(new QueueFilter(wantedStatus, overdue, wantedCategory,
                assignee == null || assignee.isBlank() ? null : assignee)).forEach(t -> data.add(t.deskJson()));
        return Json.createObjectBuilder().add("data", data).add("has_more", false).add("stats", stats(desk.stats()))
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return thread(desk.thread(id));
    }

    @POST
    @Path("{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, Text text) {
        desk.reply(id, text == null ? null : text.message());
        return Response.status(Response.Status.CREATED).entity(thread(desk.thread(id))).build();
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") String id, Text text) {
        desk.note(id, text == null ? null : text.message());
        return Response.status(Response.Status.CREATED).entity(thread(desk.thread(id))).build();
    }

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject assign(@PathParam("id") String id, Assignment assignment) {
        return desk.assign(id, assignment != null && "me".equals(assignment.assignee())).deskJson();
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject status(@PathParam("id") String id, StatusChange change) {
        return desk.changeStatus(id, change == null ? null : change.status()).deskJson();
    }

    @GET
    @Path("{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachment") String attachment) {
        return SupportResource.download(desk.attachment(id, attachment));
    }

    static JsonObject thread(TicketThread thread) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (MessageView m : thread.messages()) {
            JsonObjectBuilder json = Json.createObjectBuilder(m.json());
            if (m.authorId() != null) {
                json.add("author_id", m.authorId());
            }
            messages.add(json);
        }
        return Json.createObjectBuilder(thread.ticket().deskJson()).add("messages", messages).build();
    }

    static JsonObject stats(DeskStats stats) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("answered", stats.answered())
                .add("overdue", stats.overdue()).add("rated", stats.rated());
        if (stats.averageFirstReplyMinutes() != null) {
            json.add("average_first_reply_minutes", stats.averageFirstReplyMinutes());
        }
        if (stats.averageRating() != null) {
            json.add("average_rating", stats.averageRating());
        }
        return json.build();
    }
}
