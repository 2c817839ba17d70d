package io.okpay.notification.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxSmsGatewayTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("codes and numbers go to a file only OKPay's user can read, in a directory only it can open")
    void ownerOnly() throws Exception {
        Path file = home.resolve("sms").resolve("sms.log");
        SandboxSmsGateway cut = new SandboxSmsGateway(file);
        cut.send("+447700900123", "Your OKPay code is 123456");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(Optional.of("Your OKPay code is 123456"), cut.latest("+447700900123"));
    }

    @Test
    @DisplayName("a file others could read (an older run's) is narrowed before the next code goes in")
    void narrowsAnExistingFile() throws Exception {
        Path file = Files.createFile(home.resolve("sms.log"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        new SandboxSmsGateway(file).send("+8613800138000", "验证码 654321");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of("验证码 654321"), new SandboxSmsGateway(file).latest("+8613800138000"));
    }

    @Test
    @DisplayName("the SMS sandbox has no file of its own choosing (the temp directory is shared): it must be configured")
    void noDefaultFile() {
        SmsGateways gateways = new SmsGateways();
        gateways.kind = Optional.of("sandbox");
        gateways.sandboxFile = Optional.empty();
        assertEquals("okpay.sms.gateway=sandbox needs okpay.sms.sandbox-file",
                assertThrows(IllegalStateException.class, gateways::gateway).getMessage());
        gateways.kind = Optional.empty();
        assertThrows(IllegalStateException.class, gateways::gateway, "no gateway unless chosen");
    }
}
