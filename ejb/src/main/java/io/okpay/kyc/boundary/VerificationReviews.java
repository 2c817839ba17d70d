package io.okpay.kyc.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.kyc.control.ScreeningCsv;
import io.okpay.kyc.control.Screening;
import io.okpay.kyc.control.VerificationRecords;
import io.okpay.kyc.entity.ScreeningEntry;
import io.okpay.kyc.entity.ScreeningHit;
import io.okpay.kyc.entity.ScreeningList;
import io.okpay.kyc.entity.Verification;
import io.okpay.kyc.entity.VerificationDocument;
import io.okpay.notification.boundary.Mail;
import io.okpay.notification.boundary.Outbox;
import io.okpay.notification.boundary.OutboxPriority;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Messages;
import io.okpay.shared.PublicIds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compliance's review of identity verifications: the queue by status, one verification with the person's details and
 * screening hits, the documents (every view audited), decisions (approve, reject with a reason the person reads, ask
 * for more: which document and why; the person is e-mailed in their language), screening lists and clearing hits. No
 * verification with an open hit is approved. The container checks the COMPLIANCE role here, for the API and the pages.
 */
@Stateless
@RolesAllowed("COMPLIANCE")
public class VerificationReviews {

    static final int REASON_MAX = 1000;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    VerificationRecords records;

    @EJB
    Screening screening;

    @EJB
    IdentityApprovals approvals;

    @EJB
    Users users;

    @EJB
    Outbox outbox;

    @EJB
    AuditLog auditLog;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    /** Verifications in a status, oldest first; {@code after} is the last id of the previous page (null for the first). */
    public List<ReviewView> inStatus(VerificationStatus status, String after, int limit) {
        long afterId = after == null || after.isBlank() ? 0 : records.find(after).map(Verification::id)
                .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
        List<Verification> found = em.createNamedQuery(Verification.BY_STATUS, Verification.class)
                .setParameter("status", status).setParameter("after", afterId)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return reviews(found);
    }

    public ReviewView require(String verificationId) {
        return reviews(List.of(find(verificationId))).get(0);
    }

    /** A document's content, opened; the view is written to the audit log (who, which verification and document). */
    public DocumentContent document(String verificationId, String documentId, String ip) {
        Verification verification = find(verificationId);
        VerificationDocument document = em.createNamedQuery(VerificationDocument.BY_PUBLIC_ID, VerificationDocument.class)
                .setParameter("id", documentId == null ? "" : documentId).setParameter("verification", verification.id())
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        auditLog.record(operator(), "KYC_DOCUMENT_VIEWED", ip, verification.publicId() + " " + document.publicId()
                + " " + document.kind() + " of " + verification.userId());
        return new DocumentContent(document.publicId(), document.kind(), document.contentType(),
                records.openDocument(document.publicId(), document.content()));
    }

    /** Approves a pending verification: refused (422 screening_hit_open) while a screening hit is open. */
    public ReviewView approve(String verificationId) {
        Verification verification = pending(verificationId);
        long open = em.createNamedQuery(ScreeningHit.OPEN_COUNT, Long.class)
                .setParameter("verification", verification.id()).getSingleResult();
        if (open > 0) {
            throw new BusinessException("screening_hit_open", open);
        }
        Instant now = Instant.now();
        verification.decide(VerificationStatus.APPROVED, operator(), now, null, null);
        approvals.approve(verification.userId(), verification.publicId(), now);
        return decided(verification, "APPROVED", null, null, "kyc-approved");
    }

    /** Rejects a pending verification with a reason the person reads; they may submit again. */
    public ReviewView reject(String verificationId, String reason) {
        String why = reason(reason);
        Verification verification = pending(verificationId);
        verification.decide(VerificationStatus.REJECTED, operator(), Instant.now(), why, null);
        return decided(verification, "REJECTED", why, null, "kyc-rejected");
    }

