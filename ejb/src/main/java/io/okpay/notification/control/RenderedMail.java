package io.okpay.notification.control;

import io.okpay.shared.Messages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail ready to send: subject, plain text and the same words as simple, escaped HTML, signed with who runs this
 * OKPay.
 */
public record RenderedMail(String subject, String text, String html) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    /** {@code operator} is the operator's statement ({@link io.okpay.shared.Operator#statement}) in the same language. */
    static RenderedMail render(Locale locale, String subject, String body, String operator) {
        String footer = Messages.get(locale, "mail.footer");
        String text = body.strip() + "\n\n--\n" + footer + "\n" + operator + "\n";
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"").append(locale.toLanguageTag()).append("\"><head><meta charset=\"UTF-8\">")
                .append("<title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"margin:0;padding:24px;background:#f5f7fb;font-family:-apple-system,'Segoe UI',Roboto,")
                .append("'Noto Sans','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#14213d;line-height:1.55\">")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #d9dfea;border-radius:12px;padding:24px\">")
                .append("<p style=\"font-size:22px;font-weight:800;margin:0 0 16px\">OK<span style=\"color:#0b6e4f\">Pay</span></p>");
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(linkify(escape(paragraph)).replace("\n", "<br>")).append("</p>");
        }
        html.append("<p style=\"color:#4a5568;font-size:13px;border-top:1px solid #d9dfea;padding-top:12px;margin-top:24px\">")
                .append(escape(footer)).append("<br>").append(escape(operator)).append("</p></div></body></html>");
        return new RenderedMail(subject, text, html.toString());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Runs on escaped text: a URL there contains no quote or angle bracket, and &amp; stays as it is in the href. */
    private static String linkify(String escaped) {
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<a href=\"" + url + "\" style=\"color:#07523a\">" + url + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
