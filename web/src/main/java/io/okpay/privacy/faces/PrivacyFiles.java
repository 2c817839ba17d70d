package io.okpay.privacy.faces;

import io.okpay.privacy.boundary.DataExport;
import io.okpay.privacy.boundary.ExportFiles;
import io.okpay.privacy.boundary.PersonalData;
import io.okpay.privacy.rest.ExportDto;
import io.okpay.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The security page's "Download my data" buttons, for a signed-in person (the constraint in web.xml guards both paths;
 * the API's export needs a token, which pages do not have): the JSON document or the ZIP of CSV files, the same as
 * {@code GET /api/v1/me/export}. Plain GETs that change nothing, so a link is enough.
 */
@WebServlet(urlPatterns = {PrivacyFiles.JSON, PrivacyFiles.ZIP})
public class PrivacyFiles extends HttpServlet {

    static final String JSON = "/privacy/my-data.json";
    static final String ZIP = "/privacy/my-data.zip";

    @EJB
    DataExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PersonalData data = export.of(request.getUserPrincipal().getName(), Messages.supported(request.getLocale()));
        String name = "okpay-my-data-" + data.generatedAt().toString().substring(0, 10);
        byte[] body;
        if (ZIP.equals(request.getServletPath())) {
            body = ExportFiles.zip(data);
            response.setContentType(ExportFiles.ZIP_MEDIA_TYPE);
            name += ".zip";
        } else {
            body = ExportDto.of(data).toJson().getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json; charset=UTF-8");
            name += ".json";
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