    /** Asks for more: which document (front, back, selfie) and why; the person answers with a new submission. */
    public ReviewView requestMore(String verificationId, String document, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (document == null || !Verifications.FILE_FIELDS.contains(document)) {
            errors.add(new FieldError("document", "requested_document_invalid"));
        }
        String why = null;
        try {
            why = reason(reason);
        } catch (BusinessException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        Verification verification = pending(verificationId);
        verification.decide(VerificationStatus.MORE_REQUESTED, operator(), Instant.now(), why, document);
        return decided(verification, "MORE_REQUESTED", why, document, "kyc-more");
    }

    /** Clears an open screening hit with a reason (a false positive); audited and kept in the history. */
    public ReviewView clearHit(String verificationId, String hitId, String reason) {
        String why = reason(reason);
        Verification verification = find(verificationId);
        ScreeningHit hit = em.createNamedQuery(ScreeningHit.BY_PUBLIC_ID, ScreeningHit.class)
                .setParameter("id", hitId == null ? "" : hitId).setParameter("verification", verification.id())
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        em.lock(hit, LockModeType.PESSIMISTIC_WRITE);
        if (!hit.open()) {
            throw new BusinessException("screening_hit_cleared");
        }
        hit.clear(operator(), Instant.now(), why);
        records.event(verification, "HIT_CLEARED", operator(), why, null);
        auditLog.record(operator(), "KYC_HIT_CLEARED", "-", verification.publicId() + " " + hit.publicId());
        return require(verificationId);
    }

    /** Adds a screening list (CSV: name, date of birth, country, source) and screens every pending or approved person. */
    public ScreeningListView uploadList(String name, String csv) {
        List<ScreeningCsv.Line> lines = ScreeningCsv.read(csv);
        String title = name == null || name.isBlank() ? "screening list" : name.strip();
        if (title.length() > 200) {
            throw BusinessException.invalid(List.of(new FieldError("name", "screening_list_name_invalid")));
        }
        Instant now = Instant.now();
        ScreeningList list = new ScreeningList(PublicIds.newId("scl"), title, lines.size(), operator(), now);
        em.persist(list);
        List<ScreeningEntry> entries = new ArrayList<>();
        for (ScreeningCsv.Line line : lines) {
            ScreeningEntry entry = new ScreeningEntry(list.id(), line.name(), line.dateOfBirth(), line.country(), line.source());
            em.persist(entry);
            entries.add(entry);
        }
        em.flush();
        int hits = screening.screen(entries);
        auditLog.record(operator(), "KYC_SCREENING_LIST_UPLOADED", "-", list.publicId() + " entries=" + lines.size()
                + " hits=" + hits);
        return new ScreeningListView(list.publicId(), title, lines.size(), hits, now);
    }

    private ReviewView decided(Verification verification, String action, String reason, String document, String template) {
        String operator = operator();
        records.event(verification, action, operator, reason, document);
        auditLog.record(operator, "KYC_" + action, "-", verification.publicId() + " of " + verification.userId());
        UserView person = users.require(verification.userId());
        String documentName = document == null ? "" : Messages.get(person.locale(), "kyc.document." + document);
        outbox.enqueue(Mail.EVENT_TYPE, Mail.payload(person.email(), person.locale(), template, person.displayName(),
                reason == null ? "" : reason, documentName, page()), OutboxPriority.NORMAL);
        return require(verification.publicId());
    }

    private List<ReviewView> reviews(List<Verification> verifications) {
        List<VerificationView> views = records.views(verifications);
        Map<Long, List<HitView>> hits = records.hits(verifications.stream().map(Verification::id).toList());
        List<ReviewView> reviews = new ArrayList<>();
        for (int i = 0; i < verifications.size(); i++) {
            Verification v = verifications.get(i);
            UserView person = users.require(v.userId());
            reviews.add(new ReviewView(views.get(i), records.details(v), person.email(), person.displayName(),
                    hits.getOrDefault(v.id(), List.of())));
        }
        return reviews;
    }

    /** A pending verification, locked for the decision; 409 when it is decided already, 403 for one's own. */
    private Verification pending(String verificationId) {
        Verification verification = find(verificationId);
        em.lock(verification, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(verification);
        if (verification.userId().equals(operator())) {
            throw new BusinessException("own_verification");
        }
        if (verification.status() != VerificationStatus.PENDING) {
            throw new BusinessException("verification_decided");
        }
        return verification;
    }

    private Verification find(String verificationId) {
        return records.find(verificationId).orElseThrow(BusinessException::notFound);
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw BusinessException.invalid(List.of(new FieldError("reason", "reason_invalid", REASON_MAX)));
        }
        return why;
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }

    private String page() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/kyc/verify.xhtml";
    }
}
