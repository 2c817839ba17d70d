package io.okpay.kyc.boundary;

import java.io.Serializable;
import java.util.List;

/** What compliance reviews: the verification, the person's stated details, their account, and the screening hits. */
public record ReviewView(VerificationView verification, IdentityDetails details, String email, String displayName,
                         List<HitView> hits) implements Serializable {

    public long openHits() {
        return hits.stream().filter(HitView::open).count();
    }
}
