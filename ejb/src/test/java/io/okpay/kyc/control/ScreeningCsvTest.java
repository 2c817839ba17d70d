package io.okpay.kyc.control;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScreeningCsvTest {

    @Test
    @DisplayName("a list with header, quotes, a byte order mark and empty optional columns")
    void reads() {
        List<ScreeningCsv.Line> lines = ScreeningCsv.read("\uFEFFname,date_of_birth,country,source\r\n"
                + "\"Ivanov, Pyotr\",1960-01-31,ru,EU sanctions\r\n"
                + "王小明,,,\r\n\r\nJane Roe\n");
        assertEquals(3, lines.size());
        assertEquals(new ScreeningCsv.Line("Ivanov, Pyotr", LocalDate.of(1960, 1, 31), "RU", "EU sanctions"), lines.get(0));
        assertEquals("王小明", lines.get(1).name());
        assertNull(lines.get(1).dateOfBirth());
        assertNull(lines.get(2).country());
    }

    @Test
    @DisplayName("a bad date, country or missing name names its line; an empty list is refused")
    void refuses() {
        assertEquals(List.of(2L), lineOf("name,date_of_birth\nSomeone,31/01/1960\n"));
        assertEquals(List.of(1L), lineOf("Someone,1960-01-31,XX,list\n"));
        assertEquals(List.of(2L), lineOf("Someone\n,1960-01-31\n"));
        BusinessException empty = assertThrows(BusinessException.class, () -> ScreeningCsv.read("name,date_of_birth,country,source\n"));
        assertEquals("screening_list_empty", empty.fieldErrors().get(0).code());
    }

    private static List<Object> lineOf(String csv) {
        BusinessException e = assertThrows(BusinessException.class, () -> ScreeningCsv.read(csv));
        assertEquals("screening_list_line_invalid", e.fieldErrors().get(0).code());
        return List.of(e.fieldErrors().get(0).args());
    }
}
