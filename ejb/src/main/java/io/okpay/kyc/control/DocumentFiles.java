package io.okpay.kyc.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * What a person uploads as an identity document, made safe to keep: the type comes from the first bytes (JPEG, PNG or
 * PDF, whatever the name or the declared type says), the size is bounded, and images are decoded and encoded again
 * from their pixels only, so that EXIF, GPS and every other metadata block is gone. Images also get a small JPEG
 * thumbnail, the only way the person sees their upload again. PDFs are kept as sent.
 */
public final class DocumentFiles {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    /** Larger images (in pixels) are refused before they are decoded: a small file can expand to gigabytes. */
    static final long MAX_PIXELS = 40_000_000L;
    static final int THUMBNAIL_EDGE = 320;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    /** A file ready to be sealed: its type, its (re-encoded) bytes and, for images, a thumbnail. */
    public record Clean(String contentType, byte[] content, byte[] thumbnail) {
    }

    private DocumentFiles() {
    }

    /** The type the content's first bytes say, or null when it is none OKPay takes. */
    public static String sniff(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        return null;
    }

    /**
     * Checks and cleans one upload; a field error on {@code field} when it is too large, not JPEG/PNG/PDF (or not an
     * image where only an image will do), or cannot be read.
     */
    public static Clean clean(String field, byte[] content, long maxBytes, boolean imageOnly) {
        if (content.length > maxBytes) {
            throw invalid(field, "document_too_large", maxBytes / (1024 * 1024));
        }
        String type = sniff(content);
        if (type == null || (imageOnly && PDF.equals(type))) {
            throw invalid(field, imageOnly ? "selfie_type_unsupported" : "document_type_unsupported");
        }
        if (PDF.equals(type)) {
            return new Clean(PDF, content, null);
        }
        BufferedImage image = decode(field, content);
        // PNG keeps PNG (lossless, may have transparency); everything else is written as JPEG.
        boolean png = PNG.equals(type);
        BufferedImage pixels = png ? image : opaque(image);
        byte[] encoded = png ? write(pixels, "png") : jpeg(pixels, 0.92f);
        return new Clean(png ? PNG : JPEG, encoded, jpeg(opaque(scaled(image, THUMBNAIL_EDGE)), 0.8f));
    }

    private static BufferedImage decode(String field, byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid(field, "document_unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS || pixels <= 0) {
                    throw invalid(field, "document_unreadable");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException business) {
                throw business;
            }
            throw invalid(field, "document_unreadable");
        }
    }

    /** The image on white, three bytes per pixel: what a JPEG holds (and no colour model from the original file). */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    static BufferedImage scaled(BufferedImage image, int edge) {
        double factor = Math.min(1.0, (double) edge / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            // No metadata given: the writer writes a plain JFIF header and the pixels, nothing from the upload.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static BusinessException invalid(String field, String code, Object... args) {
        return BusinessException.invalid(List.of(new FieldError(field, code, args)));
    }
}
