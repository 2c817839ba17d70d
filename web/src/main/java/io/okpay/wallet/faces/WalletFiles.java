package io.okpay.wallet.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Csv;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.ProblemStatuses;
import io.okpay.wallet.boundary.HistoryFilter;
import io.okpay.wallet.boundary.Statement;
import io.okpay.wallet.boundary.WalletCsv;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The CSV downloads of the history and statement pages, for a signed-in person (the /wallet/* constraint in web.xml
 * guards them; the API's CSV needs a token, which pages do not have). Column headers follow the page's language,
 * dates the person's time zone.
 * Plain GETs that change nothing, so a link is enough; a refused range answers 400 with the reason as text.
 */
@WebServlet(urlPatterns = {WalletFiles.HISTORY, WalletFiles.STATEMENT})
public class WalletFiles extends HttpServlet {

    static final String HISTORY = "/wallet/export.csv";
    static final String STATEMENT = "/wallet/statement.csv";

    @EJB
    Wallets wallets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String userId = request.getUserPrincipal().getName();
        Locale locale = Messages.supported(request.getLocale());
        try {
            if (STATEMENT.equals(request.getServletPath())) {
                Statement statement = wallets.statement(userId, request.getParameter("month"), request.getParameter("currency"));
                send(response, WalletCsv.statement(statement, locale),
                        "okpay-statement-" + statement.month() + "-" + statement.currency() + ".csv");
            } else {
                ZoneId zone = wallets.zoneOf(userId);
                HistoryFilter filter = HistoryFilter.forExport(request.getParameter("currency"),
                        request.getParameter("type"), request.getParameter("from"), request.getParameter("to"),
                        request.getParameter("counterparty"), zone);
                send(response, WalletCsv.history(wallets.export(userId, filter), locale, zone), "okpay-transactions-"
                        + request.getParameter("from").trim() + "-to-" + request.getParameter("to").trim() + ".csv");
            }
        } catch (BusinessException e) {
            response.setStatus(ProblemStatuses.of(e.code()));
            response.setContentType("text/plain");
            response.getWriter().write(e.fieldErrors().isEmpty() ? Messages.get(locale, "error." + e.code(), e.args())
                    : e.fieldErrors().stream().map(f -> Messages.get(locale, "error." + f.code(), f.args()))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static void send(HttpServletResponse response, String csv, String fileName) throws IOException {
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        response.setContentType(WalletCsv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
