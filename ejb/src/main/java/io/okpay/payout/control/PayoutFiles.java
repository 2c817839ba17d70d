package io.okpay.payout.control;

import io.okpay.shared.Csv;
import io.okpay.shared.Money;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The files a bank takes: a plain CSV, and an ISO 20022 customer credit transfer initiation (pain.001.001.09) with one
 * payment information block per currency, debited from OKPay's account. The payout id is the end-to-end id, so the
 * bank's statement names the payout each debit belongs to.
 */
public final class PayoutFiles {

    public static final String PAIN_001_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /** One payout as it goes to the bank, with the IBAN opened. */
    public record Line(String payoutId, Money amount, String iban, String accountHolder) {
    }

    private PayoutFiles() {
    }

    /**
     * payout_id,amount,currency,iban,account_holder,reference,batch_id — one line per payout, RFC 4180, no byte order
     * mark (a bank's import reads it, not a spreadsheet); a holder name that looks like a formula is defused all the same.
     */
    public static byte[] csv(String batchId, List<Line> lines) {
        Csv csv = Csv.withoutByteOrderMark()
                .row("payout_id", "amount", "currency", "iban", "account_holder", "reference", "batch_id");
        for (Line line : lines) {
            csv.row(line.payoutId(), line.amount().toDecimal(), line.amount().currency(), line.iban(),
                    line.accountHolder(), reference(line.payoutId()), batchId);
        }
        return csv.toBytes();
    }

    public static byte[] pain001(String batchId, Instant createdAt, DebtorAccount debtor, List<Line> lines) {
        Map<String, List<Line>> byCurrency = lines.stream()
                .collect(Collectors.groupingBy(l -> l.amount().currency(), TreeMap::new, Collectors.toList()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(PAIN_001_NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");
            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", batchId);
            text(xml, "CreDtTm", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
            text(xml, "NbOfTxs", Integer.toString(lines.size()));
            text(xml, "CtrlSum", sum(lines).toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", debtor.name());
            xml.writeEndElement();
            xml.writeEndElement();
            for (Map.Entry<String, List<Line>> currency : byCurrency.entrySet()) {
                paymentInformation(xml, batchId + "-" + currency.getKey(), createdAt, debtor, currency.getKey(),
                        currency.getValue());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write pain.001", e);
        }
        return out.toByteArray();
    }

    private static void paymentInformation(XMLStreamWriter xml, String id, Instant createdAt, DebtorAccount debtor,
                                           String currency, List<Line> lines) throws XMLStreamException {
        boolean sepa = "EUR".equals(currency);
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", id);
        text(xml, "PmtMtd", "TRF");
        text(xml, "NbOfTxs", Integer.toString(lines.size()));
        text(xml, "CtrlSum", sum(lines).toPlainString());
        if (sepa) {
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeStartElement("ReqdExctnDt");
        text(xml, "Dt", createdAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        xml.writeEndElement();
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", debtor.name());
        xml.writeEndElement();
        account(xml, "DbtrAcct", debtor.iban());
        xml.writeStartElement("DbtrAgt");
        xml.writeStartElement("FinInstnId");
        if (debtor.bic().isEmpty()) {
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        } else {
            text(xml, "BICFI", debtor.bic());
        }
        xml.writeEndElement();
        xml.writeEndElement();
        // SEPA: each side pays its own bank's charges; elsewhere shared, which is what SLEV means within SEPA.
        text(xml, "ChrgBr", sepa ? "SLEV" : "SHAR");
        for (Line line : lines) {
            xml.writeStartElement("CdtTrfTxInf");
            xml.writeStartElement("PmtId");
            text(xml, "InstrId", line.payoutId());
            text(xml, "EndToEndId", line.payoutId());
            xml.writeEndElement();
            xml.writeStartElement("Amt");
            xml.writeStartElement("InstdAmt");
            xml.writeAttribute("Ccy", currency);
            xml.writeCharacters(line.amount().toDecimal());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("Cdtr");
            text(xml, "Nm", line.accountHolder());
            xml.writeEndElement();
            account(xml, "CdtrAcct", line.iban());
            xml.writeStartElement("RmtInf");
            text(xml, "Ustrd", reference(line.payoutId()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** The sum of the amounts as decimals (pain.001's control sum adds the numbers, whatever their currencies). */
    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(l -> BigDecimal.valueOf(l.amount().minor(), l.amount().exponent()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the account holder sees on their bank statement. */
    static String reference(String payoutId) {
        return "OKPay payout " + payoutId;
    }
}
