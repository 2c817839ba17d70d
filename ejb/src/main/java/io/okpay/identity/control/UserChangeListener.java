package io.okpay.identity.control;

import io.okpay.identity.boundary.RecentUsers;
import io.okpay.identity.entity.User;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** Tells {@link RecentUsers} that a person changed, whichever feature or page changed them. */
public class UserChangeListener {

    @PostUpdate
    @PostRemove
    void changed(User user) {
        // Looked up: Hibernate on Payara does not inject into entity listeners (the field stayed null).
        CDI.current().select(RecentUsers.class).get().forget(user.publicId());
    }
}
