package io.okpay.kyc.rest;

import io.okpay.kyc.boundary.Upload;
import io.okpay.kyc.boundary.VerificationView;
import io.okpay.kyc.boundary.Verifications;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's identity verifications (their bearer token): submit one as multipart/form-data, list and read their own.
 * Files come back only as thumbnails of the images; anyone else's verification is 404.
 */
@Path("verifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class VerificationResource {

    @EJB
    Verifications verifications;

    @Context
    SecurityContext security;

    public record VerificationList(List<VerificationDto> data, boolean has_more) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(List<EntityPart> parts) {
        Map<String, String> fields = new HashMap<>();
        List<Upload> uploads = new ArrayList<>();
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            if (Verifications.FILE_FIELDS.contains(part.getName())) {
                uploads.add(new Upload(part.getName(), bytes(part)));
            } else {
                fields.put(part.getName(), new String(bytes(part), StandardCharsets.UTF_8));
            }
        }
        VerificationView submitted = verifications.submit(userId(), new Verifications.Submission(fields.get("legal_name"),
                fields.get("date_of_birth"), fields.get("nationality"), fields.get("address"), fields.get("document_type"),
                fields.get("document_number")), uploads);
        return Response.created(URI.create("/api/v1/verifications/" + submitted.id()))
                .entity(VerificationDto.of(submitted)).build();
    }

    @GET
    public VerificationList list() {
        return new VerificationList(verifications.of(userId()).stream().map(VerificationDto::of).toList(), false);
    }

    @GET
    @Path("{id}")
    public VerificationDto one(@PathParam("id") String id) {
        return VerificationDto.of(verifications.require(userId(), id));
    }

    @GET
    @Path("{id}/documents/{doc}/thumbnail")
    @Produces("image/jpeg")
    public Response thumbnail(@PathParam("id") String id, @PathParam("doc") String documentId) {
        return Response.ok(verifications.thumbnail(userId(), id, documentId), "image/jpeg")
                .header("Cache-Control", "private, no-store").build();
    }

    private static byte[] bytes(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getCause() instanceof io.okpay.shared.web.BodyLimits.TooLarge || e instanceof io.okpay.shared.web.BodyLimits.TooLarge) {
                throw new BusinessException("request_too_large");
            }
            throw new UncheckedIOException(e);
        }
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
