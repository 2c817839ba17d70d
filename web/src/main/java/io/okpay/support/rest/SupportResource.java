package io.okpay.support.rest;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.support.boundary.AttachmentFile;
import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.NewTicket;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.boundary.TicketView;
import io.okpay.support.boundary.Upload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's support requests (USER token): open one (JSON, or multipart/form-data with files under
 * {@code attachments}), list them, read one with its thread, answer, rate a resolved one, download a file of it.
 * Someone else's ticket, message or file is 404.
 */
@Path("support/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class SupportResource {

    @EJB
    SupportTickets tickets;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record OpenTicket(String category, String subject, String message, String transaction_id) {
    }

    public record Reply(String message) {
    }

    public record Rating(Integer rating, String comment) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(OpenTicket request) {
        OpenTicket body = request == null ? new OpenTicket(null, null, null, null) : request;
        return created(tickets.open(me(), new NewTicket(body.category(), body.subject(), body.message(),
                body.transaction_id(), List.of()), Channel.API));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response openWithFiles(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Form form = Form.read(contentType, body);
        return created(tickets.open(me(), new NewTicket(form.field("category"), form.field("subject"),
                form.field("message"), form.field("transaction_id"), form.files()), Channel.API));
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        tickets.list(me()).forEach(t -> data.add(t.json()));
        return Json.createObjectBuilder().add("data", data).add("has_more", false).build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return tickets.thread(me(), id).json();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, Reply reply) {
        var added = tickets.reply(me(), id, reply == null ? null : reply.message(), List.of(), Channel.API);
        return Response.status(Response.Status.CREATED).entity(added.json()).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response replyWithFiles(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   InputStream body) {
        Form form = Form.read(contentType, body);
        var added = tickets.reply(me(), id, form.field("message"), form.files(), Channel.API);
        return Response.status(Response.Status.CREATED).entity(added.json()).build();
    }

    @POST
    @Path("{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject rate(@PathParam("id") String id, Rating rating) {
        return tickets.rate(me(), id, rating == null ? null : rating.rating(), rating == null ? null : rating.comment())
                .json();
    }

    @GET
    @Path("{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachment") String attachment) {
        return download(tickets.attachment(me(), id, attachment));
    }

    /** The file as a download, never shown inline, with the type its content showed. */
    static Response download(AttachmentFile file) {
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", ContentDispositions.attachment(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private Response created(TicketView ticket) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(ticket.id()).build())
                .entity(tickets.thread(me(), ticket.id()).json()).build();
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }

    /** A multipart/form-data body read with Jakarta Mail's MIME parser: text fields and the 'attachments' files. */
    record Form(Map<String, String> fields, List<Upload> files) {

        static Form read(String contentType, InputStream body) {
            Map<String, String> fields = new HashMap<>();
            List<Upload> files = new ArrayList<>();
            try {
                MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    String[] disposition = part.getHeader("Content-Disposition");
                    if (disposition == null || disposition.length == 0) {
                        continue;
                    }
                    ContentDisposition parsed = new ContentDisposition(disposition[0]);
                    String name = parsed.getParameter("name");
                    byte[] bytes;
                    try (InputStream in = part.getInputStream()) {
                        bytes = in.readAllBytes();
                    }
                    if ("attachments".equals(name) || parsed.getParameter("filename") != null) {
                        files.add(new Upload(parsed.getParameter("filename"), bytes));
                    } else if (name != null) {
                        fields.put(name, new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            } catch (MessagingException | IOException e) {
                throw BusinessException.invalid(List.of(new FieldError("body", "multipart_invalid")));
            }
            return new Form(fields, files);
        }

        String field(String name) {
            return fields.get(name);
        }
    }
}
