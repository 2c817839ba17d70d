package io.okpay.admin.boundary;

import io.okpay.admin.control.Reasons;
import io.okpay.admin.entity.SafeguardingFigure;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.ledger.boundary.LedgerBooks;
import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.ledger.boundary.ReconciliationReport;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The books (FINANCE, ADMIN): the trial balance per currency, the house accounts cached against computed, the last
 * reconciliation and a run now; the safeguarding report per currency and day (customer money held against the
 * safeguarding account's figure that FINANCE enters from the bank; days are UTC).
 */
@Stateless
@RolesAllowed({"FINANCE", "ADMIN"})
public class Books {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    LedgerBooks ledgerBooks;

    @EJB
    Reconciliation reconciliation;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    AuditLog auditLog;

    /** Debits against credits of one currency: balanced when equal. */
    public record CurrencyTotals(String currency, Money debits, Money credits, List<LedgerBooks.TrialBalanceLine> lines) {

        public boolean balanced() {
            return debits.minor() == credits.minor();
        }
    }

    /** The whole picture: balanced when every currency is and every house account agrees. */
    public record Overview(List<CurrencyTotals> trialBalance, List<LedgerBooks.HouseAccount> houseAccounts,
                           Optional<ReconciliationReport> lastRun, List<AuditLog.Entry> lastRuns) {

        public boolean balanced() {
            return trialBalance.stream().allMatch(CurrencyTotals::balanced)
                    && houseAccounts.stream().allMatch(LedgerBooks.HouseAccount::agrees)
                    && lastRun.map(ReconciliationReport::consistent).orElse(true);
        }
    }

    /** One currency of the safeguarding report; {@code held} null when FINANCE has not entered the day's figure. */
    public record SafeguardingLine(String currency, Money owed, Money held, Money difference, String enteredBy) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Overview overview() {
        Map<String, List<LedgerBooks.TrialBalanceLine>> byCurrency = new TreeMap<>();
        for (LedgerBooks.TrialBalanceLine line : ledgerBooks.trialBalance()) {
            byCurrency.computeIfAbsent(line.currency(), c -> new ArrayList<>()).add(line);
        }
        List<CurrencyTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, lines) -> totals.add(new CurrencyTotals(currency,
                currencies.money(lines.stream().mapToLong(LedgerBooks.TrialBalanceLine::debits).sum(), currency),
                currencies.money(lines.stream().mapToLong(LedgerBooks.TrialBalanceLine::credits).sum(), currency),
                List.copyOf(lines))));
        return new Overview(totals, ledgerBooks.houseAccounts(), reconciliation.last(), auditLog.search(
                new AuditLog.Filter(null, "RECONCILIATION_RUN", null, null, null, null), 5));
    }

    /** Reconciles the ledger now, as this operator, with a reason. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReconciliationReport reconcile(String reason) {
        String why = Reasons.require(reason);
        ReconciliationReport report = reconciliation.run(operator());
        auditLog.recordFailure(operator(), "ADMIN_RECONCILIATION_RUN", "-", AuditLog.actionDetail("ledger", why, "-",
                report.consistent() ? "consistent" : report.problems().size() + " problem(s)"));
        return report;
    }

    /** Customer money owed at the end of the day against the safeguarding figures entered for it, per currency. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<SafeguardingLine> safeguarding(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Long> owed = ledgerBooks.customerMoney(end);
        Map<String, SafeguardingFigure> figures = new TreeMap<>();
        em.createQuery("SELECT f FROM SafeguardingFigure f WHERE f.key.day = :day", SafeguardingFigure.class)
                .setParameter("day", day).getResultStream().forEach(f -> figures.put(f.currency(), f));
        TreeSet<String> codes = new TreeSet<>(owed.keySet());
        codes.addAll(figures.keySet());
        List<SafeguardingLine> lines = new ArrayList<>();
        for (String code : codes) {
            Money due = currencies.money(owed.getOrDefault(code, 0L), code);
            SafeguardingFigure figure = figures.get(code);
            Money held = figure == null ? null : currencies.money(figure.amount(), code);
            lines.add(new SafeguardingLine(code, due, held, held == null ? null : held.minus(due),
                    figure == null ? null : figure.enteredBy()));
        }
        return lines;
    }

    /** FINANCE enters (or corrects) the safeguarding account's balance of a day in a currency, with a reason. */
    @RolesAllowed("FINANCE")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public SafeguardingLine enterFigure(LocalDate day, String amount, String currency, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (day == null || day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(new FieldError("date", "safeguarding_date_invalid"));
        }
        Money figure = null;
        try {
            figure = amounts.parse(amount, currency, Money.Sign.NOT_NEGATIVE, "amount", "currency");
        } catch (BusinessException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            errors.addAll(e.fieldErrors());
        }
        String why = null;
        try {
            why = Reasons.require(reason);
        } catch (BusinessException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        Instant now = Instant.now();
        SafeguardingFigure existing = em.find(SafeguardingFigure.class, new SafeguardingFigure.Key(day, figure.currency()),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String before = existing == null ? "-" : currencies.money(existing.amount(), figure.currency()).toDecimal();
        if (existing == null) {
            em.persist(new SafeguardingFigure(day, figure.currency(), figure.minor(), operator(), now));
        } else {
            existing.change(figure.minor(), operator(), now);
        }
        auditLog.recordAction(operator(), "SAFEGUARDING_FIGURE_ENTERED", day + " " + figure.currency(), why, before,
                figure.toDecimal());
        em.flush();
        String code = figure.currency();
        return safeguarding(day).stream().filter(l -> l.currency().equals(code)).findFirst().orElseThrow();
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }
}
