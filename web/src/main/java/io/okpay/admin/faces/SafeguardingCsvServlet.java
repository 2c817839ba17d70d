package io.okpay.admin.faces;

import io.okpay.admin.boundary.Books;
import io.okpay.admin.rest.BooksResource;
import io.okpay.admin.rest.SafeguardingCsv;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The safeguarding report of a day as CSV for the page's download link (the page's session; the API twin is
 * {@code GET /api/v1/admin/safeguarding} with Accept: text/csv). web.xml keeps it to FINANCE and ADMIN; so does
 * {@link Books}.
 */
@WebServlet("/admin/safeguarding-csv")
public class SafeguardingCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Books books;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate day;
        try {
            day = BooksResource.day(request.getParameter("date"));
        } catch (RuntimeException e) {
            response.sendError(400);
            return;
        }
        BooksResource.SafeguardingDto dto = new BooksResource.SafeguardingDto(day.toString(),
                books.safeguarding(day).stream().map(BooksResource::line).toList());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"safeguarding-" + day + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(SafeguardingCsv.of(dto).getBytes(StandardCharsets.UTF_8));
    }
}
