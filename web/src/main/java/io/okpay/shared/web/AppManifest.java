package io.okpay.shared.web;

import io.okpay.shared.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

import static io.okpay.shared.JsonBuilders.JSON;

/**
 * The web app manifest that lets a phone install OKPay on its home screen, in the language of the request (the page
 * links it with its own ?lang=). It starts at the wallet's home, which asks a signed-out person to sign in.
 */
@WebServlet("/manifest.webmanifest")
public class AppManifest extends HttpServlet {

    private static final String BRAND = "#0b6e4f";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = request.getLocale();
        String root = request.getContextPath();
        JsonArrayBuilder icons = JSON.createArrayBuilder()
                .add(icon(root + "/resources/icons/icon-192.png", "192x192", "any"))
                .add(icon(root + "/resources/icons/icon-512.png", "512x512", "any"))
                .add(icon(root + "/resources/icons/icon-maskable-512.png", "512x512", "maskable"));
        String manifest = JSON.createObjectBuilder()
                .add("id", root + "/")
                .add("name", Messages.get(locale, "app.install.name"))
                .add("short_name", "OKPay")
                .add("description", Messages.get(locale, "app.tagline"))
                .add("lang", locale.toLanguageTag())
                .add("start_url", root + "/wallet/home.xhtml?lang=" + locale.toLanguageTag())
                .add("scope", root + "/")
                .add("display", "standalone")
                .add("background_color", "#f5f7fb")
                .add("theme_color", BRAND)
                .add("icons", icons)
                .build().toString();
        response.setContentType("application/manifest+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("Vary", "Accept-Language, Cookie");
        response.getWriter().write(manifest);
    }

    private static JsonObjectBuilder icon(String src, String sizes, String purpose) {
        return JSON.createObjectBuilder().add("src", src).add("sizes", sizes).add("type", "image/png")
                .add("purpose", purpose);
    }
}
