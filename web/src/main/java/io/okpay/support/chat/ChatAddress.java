package io.okpay.support.chat;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** /support/chat, the chat's short address (links, e-mails): the page itself is /support/chat.xhtml. */
@WebServlet("/support/chat")
public class ChatAddress extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/support/chat.xhtml");
    }
}
