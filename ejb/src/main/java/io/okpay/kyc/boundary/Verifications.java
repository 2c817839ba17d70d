package io.okpay.kyc.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.kyc.control.DocumentFiles;
import io.okpay.kyc.control.Screening;
import io.okpay.kyc.control.VerificationRecords;
import io.okpay.kyc.entity.Verification;
import io.okpay.kyc.entity.VerificationDocument;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import io.okpay.shared.persistence.DatabaseFailures;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's identity verifications: they submit one (details and files), read their own with status and history, and
 * see thumbnails of the images they sent, never the files themselves. One submission waits for compliance at a time;
 * after a rejection or a request for more the person submits again; an approved person has nothing left to submit.
 * Someone else's verification answers 404.
 */
@Stateless
public class Verifications {

    public static final String MAX_DOCUMENT_BYTES_KEY = "okpay.kyc.max-document-bytes";
    public static final Set<String> DOCUMENT_TYPES = Set.of("passport", "national_id", "driving_licence", "residence_permit");
    /** The files of a submission, in the order they are shown. */
    public static final List<String> FILE_FIELDS = List.of("front", "back", "selfie");

    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int MIN_AGE = 18;
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,49}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r]]|[\\p{Cf}\\p{Co}]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Users users;

    @EJB
    VerificationRecords records;

    @EJB
    Screening screening;

    @EJB
    AuditLog auditLog;

    @EJB
    IdentityApprovals approvals;

    @Inject
    @ConfigProperty(name = MAX_DOCUMENT_BYTES_KEY, defaultValue = "10485760")
    long maxDocumentBytes;

    /** The fields as typed (API form fields or the page's inputs), checked here. */
    public record Submission(String legalName, String dateOfBirth, String nationality, String address,
                             String documentType, String documentNumber) {
    }

    /**
     * Submits a verification: every field and file checked (field errors name the API's fields), images re-encoded,
     * everything sealed, then screened against the lists. Audited.
     */
    public VerificationView submit(String userId, Submission submission, List<Upload> uploads) {
        UserView person = users.require(userId);
        if (!person.emailVerified()) {
            throw new BusinessException("email_not_verified");
        }
        IdentityDetails details = check(submission);
        Map<String, byte[]> files = files(uploads);
        if (approvals.approvedAt(userId).isPresent()) {
            throw new BusinessException("verification_approved");
        }
        if (records.ofUser(userId).stream().anyMatch(v -> v.status() == VerificationStatus.PENDING)) {
            throw new BusinessException("verification_pending");
        }
        List<DocumentFiles.Clean> cleaned = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<FieldError> fileErrors = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try {
                cleaned.add(DocumentFiles.clean(file.getKey(), file.getValue(), maxDocumentBytes, file.getKey().equals("selfie")));
                kinds.add(file.getKey());
            } catch (BusinessException e) {
                fileErrors.addAll(e.fieldErrors());
            }
        }
        if (!fileErrors.isEmpty()) {
            throw BusinessException.invalid(fileErrors);
        }
        String id = PublicIds.newId("kyc");
        Verification verification = new Verification(id, userId, records.keyId(), records.seal(id, details), Instant.now());
        em.persist(verification);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isDuplicateKey(e)) {
                throw new BusinessException("verification_pending");
            }
            throw e;
        }
        for (int i = 0; i < cleaned.size(); i++) {
            DocumentFiles.Clean file = cleaned.get(i);
            String documentId = PublicIds.newId("doc");
            em.persist(new VerificationDocument(documentId, verification.id(), kinds.get(i), file.contentType(),
                    file.content().length, records.keyId(), records.sealDocument(documentId, file.content()),
                    records.sealThumbnail(documentId, file.thumbnail())));
        }
        records.event(verification, "SUBMITTED", userId, null, null);
        int hits = screening.screen(verification, details);
        auditLog.record(userId, "KYC_SUBMITTED", "-", id + (hits > 0 ? " screening_hits=" + hits : ""));
        return forPerson(records.view(verification));
    }

    /** The person's verifications, newest first, each with its files and history. */
    public List<VerificationView> of(String userId) {
        return records.views(records.ofUser(userId)).stream().map(Verifications::forPerson).toList();
    }

    /** One of the person's verifications; 404 for anyone else's. */
    public VerificationView require(String userId, String verificationId) {
        return forPerson(records.view(own(userId, verificationId)));
    }

    /** What the person reads: their history without compliance's screening steps (screening is not told to them). */
    private static VerificationView forPerson(VerificationView v) {
        return new VerificationView(v.id(), v.userId(), v.status(), v.createdAt(), v.decidedAt(), v.reason(),
                v.requestedDocument(), v.documents(), v.history().stream().filter(e -> !"hit_cleared".equals(e.action())).toList());
    }

    /** The thumbnail (JPEG) of an image the person sent; 404 for a PDF, or for anyone else's. */
    public byte[] thumbnail(String userId, String verificationId, String documentId) {
        Verification verification = own(userId, verificationId);
        List<byte[]> sealed = em.createQuery("SELECT d.thumbnail FROM VerificationDocument d "
                        + "WHERE d.publicId = :id AND d.verificationId = :verification", byte[].class)
                .setParameter("id", documentId == null ? "" : documentId).setParameter("verification", verification.id())
                .getResultList();
        if (sealed.isEmpty() || sealed.get(0) == null) {
            throw BusinessException.notFound();
        }
        return records.openThumbnail(documentId, sealed.get(0));
    }

    private Verification own(String userId, String verificationId) {
        return records.find(verificationId).filter(v -> v.userId().equals(userId)).orElseThrow(BusinessException::notFound);
    }

    static IdentityDetails check(Submission s) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(s.legalName());
        if (name.isEmpty() || name.length() > NAME_MAX || name.contains("\n") || CONTROL.matcher(name).find()) {
            errors.add(new FieldError("legal_name", "legal_name_invalid"));
        }
        LocalDate born = null;
        try {
            born = LocalDate.parse(text(s.dateOfBirth()));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (born.getYear() < 1900 || Period.between(born, today).getYears() < MIN_AGE) {
                errors.add(new FieldError("date_of_birth", "date_of_birth_invalid", MIN_AGE));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date_of_birth", "date_of_birth_invalid", MIN_AGE));
        }
        String nationality = text(s.nationality()).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(nationality)) {
            errors.add(new FieldError("nationality", "nationality_invalid"));
        }
        String address = text(s.address()).replace("\r\n", "\n");
        if (address.isEmpty() || address.length() > ADDRESS_MAX || CONTROL.matcher(address).find()) {
            errors.add(new FieldError("address", "address_invalid"));
        }
        String type = text(s.documentType()).toLowerCase(Locale.ROOT);
        if (!DOCUMENT_TYPES.contains(type)) {
            errors.add(new FieldError("document_type", "document_type_invalid"));
        }
        String number = text(s.documentNumber());
        if (!DOCUMENT_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("document_number", "document_number_invalid"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        return new IdentityDetails(name, born, nationality, address, type, number);
    }

    /** The uploads by field: front required, back and selfie optional, each at most once, nothing else. */
    private static Map<String, byte[]> files(List<Upload> uploads) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String field : FILE_FIELDS) {
            List<Upload> sent = uploads.stream().filter(u -> field.equals(u.field()) && u.content() != null
                    && u.content().length > 0).toList();
            if (sent.size() > 1) {
                errors.add(new FieldError(field, "document_repeated"));
            } else if (sent.size() == 1) {
                files.put(field, sent.get(0).content());
            }
        }
        if (!files.containsKey("front")) {
            errors.add(new FieldError("front", "document_missing"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        return files;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
