package io.okpay.admin.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReasonsTest {

    @Test
    void aReasonIsStrippedAndBounded() {
        assertEquals("lost phone 手机丢失", Reasons.require("  lost phone 手机丢失 \n"));
        for (String missing : new String[]{null, "", "  ", "ok", "x".repeat(501)}) {
            BusinessException e = assertThrows(BusinessException.class, () -> Reasons.require(missing, "why"));
            assertEquals("invalid_request", e.code());
            assertEquals("why", e.fieldErrors().get(0).field());
            assertEquals("reason_required", e.fieldErrors().get(0).code());
        }
        assertEquals(500, Reasons.require("x".repeat(500)).length());
    }

    @Test
    void anActionIsWrittenAsObjectReasonBeforeAndAfter() {
        assertEquals("adj_1 | reason: fee charged twice | PROPOSED -> APPROVED",
                AuditLog.actionDetail("adj_1", " fee charged twice ", "PROPOSED", "APPROVED"));
        assertEquals("- | reason:  | - -> -", AuditLog.actionDetail(null, null, null, null));
    }
}
