package io.okpay.admin.faces;

import io.okpay.funding.boundary.Vouchers;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A voucher batch as CSV for the vouchers page's download link (the page's session; the API twin is
 * {@code GET /api/v1/admin/vouchers/{batch}/export}). web.xml keeps it to FINANCE; so does {@link Vouchers}.
 */
@WebServlet("/admin/vouchers-csv")
public class VoucherCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Vouchers vouchers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String batch = request.getParameter("batch");
        String csv;
        try {
            csv = vouchers.export(batch == null ? "" : batch);
        } catch (BusinessException e) {
            response.sendError(404);
            return;
        }
        response.setContentType(io.okpay.shared.Csv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + batch.replaceAll("[^A-Za-z0-9_]", "") + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
    }
}
