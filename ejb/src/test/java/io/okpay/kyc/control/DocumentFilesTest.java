package io.okpay.kyc.control;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentFilesTest {

    @Test
    @DisplayName("the type comes from the first bytes: JPEG, PNG, PDF, nothing else")
    void sniff() throws IOException {
        assertEquals(DocumentFiles.JPEG, DocumentFiles.sniff(image("jpg", 10, 10)));
        assertEquals(DocumentFiles.PNG, DocumentFiles.sniff(image("png", 10, 10)));
        assertEquals(DocumentFiles.PDF, DocumentFiles.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertNull(DocumentFiles.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertNull(DocumentFiles.sniff(new byte[0]));
    }

    @Test
    @DisplayName("images come back re-encoded with the same size and a thumbnail of at most 320 pixels; PDFs as sent")
    void clean() throws IOException {
        DocumentFiles.Clean jpeg = DocumentFiles.clean("front", image("jpg", 1000, 500), 1 << 20, false);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.content()));
        assertEquals(1000, decoded.getWidth());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(jpeg.thumbnail()));
        assertEquals(320, thumbnail.getWidth());
        assertEquals(160, thumbnail.getHeight());
        assertEquals(DocumentFiles.PNG, DocumentFiles.clean("back", image("png", 50, 80), 1 << 20, false).contentType());
        byte[] pdf = "%PDF-1.4 a document".getBytes(StandardCharsets.US_ASCII);
        DocumentFiles.Clean kept = DocumentFiles.clean("front", pdf, 1 << 20, false);
        assertArrayEquals(pdf, kept.content());
        assertNull(kept.thumbnail());
    }

    @Test
    @DisplayName("too large, not an image where one is needed, or unreadable: a field error on that file")
    void refusals() throws IOException {
        byte[] photo = image("jpg", 100, 100);
        assertEquals("document_too_large", code(() -> DocumentFiles.clean("front", photo, 100, false)));
        assertEquals("selfie_type_unsupported", code(() -> DocumentFiles.clean("selfie", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 1 << 20, true)));
        assertEquals("document_type_unsupported", code(() -> DocumentFiles.clean("back", "hello".getBytes(StandardCharsets.US_ASCII), 1 << 20, false)));
        byte[] cut = java.util.Arrays.copyOf(image("png", 100, 100), 30);
        assertEquals("document_unreadable", code(() -> DocumentFiles.clean("front", cut, 1 << 20, false)));
    }

    private static String code(Runnable call) {
        BusinessException e = assertThrows(BusinessException.class, call::run);
        assertTrue(e.fieldErrors().size() == 1, e.fieldErrors().toString());
        return e.fieldErrors().get(0).code();
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
