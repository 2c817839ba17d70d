package io.okpay.admin.boundary;

import io.okpay.admin.control.Reasons;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.funding.boundary.TopUpDirectory;
import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
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
 * Find anything (every operator role): a person by id, e-mail address or username; a payment by its transaction,
 * transfer, top-up, payout, checkout session or bank reference. A person's page: profile, balances, latest history,
 * sign-ins and open sessions. Ending a person's sessions is SUPPORT's (and ADMIN's), with a reason, audited.
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

    /** One thing the search found: a person ({@code kind} person) or a payment (transaction, top-up, transfer). */
    public record Hit(String kind, String id, String label, String userId, Instant at) implements Serializable {
    }

    /** A person as operators see them. */
    public record Person(UserView user, List<Balance> balances, List<Activity.Item> history,
                         List<AccountSecurity.SignInView> signIns, List<AccountSecurity.SessionView> sessions,
                         List<AuditLog.Entry> auditTrail) {
    }

    public List<Hit> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 254) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        users.findForOperator(q).ifPresent(u -> hits.add(new Hit("person", u.id(), u.displayName() + " <" + u.email() + ">",
                u.id(), null)));
        topUps.byIdOrReference(q).ifPresent(t -> hits.add(new Hit("topup", t.id(), t.status(), t.userId(), null)));
        transfers.byId(q).ifPresent(t -> hits.add(new Hit("transfer", t.id(), t.status(), t.senderId(), null)));
        for (LedgerBooks.FoundTransaction txn : books.byReference(q, 20)) {
            hits.add(new Hit("transaction", txn.id(), txn.code() + (txn.externalRef() == null ? "" : " · " + txn.externalRef()),
                    null, txn.createdAt()));
        }
        auditLog.recordFailure(operator(), "ADMIN_SEARCH", "-", AuditLog.actionDetail(q, "search", "-",
                hits.size() + " found"));
        return hits;
    }

    public Person person(String userId, Locale locale) {
        UserView user = users.findForOperator(userId).filter(u -> u.id().equals(userId))
                .orElseThrow(io.okpay.shared.BusinessException::notFound);
        auditLog.recordFailure(operator(), "ADMIN_PERSON_VIEWED", "-", AuditLog.actionDetail(userId, "view", "-", "-"));
        return new Person(user, wallets.balances(userId), wallets.activity(userId, null, null, null, 20).items(),
                security.recentSignIns(userId, 10, locale), security.activeSessions(userId, null, locale),
                auditTrail(userId));
    }

    /** Ends every session and refresh token of the person; how many sessions were open. */
    @RolesAllowed({"SUPPORT", "ADMIN"})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int endSessions(String userId, String reason) {
        String why = Reasons.require(reason);
        Optional<UserView> user = users.findForOperator(userId).filter(u -> u.id().equals(userId));
        if (user.isEmpty()) {
            throw io.okpay.shared.BusinessException.notFound();
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
