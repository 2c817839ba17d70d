package io.okpay.admin.rest;

import io.okpay.admin.boundary.Books;
import io.okpay.ledger.boundary.ReconciliationReport;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The books (FINANCE, ADMIN): trial balance and house accounts with the last reconciliation runs, a run now; the
 * safeguarding report of a day (JSON or CSV) and FINANCE's daily figure.
 */
@Stateless
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"FINANCE", "ADMIN"})
public class BooksResource {

    @EJB
    Books books;

    public record TrialLineDto(String purpose, String type, long accounts, String debits, String credits) {
    }

    public record CurrencyDto(String currency, String debits, String credits, boolean balanced, List<TrialLineDto> lines) {
    }

    public record HouseAccountDto(long id, String purpose, String currency, long cached, long computed, boolean agrees) {
    }

    public record RunDto(String at, String by, String result) {
    }

    public record ReportDto(boolean consistent, String checked_at, long accounts, long entries, List<String> problems) {

        static ReportDto of(ReconciliationReport r) {
            return new ReportDto(r.consistent(), r.checkedAt().toString(), r.accounts(), r.entries(), r.problems());
        }
    }

    public record ReconciliationDto(boolean balanced, List<CurrencyDto> trial_balance, List<HouseAccountDto> house_accounts,
                                    ReportDto last_run, List<RunDto> runs) {
    }

    public record Reason(String reason) {
    }

    public record FigureRequest(String date, String amount, String currency, String reason) {
    }

    public record SafeguardingLineDto(String currency, String owed, String held, String difference, String entered_by) {
    }

    public record SafeguardingDto(String date, List<SafeguardingLineDto> currencies) {
    }

    @GET
    @Path("reconciliation")
    public ReconciliationDto reconciliation() {
        Books.Overview o = books.overview();
        return new ReconciliationDto(o.balanced(),
                o.trialBalance().stream().map(c -> new CurrencyDto(c.currency(), c.debits().toDecimal(),
                        c.credits().toDecimal(), c.balanced(), c.lines().stream().map(l -> new TrialLineDto(
                        l.purpose().name(), l.type().name(), l.accounts(), Long.toString(l.debits()),
                        Long.toString(l.credits()))).toList())).toList(),
                o.houseAccounts().stream().map(h -> new HouseAccountDto(h.id(), h.purpose().name(), h.currency(),
                        h.cached(), h.computed(), h.agrees())).toList(),
                o.lastRun().map(ReportDto::of).orElse(null),
                o.lastRuns().stream().map(e -> new RunDto(e.createdAt().toString(), e.actor(), e.detail())).toList());
    }

    @POST
    @Path("reconciliation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportDto runNow(Reason reason) {
        return ReportDto.of(books.reconcile(reason == null ? null : reason.reason()));
    }

    @GET
    @Path("safeguarding")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response safeguarding(@QueryParam("date") String date, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        LocalDate day = day(date);
        SafeguardingDto dto = new SafeguardingDto(day.toString(), books.safeguarding(day).stream().map(BooksResource::line).toList());
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> "csv".equals(m.getSubtype()));
        if (!csv) {
            return Response.ok(dto, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(SafeguardingCsv.of(dto), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"safeguarding-" + day + ".csv\"").build();
    }

    @POST
    @Path("safeguarding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("FINANCE")
    public SafeguardingLineDto enter(FigureRequest request) {
        FigureRequest body = request == null ? new FigureRequest(null, null, null, null) : request;
        LocalDate day;
        try {
            day = body.date() == null ? null : LocalDate.parse(body.date());
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("date", "safeguarding_date_invalid")));
        }
        return line(books.enterFigure(day, body.amount(), body.currency(), body.reason()));
    }

    public static SafeguardingLineDto line(Books.SafeguardingLine l) {
        return new SafeguardingLineDto(l.currency(), l.owed().toDecimal(), l.held() == null ? null : l.held().toDecimal(),
                l.difference() == null ? null : l.difference().toDecimal(), l.enteredBy());
    }

    public static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessException("date_invalid");
        }
    }
}
