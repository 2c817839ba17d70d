package io.okpay.admin.boundary;

import io.okpay.admin.control.Reasons;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.funding.boundary.TopUpDirectory;
import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.kyc.boundary.VerificationView;
import io.okpay.kyc.boundary.Verifications;
import io.okpay.risk.boundary.Limits;
import io.okpay.risk.boundary.LimitsView;
import io.okpay.risk.boundary.RecordedDecision;
import io.okpay.risk.boundary.RiskRules;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.boundary.TicketCategory;
import io.okpay.support.boundary.TicketView;
import io.okpay.ledger.boundary.LedgerBooks;
import io.okpay.shared.Balance;
import io.okpay.transfer.boundary.TransferDirectory;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.Wallets;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Find anything (every operator role): a person by id, e-mail address, username or phone number; a payment by its
 * transaction, transfer, top-up, payout, checkout session or bank reference. A person's page: profile, tier and limits
 * used, balances, latest history, sign-ins and devices, open sessions, identity reviews, tickets, risk decisions and
 * the audit trail, each read through its feature's boundary. Ending a person's sessions and resetting their second
 * factors (after a recorded identity check) are SUPPORT's (and ADMIN's), with a reason, audited.
 */
@Stateless
@RolesAllowed({"SUPPORT", "COMPLIANCE", "FINANCE", "ADMIN"})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BackOffice {

    @Resource
    SessionContext context;

    @EJB
    Users users;

    @EJB
    AccountSecurity security;

    @EJB
    Wallets wallets;

    @EJB
    LedgerBooks books;

    @EJB
    TopUpDirectory topUps;

    @EJB
    TransferDirectory transfers;

    @EJB
    AuditLog auditLog;

    @EJB
    Limits limits;

    @EJB
    RiskRules riskRules;

    @EJB
    Verifications verifications;

    @EJB
    SupportTickets tickets;

    /**
     * How an operator made sure who is asking before resetting their second factors: an identity document matched
     * against the verified identity, a video call, both, in person at an office, or something else (described).
     */
    public static final List<String> IDENTITY_CHECKS = List.of("id_document", "video_call", "id_document_and_video_call",
            "in_person", "other");

    /** One thing the search found: a person ({@code kind} person) or a payment (transaction, top-up, transfer). */
    public record Hit(String kind, String id, String label, String userId, Instant at) implements Serializable {
    }

    /**
     * A person as operators see them. {@code tickets} are the support requests the caller may read (COMPLIANCE alone:
     * the security reports, as on the desk); {@code verifications} hold no personal details or files (those are on
     * compliance's review page).
     */
    public record Person(UserView user, LimitsView limits, List<Balance> balances, List<Activity.Item> history,
                         List<AccountSecurity.SignInView> signIns, List<Device> devices,
                         List<AccountSecurity.SessionView> sessions, List<VerificationView> verifications,
                         List<TicketView> tickets, List<RecordedDecision> riskDecisions, List<AuditLog.Entry> auditTrail) {
    }

    /** A device the person signed in from (in words), when last and how many of the recent sign-ins. */
    public record Device(String device, Instant lastSeen, int signIns) implements Serializable {
    }

    /** What a second-factor reset did: the factors before and after, in words. */
    public record Reset(String userId, String before, String after) implements Serializable {
    }

    public List<Hit> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 254) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        users.findForOperator(q).ifPresent(u -> hits.add(new Hit("person", u.id(), u.displayName() + " <" + u.email() + ">",
                u.id(), null)));
        for (UserView u : users.findByPhoneForOperator(q)) {
            if (hits.stream().noneMatch(h -> h.id().equals(u.id()))) {
                hits.add(new Hit("person", u.id(), u.displayName() + " <" + u.email() + ">", u.id(), null));
            }
        }
        topUps.byIdOrReference(q).ifPresent(t -> hits.add(new Hit("topup", t.id(), t.status(), t.userId(), null)));
        transfers.byId(q).ifPresent(t -> hits.add(new Hit("transfer", t.id(), t.status(), t.senderId(), null)));
        for (LedgerBooks.FoundTransaction txn : books.byReference(q, 20)) {
            hits.add(new Hit("transaction", txn.id(), txn.code() + (txn.externalRef() == null ? "" : " · " + txn.externalRef()),
                    null, txn.createdAt()));
        }
        auditLog.recordFailure(operator(), "ADMIN_SEARCH", "-", AuditLog.actionDetail(searched(q), "search", "-",
                hits.size() + " found"));
        return hits;
    }

    public Person person(String userId, Locale locale) {
        UserView user = users.findForOperator(userId).filter(u -> u.id().equals(userId))
                .orElseThrow(BusinessException::notFound);
        auditLog.recordFailure(operator(), "ADMIN_PERSON_VIEWED", "-", AuditLog.actionDetail(userId, "view", "-", "-"));
        List<AccountSecurity.SignInView> signIns = security.recentSignIns(userId, 50, locale);
        return new Person(user, limits.of(userId), wallets.balances(userId),
                wallets.activity(userId, null, null, null, 20).items(), signIns.stream().limit(10).toList(),
                devices(signIns), security.activeSessions(userId, null, locale), verifications.of(userId),
                visibleTickets(userId), riskRules.recent(userId, 20), auditTrail(userId));
    }

    /**
     * Resets the person's second factors (authenticator app and SMS off, recovery codes gone, codes by e-mail) once
     * the operator checked who is asking: how ({@link #IDENTITY_CHECKS}) and what exactly (free text) go to the audit
     * record with the reason; the person is told by e-mail in their language.
     */
    @RolesAllowed({"SUPPORT", "ADMIN"})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Reset resetSecondFactors(String userId, String checkType, String checkDetail, String reason) {
        List<FieldError> errors = new ArrayList<>();
        String type = checkType == null ? "" : checkType.strip().toLowerCase(Locale.ROOT);
        if (!IDENTITY_CHECKS.contains(type)) {
            errors.add(new FieldError("check_type", "identity_check_type_invalid"));
        }
        String detail = checkDetail == null ? "" : checkDetail.strip();
        if (detail.length() < Reasons.MIN || detail.length() > Reasons.MAX) {
            errors.add(new FieldError("check_detail", "identity_check_required", Reasons.MIN, Reasons.MAX));
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
        if (users.findForOperator(userId).filter(u -> u.id().equals(userId)).isEmpty()) {
            throw BusinessException.notFound();
        }
        String[] change = security.resetSecondFactors(userId);
        auditLog.recordAction(operator(), "ADMIN_SECOND_FACTORS_RESET", userId + " after identity check " + type + ": "
                + detail, why, change[0], change[1]);
        return new Reset(userId, change[0], change[1]);
    }

    /** Devices of the recent sign-ins, the latest first. */
    static List<Device> devices(List<AccountSecurity.SignInView> signIns) {
        java.util.Map<String, Device> seen = new java.util.LinkedHashMap<>();
        for (AccountSecurity.SignInView s : signIns) {
            seen.merge(s.device(), new Device(s.device(), s.at(), 1), (a, b) -> new Device(a.device(),
                    a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.signIns() + 1));
        }
        return seen.values().stream().sorted(java.util.Comparator.comparing(Device::lastSeen).reversed()).toList();
    }

    /** The person's tickets the caller may read: COMPLIANCE alone sees the security reports only, as on the desk. */
    private List<TicketView> visibleTickets(String userId) {
        boolean securityOnly = context.isCallerInRole("COMPLIANCE") && !context.isCallerInRole("SUPPORT")
                && !context.isCallerInRole("ADMIN") && !context.isCallerInRole("FINANCE");
        return tickets.list(userId).stream().filter(t -> !securityOnly || t.category() == TicketCategory.SECURITY)
                .limit(20).toList();
    }

    /** What the audit log keeps of a search: the query, but of a phone number (sealed personal data) its last digits. */
    static String searched(String q) {
        if (q.matches("[+0-9][0-9 ()\\-.]{6,}")) {
            String digits = q.replaceAll("[^0-9]", "");
            return "phone number ending " + digits.substring(Math.max(0, digits.length() - 3));
        }
        return q;
    }

    /** Ends every session and refresh token of the person; how many sessions were open. */
    @RolesAllowed({"SUPPORT", "ADMIN"})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int endSessions(String userId, String reason) {
        String why = Reasons.require(reason);
        Optional<UserView> user = users.findForOperator(userId).filter(u -> u.id().equals(userId));
        if (user.isEmpty()) {
            throw BusinessException.notFound();
        }
        int ended = security.endAllSessions(userId);
        auditLog.recordAction(operator(), "ADMIN_SESSIONS_ENDED", userId, why, ended + " open session(s)",
                "0 open sessions, refresh tokens revoked");
        return ended;
    }

    /** What the person did and what operators did about them, newest first (20 of each at most). */
    private List<AuditLog.Entry> auditTrail(String userId) {
        List<AuditLog.Entry> trail = new ArrayList<>(auditLog.search(new AuditLog.Filter(userId, null, null, null, null, null), 20));
        auditLog.search(new AuditLog.Filter(null, null, userId, null, null, null), 20).stream()
                .filter(e -> !userId.equals(e.actor())).forEach(trail::add);
        trail.sort(java.util.Comparator.comparingLong(AuditLog.Entry::id).reversed());
        return trail;
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }
}
