package io.okpay.support.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The new part of an e-mail answer: without the quoted earlier mail that mail programs put below (or above) it. */
public final class MailText {

    /** The line a mail program writes before the quote ("On … wrote:", "在 … 写道：", an "Original Message" rule). */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .{1,200} wrote:|在.{1,200}写道[:：]|-{2,}\\s*(Original Message|原始邮件)\\s*-{2,}|From: .+)$");

    private MailText() {
    }

    public static String newPart(String body) {
        if (body == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (QUOTE_HEADER.matcher(trimmed).matches() && !kept.isEmpty()) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }
}
