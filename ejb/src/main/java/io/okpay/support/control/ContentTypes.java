package io.okpay.support.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file is, read from its first bytes, never from its name or the type the sender claims: the few kinds support
 * needs (screenshots, photos, PDF documents, plain text). Anything else is refused.
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    public static Optional<String> sniff(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (content.length > 12 && startsWith(content, 'R', 'I', 'F', 'F')
                && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (isText(content)) {
            return Optional.of("text/plain");
        }
        return Optional.empty();
    }

    /** The extension a download gets, so that a file never opens as something else than it is. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            default -> ".txt";
        };
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    private static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F);
    }
}
