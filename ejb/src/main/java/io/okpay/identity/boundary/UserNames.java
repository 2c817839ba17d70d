package io.okpay.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * People as other features' lists name them: many users in one query, by id, and which of some users a search term
 * finds. Unknown ids are left out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UserNames {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The {@link UserView#displayName()} of each of these users, by id. */
    public Map<String, String> displayNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("SELECT u.publicId, u.username FROM User u WHERE u.publicId IN :ids", Object[].class)
                    .setParameter("ids", userIds).getResultStream()
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /**
     * Those of these users whose username or e-mail address, in lower case, matches {@code like}: a LIKE pattern in
     * lower case with {@code !} as its escape character.
     */
    public Set<String> matching(Collection<String> userIds, String like) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT u.publicId FROM User u WHERE u.publicId IN :ids "
                        + "AND (lower(u.username) LIKE :term ESCAPE '!' OR lower(u.email) LIKE :term ESCAPE '!')", String.class)
                .setParameter("ids", userIds).setParameter("term", like).getResultList());
    }
}
