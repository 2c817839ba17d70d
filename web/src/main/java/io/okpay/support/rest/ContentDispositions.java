package io.okpay.support.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition for a download whose name may hold any characters (RFC 6266: an ASCII name and filename*). */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
