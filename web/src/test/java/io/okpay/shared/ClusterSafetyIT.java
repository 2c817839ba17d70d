package io.okpay.shared;

import io.okpay.it.Http;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps several instances from doing one thing twice, and what tells an operator that the database could lose
 * what OKPay acknowledged.
 */
class ClusterSafetyIT {

    private final Http http = new Http(TestServer.base());

    @Test
    void ofTwentyTimersFiringAtOnceExactlyOneRunsTheJobAndTheNextPeriodRunsAgain() throws Exception {
        String job = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> claims = Race.run(20, i -> http.post("/api/v1/test-jobs/claim/" + job + "?seconds=2", "").body());
        assertEquals(1, claims.stream().filter("true"::equals).count(), claims.toString());
        assertEquals(19, claims.stream().filter("false"::equals).count(), claims.toString());
        assertEquals("false", http.post("/api/v1/test-jobs/claim/" + job + "?seconds=2", "").body());
        // The lease ends a tenth of the period early: 1.8 s later the next period belongs to whoever asks first.
        Thread.sleep(2_000);
        assertEquals("true", http.post("/api/v1/test-jobs/claim/" + job + "?seconds=2", "").body());
    }

    @Test
    void aDatabaseThatCanLoseCommitsIsNamedLoudlyAtStartUp() throws Exception {
        // The tests' throw-away MariaDB runs with innodb_flush_log_at_trx_commit=0 on purpose (speed).
        String log = new String(Files.readAllBytes(Path.of(System.getProperty("okpay.it.server.log"))), StandardCharsets.UTF_8);
        assertTrue(log.contains("!! MariaDB can lose committed transactions in a crash: innodb_flush_log_at_trx_commit=0"),
                "no durability warning in the server log");
    }
}
