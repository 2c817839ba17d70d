package io.okpay.fx.control;

import io.okpay.fx.boundary.RateTable;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the ECB's euro foreign exchange reference rates (eurofxref-daily.xml): nested Cube elements, the middle one
 * with the publication date in {@code time}, the inner ones with {@code currency} and {@code rate} (units per euro).
 */
public final class EcbReferenceRates {

    private static final String NAMESPACE = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private EcbReferenceRates() {
    }

    public static RateTable parse(InputStream xml, Instant fetchedAt) throws IOException {
        return parse(xml, RateTable.ECB, fetchedAt);
    }

    /** @param source {@link RateTable#ECB}, or {@link RateTable#SANDBOX} for the sandbox's snapshot in the same format */
    public static RateTable parse(InputStream xml, String source, Instant fetchedAt) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A rate feed has no business declaring entities: refuse DTDs and external entities outright.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        LocalDate publishedOn = null;
        Map<String, BigDecimal> rates = new HashMap<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "Cube".equals(reader.getLocalName())
                        && NAMESPACE.equals(reader.getNamespaceURI())) {
                    String time = reader.getAttributeValue(null, "time");
                    String currency = reader.getAttributeValue(null, "currency");
                    String rate = reader.getAttributeValue(null, "rate");
                    if (time != null) {
                        publishedOn = LocalDate.parse(time);
                    } else if (currency != null && rate != null) {
                        rates.put(currency(currency), positive(new BigDecimal(rate)));
                    }
                }
            }
        } catch (XMLStreamException | DateTimeParseException | NumberFormatException e) {
            throw new IOException("Not an ECB reference-rate document: " + e.getMessage(), e);
        }
        if (publishedOn == null || rates.isEmpty()) {
            throw new IOException("The ECB document has no date or no rates");
        }
        return new RateTable(source, "EUR", publishedOn, rates, fetchedAt);
    }

    private static String currency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            throw new NumberFormatException("not a currency code: " + code);
        }
        return code;
    }

    private static BigDecimal positive(BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw new NumberFormatException("rate must be positive: " + rate);
        }
        return rate;
    }
}
