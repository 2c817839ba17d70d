package io.okpay.kyc.faces;

import io.okpay.kyc.boundary.DocumentContent;
import io.okpay.kyc.boundary.VerificationReviews;
import io.okpay.shared.BusinessException;
import io.okpay.shared.web.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /admin/verification-document?v=kyc_…&d=doc_…}: a verification's document for compliance in the browser
 * (the queue page links it). web.xml admits COMPLIANCE only and {@link VerificationReviews} checks the role again and
 * writes the view to the audit log. Unknown ids are 404.
 */
@WebServlet("/admin/verification-document")
public class DocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient VerificationReviews reviews;

    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DocumentContent document;
        try {
            document = reviews.document(request.getParameter("v"), request.getParameter("d"), clientAddress.of(request));
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(document.contentType());
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "inline; filename=\"" + document.id() + "."
                + document.contentType().substring(document.contentType().indexOf('/') + 1) + "\"");
        response.setContentLength(document.content().length);
        response.getOutputStream().write(document.content());
    }
}
