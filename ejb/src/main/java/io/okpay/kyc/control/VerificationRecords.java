package io.okpay.kyc.control;

import io.okpay.kyc.boundary.DocumentView;
import io.okpay.kyc.boundary.EventView;
import io.okpay.kyc.boundary.HitView;
import io.okpay.kyc.boundary.IdentityDetails;
import io.okpay.kyc.boundary.VerificationView;
import io.okpay.kyc.entity.ScreeningEntry;
import io.okpay.kyc.entity.ScreeningHit;
import io.okpay.kyc.entity.Verification;
import io.okpay.kyc.entity.VerificationEvent;
import io.okpay.shared.JsonBuilders;
import io.okpay.shared.crypto.MasterKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads verifications for the boundaries: finds them, seals and opens the personal details (AES-GCM under the master
 * key, bound to the verification's id), and builds views with their files (never their content) and history.
 */
@Stateless
public class VerificationRecords {

    private static final String DETAILS_CONTEXT = "kyc-details:";
    private static final String DOCUMENT_CONTEXT = "kyc-document:";
    private static final String THUMBNAIL_CONTEXT = "kyc-thumbnail:";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    public Optional<Verification> find(String verificationId) {
        return em.createNamedQuery(Verification.BY_PUBLIC_ID, Verification.class)
                .setParameter("id", verificationId == null ? "" : verificationId).getResultStream().findFirst();
    }

    public List<Verification> ofUser(String userId) {
        return em.createNamedQuery(Verification.BY_USER, Verification.class).setParameter("userId", userId).getResultList();
    }

    public String keyId() {
        return masterKey.keyId();
    }

    public String seal(String verificationId, IdentityDetails details) {
        String json = JsonBuilders.JSON.createObjectBuilder()
                .add("legal_name", details.legalName())
                .add("date_of_birth", details.dateOfBirth().toString())
                .add("nationality", details.nationality())
                .add("address", details.address())
                .add("document_type", details.documentType())
                .add("document_number", details.documentNumber())
                .build().toString();
        return masterKey.seal(json.getBytes(StandardCharsets.UTF_8), DETAILS_CONTEXT + verificationId);
    }

    public IdentityDetails details(Verification verification) {
        String json = new String(masterKey.open(verification.sealedDetails(), DETAILS_CONTEXT + verification.publicId()),
                StandardCharsets.UTF_8);
        try (var reader = JsonBuilders.JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new IdentityDetails(o.getString("legal_name"), LocalDate.parse(o.getString("date_of_birth")),
                    o.getString("nationality"), o.getString("address"), o.getString("document_type"),
                    o.getString("document_number"));
        }
    }

    public byte[] sealDocument(String documentId, byte[] content) {
        return masterKey.sealBytes(content, DOCUMENT_CONTEXT + documentId);
    }

    public byte[] openDocument(String documentId, byte[] sealed) {
        return masterKey.openBytes(sealed, DOCUMENT_CONTEXT + documentId);
    }

    public byte[] sealThumbnail(String documentId, byte[] thumbnail) {
        return thumbnail == null ? null : masterKey.sealBytes(thumbnail, THUMBNAIL_CONTEXT + documentId);
    }

    public byte[] openThumbnail(String documentId, byte[] sealed) {
        return masterKey.openBytes(sealed, THUMBNAIL_CONTEXT + documentId);
    }

    public void event(Verification verification, String action, String actor, String reason, String document) {
        em.persist(new VerificationEvent(verification.id(), action, actor, reason, document, java.time.Instant.now()));
    }

    /** Views of these verifications, in their order, each with its files and history (two queries for all). */
    public List<VerificationView> views(List<Verification> verifications) {
        if (verifications.isEmpty()) {
            return List.of();
        }
        List<Long> ids = verifications.stream().map(Verification::id).toList();
        Map<Long, List<DocumentView>> documents = em.createQuery(
                        "SELECT d.verificationId, d.publicId, d.kind, d.contentType, d.sizeBytes FROM VerificationDocument d "
                                + "WHERE d.verificationId IN :ids ORDER BY d.id", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(
                        r -> new DocumentView((String) r[1], (String) r[2], (String) r[3], (Long) r[4]), Collectors.toList())));
        Map<Long, List<EventView>> history = em.createNamedQuery(VerificationEvent.OF, VerificationEvent.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(VerificationEvent::verificationId, Collectors.mapping(
                        e -> new EventView(e.action().toLowerCase(Locale.ROOT), e.at(), e.reason(), e.document()),
                        Collectors.toList())));
        return verifications.stream().map(v -> new VerificationView(v.publicId(), v.userId(), v.status(), v.createdAt(),
                v.decidedAt(), v.reason(), v.requestedDocument(), documents.getOrDefault(v.id(), List.of()),
                history.getOrDefault(v.id(), List.of()))).toList();
    }

    public VerificationView view(Verification verification) {
        return views(List.of(verification)).get(0);
    }

    /** The screening hits of these verifications, with the entries they matched, by verification. */
    public Map<Long, List<HitView>> hits(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ScreeningHit> hits = em.createNamedQuery(ScreeningHit.OF, ScreeningHit.class).setParameter("ids", ids)
                .getResultList();
        Map<Long, ScreeningEntry> entries = hits.isEmpty() ? Map.of()
                : em.createQuery("SELECT e FROM ScreeningEntry e WHERE e.id IN :ids", ScreeningEntry.class)
                .setParameter("ids", hits.stream().map(ScreeningHit::entryId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(ScreeningEntry::id, e -> e));
        return hits.stream().collect(Collectors.groupingBy(ScreeningHit::verificationId, Collectors.mapping(h -> {
            ScreeningEntry e = entries.get(h.entryId());
            return new HitView(h.publicId(), h.exactMatch(), h.score(), h.status(), e.name(), e.dateOfBirth(), e.country(),
                    e.source(), h.clearedReason());
        }, Collectors.toList())));
    }
}
