package io.okpay.kyc;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Files the KYC tests send: a JPEG carrying an EXIF block with GPS data, a PNG, a PDF, and multipart bodies. */
final class KycFiles {

    /** Text inside the EXIF block of {@link #jpegWithGps}: it must not survive the upload. */
    static final String EXIF_MARKER = "OKPAY-GPS-MARKER-55.9533N-3.1883W";

    private KycFiles() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 240, 250));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 60, 120));
        g.fillRect(width / 10, height / 5, width / 3, height / 2);
        g.fillOval(width / 2, height / 4, width / 4, width / 4);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone takes it: after its JFIF header an APP1 "Exif" segment whose TIFF directory holds an image
     * description ({@link #EXIF_MARKER}) and a GPS directory (latitude N 55° 57' 11.99").
     */
    static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = encode(picture(width, height), "jpg");
        byte[] description = (EXIF_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(92 + description.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 0x2A).putInt(8);
        tiff.putShort((short) 2);                                                     // IFD0 at 8: two entries
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(92);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);       // GPSInfo -> 38
        tiff.putInt(0);
        tiff.putShort((short) 2);                                                     // GPS IFD at 38
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(55).putInt(1).putInt(57).putInt(1).putInt(1199).putInt(100);      // rationals at 68
        tiff.put(description);                                                        // at 92
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segment = 2 + exif.length + tiff.capacity();
        int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));               // SOI, then APP0 with its length
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, app0End);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segment >> 8);
        out.write(segment & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, app0End, jpeg.length - app0End);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
                + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A multipart/form-data body: text fields (UTF-8) and files (with a file name and a declared type). */
    record Multipart(String contentType, HttpRequest.BodyPublisher body) {

        static Multipart of(Map<String, String> fields, Map<String, byte[]> files) {
            String boundary = "okpay-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            });
            files.forEach((name, content) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + name + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(content);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            });
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return new Multipart("multipart/form-data; boundary=" + boundary,
                    HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        }
    }
}
