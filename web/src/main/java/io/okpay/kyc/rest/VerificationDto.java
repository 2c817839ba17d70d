package io.okpay.kyc.rest;

import io.okpay.kyc.boundary.DocumentView;
import io.okpay.kyc.boundary.EventView;
import io.okpay.kyc.boundary.HitView;
import io.okpay.kyc.boundary.IdentityDetails;
import io.okpay.kyc.boundary.ReviewView;
import io.okpay.kyc.boundary.VerificationView;

import java.time.Instant;
import java.util.List;

/**
 * Verifications in the API. A person's own ({@link #of}) carries no personal details and no file contents: documents
 * link to thumbnails of the images only. Compliance's ({@link Review}) adds the details, the person and the hits, and
 * links the documents themselves.
 */
public record VerificationDto(String id, String status, String created_at, String decided_at, String reason,
                              String requested_document, List<Document> documents, List<Event> history) {

    public record Document(String id, String kind, String content_type, long size, String url) {
    }

    public record Event(String action, String at, String reason, String document) {
    }

    public record Details(String legal_name, String date_of_birth, String nationality, String address,
                          String document_type, String document_number) {
    }

    public record Hit(String id, String status, String match, int score, String name, String date_of_birth,
                      String country, String source, String cleared_reason) {
    }

    public record Review(String id, String status, String user_id, String email, String username, Details details,
                         List<Hit> screening_hits, long open_hits, String created_at, String decided_at,
                         String reason, String requested_document, List<Document> documents, List<Event> history) {
    }

    public static VerificationDto of(VerificationView v) {
        String base = "/api/v1/verifications/" + v.id() + "/documents/";
        return new VerificationDto(v.id(), v.statusName(), v.createdAt().toString(), time(v.decidedAt()), v.reason(),
                v.requestedDocument(), v.documents().stream().map(d -> document(d, d.image() ? base + d.id() + "/thumbnail" : null))
                .toList(), history(v.history()));
    }

    public static Review review(ReviewView r) {
        VerificationView v = r.verification();
        IdentityDetails d = r.details();
        String base = "/api/v1/admin/verifications/" + v.id() + "/documents/";
        return new Review(v.id(), v.statusName(), v.userId(), r.email(), r.displayName(),
                new Details(d.legalName(), d.dateOfBirth().toString(), d.nationality(), d.address(), d.documentType(),
                        d.documentNumber()),
                r.hits().stream().map(VerificationDto::hit).toList(), r.openHits(), v.createdAt().toString(),
                time(v.decidedAt()), v.reason(), v.requestedDocument(),
                v.documents().stream().map(doc -> document(doc, base + doc.id())).toList(), history(v.history()));
    }

    static Hit hit(HitView h) {
        return new Hit(h.id(), h.status().toLowerCase(java.util.Locale.ROOT), h.exact() ? "exact" : "fuzzy", h.score(),
                h.entryName(), h.entryDateOfBirth() == null ? null : h.entryDateOfBirth().toString(), h.entryCountry(),
                h.entrySource(), h.clearedReason());
    }

    private static Document document(DocumentView d, String url) {
        return new Document(d.id(), d.kind(), d.contentType(), d.size(), url);
    }

    private static List<Event> history(List<EventView> events) {
        return events.stream().map(e -> new Event(e.action(), e.at().toString(), e.reason(), e.document())).toList();
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
