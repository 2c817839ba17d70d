package io.okpay.funding.boundary;

import io.okpay.funding.entity.SavedCard;
import io.okpay.shared.BusinessException;
import io.okpay.shared.PublicIds;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cards a person saved for top-ups (token, brand, last four digits, expiry): list, find, forget. */
@Stateless
public class SavedCards {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** Saves the tokenised card; the same token saved again is the same card. */
    public SavedCard save(String userId, CardToken card) {
        Optional<SavedCard> existing = em.createNamedQuery(SavedCard.BY_TOKEN, SavedCard.class)
                .setParameter("userId", userId).setParameter("token", card.token()).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        SavedCard saved = new SavedCard(PublicIds.newId("card"), userId, card, Instant.now());
        em.persist(saved);
        return saved;
    }

    public List<SavedCardView> of(String userId) {
        return em.createNamedQuery(SavedCard.OF_USER, SavedCard.class).setParameter("userId", userId)
                .setMaxResults(100).getResultStream().map(card -> new SavedCardView(card.publicId(), card.brand(),
                        card.lastFour(), card.expMonth(), card.expYear())).toList();
    }

    /** The person's own saved card; someone else's does not exist. */
    public Optional<SavedCard> find(String userId, String cardId) {
        return em.createNamedQuery(SavedCard.BY_PUBLIC_ID, SavedCard.class).setParameter("userId", userId)
                .setParameter("publicId", cardId == null ? "" : cardId).getResultStream().findFirst();
    }

    public void forget(String userId, String cardId) {
        em.remove(find(userId, cardId).orElseThrow(BusinessException::notFound));
    }
}
