package io.okpay.payout.control;

import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayoutFilesTest {

    static final List<PayoutFiles.Line> LINES = List.of(
            new PayoutFiles.Line("po_1", new Money(1250, "EUR", 2), "DE89370400440532013000", "Ann, \"the\" Example"),
            new PayoutFiles.Line("po_2", new Money(5, "EUR", 2), "FR1420041010050500013M02606", "=HYPERLINK(1)"),
            new PayoutFiles.Line("po_3", new Money(1000, "JPY", 0), "GB82WEST12345698765432", "Bo"));

    @Test
    @DisplayName("CSV: one line per payout, quoted where needed, formulas defused")
    void csv() {
        String[] lines = new String(PayoutFiles.csv("pob_1", LINES), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("po_1,12.50,EUR,DE89370400440532013000,\"Ann, \"\"the\"\" Example\",OKPay payout po_1,pob_1", lines[1]);
        assertEquals("po_2,0.05,EUR,FR1420041010050500013M02606,'=HYPERLINK(1),OKPay payout po_2,pob_1", lines[2]);
        assertEquals("po_3,1000,JPY,GB82WEST12345698765432,Bo,OKPay payout po_3,pob_1", lines[3]);
    }

    @Test
    @DisplayName("CSV: the exact bytes a bank gets: no byte order mark, the header, CRLF after every line, UTF-8 names")
    void csvBytes() {
        byte[] file = PayoutFiles.csv("pob_2", List.of(
                new PayoutFiles.Line("po_9", new Money(88800, "EUR", 2), "DE89370400440532013000", "王芳"),
                new PayoutFiles.Line("po_10", new Money(1, "EUR", 2), "NL91ABNA0417164300", "@Acme, \"Ltd\"")));
        assertEquals("payout_id,amount,currency,iban,account_holder,reference,batch_id\r\n"
                + "po_9,888.00,EUR,DE89370400440532013000,王芳,OKPay payout po_9,pob_2\r\n"
                + "po_10,0.01,EUR,NL91ABNA0417164300,\"'@Acme, \"\"Ltd\"\"\",OKPay payout po_10,pob_2\r\n",
                new String(file, StandardCharsets.UTF_8));
        assertEquals((byte) 'p', file[0], "no byte order mark");
    }

    @Test
    @DisplayName("pain.001: one payment block per currency with its count and sum; the file's count and sum; no BIC → NOTPROVIDED")
    void pain001() throws Exception {
        DebtorAccount debtor = new DebtorAccount();
        debtor.name = "OKPay Client Money";
        debtor.iban = "GB33 BUKB 2020 1555 5555 55";
        debtor.bic = "";
        byte[] file = PayoutFiles.pain001("pob_1", Instant.parse("2026-11-26T13:00:00.123456Z"), debtor, LINES);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
        assertEquals(PayoutFiles.PAIN_001_NAMESPACE, xml.getDocumentElement().getNamespaceURI());
        assertEquals("3", text(xml.getDocumentElement(), "NbOfTxs", 0));
        assertEquals("1012.55", text(xml.getDocumentElement(), "CtrlSum", 0));
        assertEquals("2026-11-26T13:00:00Z", text(xml.getDocumentElement(), "CreDtTm", 0));
        var blocks = xml.getElementsByTagNameNS("*", "PmtInf");
        assertEquals(2, blocks.getLength());
        Element eur = (Element) blocks.item(0);
        assertEquals("pob_1-EUR", text(eur, "PmtInfId", 0));
        assertEquals("2", text(eur, "NbOfTxs", 0));
        assertEquals("12.55", text(eur, "CtrlSum", 0));
        assertEquals("SLEV", text(eur, "ChrgBr", 0));
        assertEquals("GB33BUKB20201555555555", text(eur, "IBAN", 0));
        assertEquals("NOTPROVIDED", text(eur, "Id", 1));
        Element jpy = (Element) blocks.item(1);
        assertEquals("1000", text(jpy, "InstdAmt", 0));
        assertEquals("SHAR", text(jpy, "ChrgBr", 0));
    }

    private static String text(Element scope, String name, int index) {
        return scope.getElementsByTagNameNS("*", name).item(index).getTextContent();
    }
}
