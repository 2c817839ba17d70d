package io.okpay.kyc.control;

import io.okpay.kyc.boundary.IdentityDetails;
import io.okpay.kyc.boundary.VerificationStatus;
import io.okpay.kyc.entity.ScreeningEntry;
import io.okpay.kyc.entity.ScreeningHit;
import io.okpay.kyc.entity.Verification;
import io.okpay.shared.PublicIds;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;

/**
 * Screens people against the screening lists: a new submission against every entry, a new list's entries against every
 * submission that is pending or approved. A hit is a name that matches exactly or fuzzily ({@link NameMatch}, threshold
 * {@code okpay.kyc.screening.threshold}) where the entry's date of birth, when it has one, is the person's too. Each
 * pair of submission and entry gives at most one hit.
 */
@Stateless
public class Screening {

    public static final String THRESHOLD_KEY = "okpay.kyc.screening.threshold";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    VerificationRecords records;

    @Inject
    @ConfigProperty(name = THRESHOLD_KEY, defaultValue = "0.92")
    double threshold;

    /** Screens one submission against every list entry; the number of new hits. */
    public int screen(Verification verification, IdentityDetails details) {
        List<ScreeningEntry> entries = em.createNamedQuery(ScreeningEntry.ALL, ScreeningEntry.class).getResultList();
        int found = 0;
        for (ScreeningEntry entry : entries) {
            found += hit(verification, details, entry) ? 1 : 0;
        }
        return found;
    }

    /** Screens new entries against every pending or approved submission; the number of new hits. */
    public int screen(List<ScreeningEntry> entries) {
        List<Verification> screened = em.createNamedQuery(Verification.SCREENED, Verification.class)
                .setParameter("statuses", List.of(VerificationStatus.PENDING, VerificationStatus.APPROVED)).getResultList();
        int found = 0;
        for (Verification verification : screened) {
            IdentityDetails details = records.details(verification);
            for (ScreeningEntry entry : entries) {
                found += hit(verification, details, entry) ? 1 : 0;
            }
        }
        return found;
    }

    private boolean hit(Verification verification, IdentityDetails details, ScreeningEntry entry) {
        if (entry.dateOfBirth() != null && !entry.dateOfBirth().equals(details.dateOfBirth())) {
            return false;
        }
        NameMatch.Result match = NameMatch.match(details.legalName(), entry.name(), threshold);
        if (match == null || em.createNamedQuery(ScreeningHit.PAIR, Long.class).setParameter("verification", verification.id())
                .setParameter("entry", entry.id()).getSingleResult() > 0) {
            return false;
        }
        em.persist(new ScreeningHit(PublicIds.newId("hit"), verification.id(), entry.id(), match.exact(), match.score(),
                Instant.now()));
        return true;
    }
}
