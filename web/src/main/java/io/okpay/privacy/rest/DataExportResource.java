package io.okpay.privacy.rest;

import io.okpay.privacy.boundary.DataExport;
import io.okpay.privacy.boundary.ExportFiles;
import io.okpay.privacy.boundary.PersonalData;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/**
 * "Download my data" for apps: the caller's own profile, balances, history, sign-ins and remembered devices, as one
 * JSON document or (with
 * {@code ?format=csv}, or {@code Accept: application/zip} or {@code text/csv}) as a ZIP of one CSV file per section.
 */
@Path("me/export")
@RolesAllowed("USER")
public class DataExportResource {

    @EJB
    DataExport export;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFiles.ZIP_MEDIA_TYPE, "text/csv"})
    public Response export(@QueryParam("format") String format, @Context HttpHeaders headers) {
        boolean csv;
        if (format == null || format.isBlank()) {
            // The caller's first choice decides; a wildcard (or no Accept) is JSON.
            csv = headers.getAcceptableMediaTypes().stream().findFirst().map(DataExportResource::asksForFiles).orElse(false);
        } else if ("csv".equalsIgnoreCase(format.trim())) {
            csv = true;
        } else if ("json".equalsIgnoreCase(format.trim())) {
            csv = false;
        } else {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("format", "invalid_value")));
        }
        PersonalData data = export.of(security.getUserPrincipal().getName(), Messages.supported(http.getLocale()));
        String name = "okpay-my-data-" + data.generatedAt().toString().substring(0, 10);
        if (csv) {
            return Response.ok(ExportFiles.zip(data), ExportFiles.ZIP_MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"").header("Cache-Control", "no-store").build();
        }
        return Response.ok(ExportDto.of(data).toJson(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").header("Cache-Control", "no-store").build();
    }

    private static boolean asksForFiles(MediaType type) {
        return !type.isWildcardType() && !type.isWildcardSubtype()
                && (type.isCompatible(MediaType.valueOf("text/csv")) || type.isCompatible(MediaType.valueOf(ExportFiles.ZIP_MEDIA_TYPE)));
    }
}
