package io.okpay.shared.web;

import io.okpay.shared.Messages;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The API reference at /api/docs: Swagger UI (the org.webjars:swagger-ui jar) showing the contract Payara serves at
 * /openapi, with "Try it out" against this server. The page is a template in WEB-INF (no inline script or style, for
 * the Content-Security-Policy): resources/js/api-docs.js starts Swagger UI. The two Swagger UI files are served from
 * the class path under /api/docs/swagger-ui/, so they are there wherever the jar is (WEB-INF/lib, or the EAR's lib/).
 */
@WebServlet(urlPatterns = {ApiDocsServlet.PATH, ApiDocsServlet.PATH + "/swagger-ui/*"})
public class ApiDocsServlet extends HttpServlet {

    static final String PATH = "/api/docs";
    private static final Map<String, String> ASSETS = Map.of("/swagger-ui-bundle.js", "text/javascript",
            "/swagger-ui.css", "text/css");
    private static final String TEMPLATE = "/WEB-INF/api-docs.html";
    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private String template;
    private String swaggerUiVersion;

    @Override
    public void init() throws ServletException {
        try (InputStream page = getServletContext().getResourceAsStream(TEMPLATE);
             InputStream pom = ApiDocsServlet.class.getResourceAsStream(SWAGGER_UI_POM)) {
            if (page == null || pom == null) {
                throw new ServletException("missing " + (page == null ? TEMPLATE : SWAGGER_UI_POM));
            }
            template = new String(page.readAllBytes(), StandardCharsets.UTF_8);
            Properties webjar = new Properties();
            webjar.load(pom);
            swaggerUiVersion = webjar.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null) {
            asset(request.getPathInfo(), response);
            return;
        }
        Locale locale = Messages.supported(request.getLocale());
        String context = request.getContextPath();
        String page = template
                .replace("{{lang}}", locale.toLanguageTag())
                .replace("{{swagger}}", context + PATH + "/swagger-ui")
                .replace("{{context}}", context)
                .replace("{{title}}", html(Messages.get(locale, "apidocs.title")))
                .replace("{{lead}}", html(Messages.get(locale, "apidocs.lead")))
                .replace("{{home}}", html(Messages.get(locale, "apidocs.home")))
                .replace("{{document}}", html(Messages.get(locale, "apidocs.document")));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(page);
    }

    private void asset(String name, HttpServletResponse response) throws IOException {
        String type = ASSETS.get(name);
        InputStream content = type == null ? null : ApiDocsServlet.class.getResourceAsStream(
                "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion + name);
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (content) {
            response.setContentType(type + ";charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=86400");
            content.transferTo(response.getOutputStream());
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
