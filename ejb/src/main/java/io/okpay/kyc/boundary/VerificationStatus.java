package io.okpay.kyc.boundary;

/**
 * Where a submission stands: waiting for compliance, approved, rejected (the person may submit again), or closed with
 * a request for more (which document, why): the person answers with a new submission.
 */
public enum VerificationStatus {
    PENDING, APPROVED, REJECTED, MORE_REQUESTED
}
