package io.okpay.support.faces;

import io.okpay.shared.BusinessException;
import io.okpay.support.boundary.AttachmentFile;
import io.okpay.support.boundary.SupportDesk;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.rest.ContentDispositions;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * /support/attachment?ticket=tkt_...&amp;id=att_...: a file of a thread for the pages (signed in, web.xml): the
 * person's own ticket, or with {@code desk=1} any ticket the operator's desk may see. Anything else is 404.
 */
@WebServlet("/support/attachment")
public class AttachmentDownload extends HttpServlet {

    @EJB
    transient SupportTickets tickets;

    @EJB
    transient SupportDesk desk;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ticket = request.getParameter("ticket");
        String id = request.getParameter("id");
        AttachmentFile file;
        try {
            boolean operator = request.isUserInRole("SUPPORT") || request.isUserInRole("COMPLIANCE");
            file = operator && "1".equals(request.getParameter("desk")) ? desk.attachment(ticket, id)
                    : tickets.attachment(request.getUserPrincipal().getName(), ticket, id);
        } catch (BusinessException e) {
            response.sendError(404);
            return;
        }
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", ContentDispositions.attachment(file.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }
}
