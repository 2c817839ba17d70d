package io.okpay.shared.security;

import io.okpay.identity.boundary.ApiTokens;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The public keys that verify OKPay's access tokens, by kid (RFC 7517), for anyone who wants to check a token. */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    @EJB
    ApiTokens apiTokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(apiTokens.publicKeys());
    }
}
