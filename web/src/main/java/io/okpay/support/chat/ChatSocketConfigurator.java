package io.okpay.support.chat;

import io.okpay.shared.Messages;
import io.okpay.shared.security.OkPayIdentityStore;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Locale;

/**
 * Carries what the handshake knows into the socket: the session row of the signed-in HTTP session (the endpoint
 * reads the person from it, never from anything the browser sends) and the page's language (?lang=, for the texts
 * the socket sends). {@link ChatHandshakeFilter} has already refused foreign origins and visitors not signed in.
 */
public class ChatSocketConfigurator extends ServerEndpointConfig.Configurator {

    static final String SESSION_ROW = "okpay.chat.session";
    static final String LOCALE = "okpay.chat.locale";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Object http = request.getHttpSession();
        Object row = http instanceof HttpSession session ? session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE) : null;
        if (row instanceof String id) {
            config.getUserProperties().put(SESSION_ROW, id);
        } else {
            config.getUserProperties().remove(SESSION_ROW);
        }
        List<String> lang = request.getParameterMap().get("lang");
        config.getUserProperties().put(LOCALE, Messages.supported(Locale.forLanguageTag(
                lang == null || lang.isEmpty() ? "en" : lang.get(0).replace('_', '-'))));
    }
}
