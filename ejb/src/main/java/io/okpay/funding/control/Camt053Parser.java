package io.okpay.funding.control;

import io.okpay.shared.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an ISO 20022 bank-to-customer statement, camt.053 versions 02 and 08 (the ones banks send most), with the
 * JDK's DOM parser, hardened against XML entity tricks (no DOCTYPE at all).
 * <p>
 * Every booked entry ({@code Sts} BOOK; pending and informational ones move no money) becomes a line; an entry that
 * batches several transactions ({@code NtryDtls} with more than one {@code TxDtls}, each with its own amount) becomes
 * one line per transaction. Reference: the unstructured remittance texts ({@code RmtInf/Ustrd}) and the structured
 * creditor reference ({@code RmtInf/Strd/CdtrRefInf/Ref}), joined with spaces, else {@code AddtlNtryInf}.
 * Counterparty: the debtor's name for a credit, the creditor's for a debit. Bank entry id: the account servicer's
 * reference ({@code AcctSvcrRef}) of the transaction or the entry, else the entry reference ({@code NtryRef}).
 */
public class Camt053Parser {

    static final Set<String> NAMESPACES = Set.of(
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");

    private final Function<String, OptionalInt> exponents;

    /** @param exponents the minor-unit exponent of each currency OKPay knows; empty for an unknown code */
    public Camt053Parser(Function<String, OptionalInt> exponents) {
        this.exponents = exponents;
    }

    public BankStatement parse(byte[] content) {
        Element document = read(content).getDocumentElement();
        String namespace = document.getNamespaceURI();
        if (!"Document".equals(document.getLocalName()) || !NAMESPACES.contains(namespace)) {
            throw StatementErrors.unreadable();
        }
        Xml xml = new Xml(namespace);
        Element report = xml.child(document, "BkToCstmrStmt").orElseThrow(StatementErrors::unreadable);
        List<Element> statements = xml.children(report, "Stmt");
        if (statements.isEmpty()) {
            throw StatementErrors.unreadable();
        }
        StatementErrors errors = new StatementErrors(exponents);
        List<StatementLine> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int position = 0;
        for (Element statement : statements) {
            ids.add(xml.text(statement, "Id").orElse(""));
            for (Element entry : xml.children(statement, "Ntry")) {
                position++;
                if (isBooked(xml, entry)) {
                    entryLines(xml, entry, position, errors, lines);
                }
            }
        }
        errors.throwIfAny();
        return new BankStatement("camt.053", String.join(",", ids), lines);
    }

    private static boolean isBooked(Xml xml, Element entry) {
        // Version 02 writes <Sts>BOOK</Sts>, version 08 <Sts><Cd>BOOK</Cd></Sts>: the text content is BOOK in both.
        return xml.child(entry, "Sts").map(status -> status.getTextContent().strip()).orElse("").equals("BOOK");
    }

    private void entryLines(Xml xml, Element entry, int position, StatementErrors errors, List<StatementLine> lines) {
        LocalDate date = errors.date(position,
                xml.text(entry, "BookgDt/Dt").or(() -> xml.text(entry, "BookgDt/DtTm")).orElse(null));
        StatementLine.Direction direction = direction(xml.text(entry, "CdtDbtInd").orElse(""));
        if (direction == null) {
            errors.add(position, "direction", "statement_direction_invalid");
        }
        List<Element> transactions = xml.children(xml.child(entry, "NtryDtls").orElse(null), "TxDtls");
        if (transactions.size() <= 1) {
            Element details = transactions.isEmpty() ? null : transactions.get(0);
            Money amount = readAmount(xml.child(entry, "Amt"), position, errors);
            String entryId = xml.text(details, "Refs/AcctSvcrRef")
                    .or(() -> xml.text(entry, "AcctSvcrRef"))
                    .or(() -> xml.text(entry, "NtryRef"))
                    .orElse("");
            add(lines, errors, position, date, amount, direction, reference(xml, entry, details),
                    counterparty(xml, details, direction), entryId);
            return;
        }
        for (Element details : transactions) {
            // Version 08 gives each transaction its Amt, version 02 its AmtDtls/TxAmt/Amt.
            Money amount = readAmount(xml.child(details, "Amt").or(() -> xml.path(details, "AmtDtls/TxAmt/Amt")),
                    position, errors);
            String entryId = xml.text(details, "Refs/AcctSvcrRef").orElse("");
            add(lines, errors, position, date, amount, direction, reference(xml, entry, details),
                    counterparty(xml, details, direction), entryId);
        }
    }

    private static void add(List<StatementLine> lines, StatementErrors errors, int position, LocalDate date, Money amount,
                            StatementLine.Direction direction, String reference, String counterparty, String entryId) {
        if (entryId.isEmpty()) {
            errors.add(position, "bank_transaction_id", "statement_entry_id_missing");
        }
        if (date != null && amount != null && direction != null && !entryId.isEmpty()) {
            lines.add(new StatementLine(position, date, amount, direction, reference, counterparty, entryId));
        }
    }

    private static Money readAmount(Optional<Element> amount, int position, StatementErrors errors) {
        if (amount.isEmpty()) {
            errors.add(position, "amount", "statement_amount_invalid");
            return null;
        }
        return errors.amount(position, amount.get().getTextContent().strip(), currency(amount));
    }

    private static String currency(Optional<Element> amount) {
        return amount.map(a -> a.getAttribute("Ccy").strip().toUpperCase(Locale.ROOT)).orElse("");
    }

    private static StatementLine.Direction direction(String indicator) {
        return switch (indicator.strip()) {
            case "CRDT" -> StatementLine.Direction.CREDIT;
            case "DBIT" -> StatementLine.Direction.DEBIT;
            default -> null;
        };
    }

    private static String reference(Xml xml, Element entry, Element details) {
        List<String> parts = new ArrayList<>();
        xml.path(details, "RmtInf").ifPresent(remittance -> {
            xml.children(remittance, "Ustrd").forEach(text -> parts.add(text.getTextContent().strip()));
            xml.children(remittance, "Strd").forEach(structured ->
                    xml.text(structured, "CdtrRefInf/Ref").ifPresent(parts::add));
        });
        if (parts.isEmpty()) {
            xml.text(entry, "AddtlNtryInf").ifPresent(parts::add);
        }
        return String.join(" ", parts).strip();
    }

    private static String counterparty(Xml xml, Element details, StatementLine.Direction direction) {
        // Credits come from the debtor, debits go to the creditor; version 08 nests the name in Pty.
        String party = direction == StatementLine.Direction.DEBIT ? "Cdtr" : "Dbtr";
        return xml.text(details, "RltdPties/" + party + "/Nm")
                .or(() -> xml.text(details, "RltdPties/" + party + "/Pty/Nm"))
                .orElse("");
    }

    private static Document read(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException e) {
            throw StatementErrors.unreadable();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused a standard feature", e);
        }
    }

    /** Child-element navigation within one namespace; every step tolerates a missing element. */
    private record Xml(String namespace) {

        Optional<Element> child(Element parent, String name) {
            return children(parent, name).stream().findFirst();
        }

        List<Element> children(Element parent, String name) {
            List<Element> found = new ArrayList<>();
            if (parent == null) {
                return found;
            }
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())
                        && namespace.equals(element.getNamespaceURI())) {
                    found.add(element);
                }
            }
            return found;
        }

        Optional<Element> path(Element start, String path) {
            Optional<Element> current = Optional.ofNullable(start);
            for (String step : path.split("/")) {
                current = current.flatMap(element -> child(element, step));
            }
            return current;
        }

        Optional<String> text(Element start, String path) {
            return path(start, path).map(element -> element.getTextContent().strip()).filter(text -> !text.isEmpty());
        }
    }
}
