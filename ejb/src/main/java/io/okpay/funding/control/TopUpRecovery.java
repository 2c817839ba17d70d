package io.okpay.funding.control;

import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.funding.entity.TopUp;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Finishes a top-up whose answer was lost (PROCESSING): a processor that timed out after authorising, an instance that
 * stopped mid-way. Run at once by a card top-up whose processor became unreachable, and later by the reconciliation
 * job; safe on several instances at once, since every step is idempotent (the processor's keys derive from the
 * top-up's id, the posting's key is the top-up's id).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUpRecovery {

    @EJB
    Users users;

    @Inject
    CardGateway gateway;

    @EJB
    TopUpRecords records;

    @EJB
    TopUpCrediting crediting;

    /**
     * Asks the processor what became of the authorisation, credits the wallet if the money was captured, and
     * otherwise releases the card and fails the top-up. A voucher top-up, already claimed, is credited. A top-up that
     * is not PROCESSING stays as it is. Answers the top-up as it ends; 404 for an unknown one.
     */
    public TopUp settle(String topUpId) {
        TopUp topUp = records.find(topUpId).orElseThrow(BusinessException::notFound);
        if (topUp.status() != TopUpStatus.PROCESSING) {
            return topUp;
        }
        UserView user = users.require(topUp.userId());
        if (topUp.method() == TopUpMethod.VOUCHER) {
            return crediting.credit(topUp, user);
        }
        Optional<CardAuthorisation> found = topUp.authorisationId() != null
                ? Optional.of(gateway.status(topUp.authorisationId()))
                : gateway.findByIdempotencyKey(topUpId);
        if (found.isEmpty()) {
            return records.failed(topUpId, "card_gateway_unavailable");
        }
        CardAuthorisation authorisation = found.get();
        return switch (authorisation.status()) {
            case CAPTURED -> crediting.credit(records.authorised(topUpId, authorisation.id(), TopUpStatus.PROCESSING),
                    user);
            case AUTHORISED, CHALLENGE_REQUIRED -> {
                gateway.voidAuthorisation(topUpId + ":void", authorisation.id());
                yield records.failed(topUpId, "card_gateway_unavailable");
            }
            case DECLINED -> records.failed(topUpId, authorisation.declineError().code());
            case VOIDED -> records.failed(topUpId, "card_gateway_unavailable");
        };
    }
}
