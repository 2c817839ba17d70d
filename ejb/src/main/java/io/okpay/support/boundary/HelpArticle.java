package io.okpay.support.boundary;

/**
 * One help-centre article in one language, rendered: its slug (the same in every language), the topic it is listed
 * under, its title (the Markdown file's first heading), a one-paragraph summary, the body as safe HTML (raw HTML in
 * the source is escaped) and as plain text (what search looks in).
 */
public record HelpArticle(String slug, String topic, String title, String summary, String html, String text) {
}
