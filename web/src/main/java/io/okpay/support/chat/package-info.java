/**
 * The live chat's WebSocket side: the handshake check (signed-in page session, Origin), the person's and the
 * operator's endpoints under /ws/, and the hub that delivers what the database holds to this instance's sockets.
 * The chat itself (lines, presence, tickets) is {@link io.okpay.support.boundary.SupportChats}.
 */
package io.okpay.support.chat;
