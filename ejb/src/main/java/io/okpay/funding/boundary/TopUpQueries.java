package io.okpay.funding.boundary;

import io.okpay.funding.control.TopUpAnswers;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Reads a person's top-ups, whatever their method. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUpQueries {

    @EJB
    TopUpRecords records;

    @Inject
    TopUpAnswers answers;

    /** The caller's own top-up; someone else's is 404. */
    public TopUpView find(String userId, String topUpId) {
        return answers.view(records.findOwned(userId, topUpId).orElseThrow(BusinessException::notFound), false);
    }
}
