package io.okpay.admin.boundary;

import io.okpay.identity.boundary.AccountSecurity.SignInView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackOfficeDevicesTest {

    @Test
    @DisplayName("the devices of the recent sign-ins: one line each, with the latest sign-in and how many, latest first")
    void devicesOfSignIns() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        List<BackOffice.Device> cut = BackOffice.devices(List.of(
                new SignInView(t.plusSeconds(30), "Firefox on Linux", "SUCCESS"),
                new SignInView(t.plusSeconds(20), "Safari on iPhone", "SUCCESS"),
                new SignInView(t.plusSeconds(10), "Firefox on Linux", "FAILED"),
                new SignInView(t.plusSeconds(40), "Safari on iPhone", "SUCCESS")));
        assertEquals(List.of(new BackOffice.Device("Safari on iPhone", t.plusSeconds(40), 2),
                new BackOffice.Device("Firefox on Linux", t.plusSeconds(30), 2)), cut);
    }

    @Test
    @DisplayName("the audit log keeps a searched phone number's last digits only; other queries as typed")
    void searchedPhoneNumbersMasked() {
        assertEquals("phone number ending 456", BackOffice.searched("+44 7911-123 456"));
        assertEquals("phone number ending 456", BackOffice.searched("00447911123456"));
        assertEquals("ann@example.com", BackOffice.searched("ann@example.com"));
        assertEquals("txn_0123456789", BackOffice.searched("txn_0123456789"));
        assertEquals("BO-1234-1", BackOffice.searched("BO-1234-1"));
    }
}
