package io.okpay.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseDurabilityTest {

    @Test
    void durableSettingsRaiseNothing() {
        assertEquals(List.of(), DatabaseDurability.risks(1, true, 1));
        assertEquals(List.of(), DatabaseDurability.risks(1, false, 0), "sync_binlog matters only with the binary log on");
    }

    @Test
    void eachSettingThatCanLoseACommitIsNamed() {
        assertEquals(List.of("innodb_flush_log_at_trx_commit=2 (should be 1)"), DatabaseDurability.risks(2, false, 0));
        assertEquals(List.of("innodb_flush_log_at_trx_commit=0 (should be 1)",
                "sync_binlog=0 with the binary log on (should be 1)"), DatabaseDurability.risks(0, true, 0));
    }
}
