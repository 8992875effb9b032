/**
 * The phone's SIP lines: registration of each enabled extension, NOTIFY from the provider, and
 * the calls that make the line state the resync and upgrade engines wait on.
 *
 * <h2>The stack</h2>
 * JAIN-SIP (the {@code javax.sip} API with NIST's reference implementation, Maven
 * {@code javax.sip:jain-sip-ri}), rather than a small stack of our own: it is the SIP stack Java
 * projects share (Restcomm, Jitsi, Mobicents), with RFC 3261 transactions, retransmissions,
 * dialogs, UDP and TCP framing, and a digest client already right; what the phone needs on top
 * of it is a few hundred lines. Both the API and the implementation are embedded in this bundle
 * as private packages ({@code bnd.bnd}): {@link javax.sip.SipFactory} loads the implementation by
 * class name ({@code gov.nist.javax.sip.SipStackImpl}), which works only within one class loader.
 * Its log4j 1.x logger is never loaded: {@link org.mppfw.sip.internal.StackLog} is installed as
 * the stack's logger before the stack exists ({@code gov.nist.javax.sip.STACK_LOGGER} and the
 * stack's static default), so the log4j, SDP and SCTP imports are dropped. Every datagram goes
 * through {@link org.mppfw.sip.internal.SafeParser}: whatever the stack's parser throws on
 * hostile input becomes a parse error (the message is dropped) instead of ending its reader.
 * The stack's own retransmission timers run on its threads; the phone's timers (refresh, retry)
 * run on the {@code Clock} service.
 *
 * <h2>Registration</h2>
 * Each extension n with {@code Line_Enable_n_} Yes, a {@code Proxy_n_} and a {@code User_ID_n_}
 * listens on its own {@code SIP_Port_n_} (UDP and TCP both, on the local address that routes to
 * its proxy) and registers there when {@code Register_n_} is Yes, over
 * {@code SIP_Transport_n_} (UDP, TCP; AUTO is UDP; TLS is not supported and shows as failed),
 * through {@code Outbound_Proxy_n_} when set (a loose route), answering 401/407 with digest
 * ({@code Auth_ID_n_} when {@code Use_Auth_ID_n_}, else the user id; {@code Password_n_}).
 * The refresh goes when 7/8 of the granted time has passed (UNCONFIRMED: the guides say only
 * "before it expires"); a failure (a refusal, no answer: the network is lost) is retried after
 * {@code Reg_Retry_Intvl}, and so is a port that cannot be had. When discovery tells a new
 * address ({@code NetworkListener}: a lease with another address, or one got back after a loss)
 * every line registers again at once from the address now routed to its proxy, without
 * unregistering the old binding (it may be unreachable; it expires at the registrar). A change of any of
 * the line's parameters unregisters the line and registers it again; the others are left alone.
 * When the component stops (shutdown, reboot, an upgrade that swaps this bundle) every line is
 * unregistered ({@code Expires: 0}, waiting up to two seconds for each answer) and the stack is
 * stopped; the new bundle registers at its start. The User-Agent is {@code SIP_User_Agent_Name}
 * (default {@code $VERSION}: {@code Cisco-CP-8845-3PCC/12.0.1}) with the phone's macros.
 *
 * <h2>NOTIFY</h2>
 * See {@link org.mppfw.sip.internal.NotifyHandler}: {@code check-sync} (with {@code reboot=true}:
 * a reboot), {@code resync} (with {@code profile="URL"}: that URL), {@code reboot_now},
 * {@code restart_now} (the same reboot: the phone has no lighter restart), {@code report},
 * {@code prt-gen}. The reading of the guide's {@code Auth_Resync-Reboot}: Yes challenges the
 * NOTIFY with digest and takes only the line's own credentials (realm: the proxy's host); No takes
 * a NOTIFY only from the address of the line's proxy or outbound proxy.
 * {@code Resync_From_SIP} No refuses resyncs (403) and not reboots or reports, as the reference
 * reads it; a {@code profile=} URL outside {@code Restricted_Access_Domains} is refused (403) before
 * anything starts. A resync asked by NOTIFY skips the idle gate, as the reference says of SIP
 * requests.
 *
 * <h2>Calls</h2>
 * An INVITE rings the line (180), {@code sip:answer} connects it with a real SDP answer (G.711
 * from the offer, telephone-event when offered, RTP port 16384 + 2(n-1)); the caller's CANCEL
 * (487) or BYE, or {@code sip:hangup} (603 while ringing, BYE when connected) end it. No media is
 * sent or received: the phone has no audio path (out of scope). One call per line; another
 * INVITE gets 486. The calls are published through {@code LineState.calls()} and the
 * {@code CallListener} whiteboard; the LCD's Answer, Decline and End call keys act through
 * {@code LineState.answer}/{@code hangup}. A BYE the phone sends waits for the ACK of its 200
 * (RFC 3261 15: the callee sends no BYE on a dialog not yet confirmed).
 *
 * <p>Decline is {@code 603 Decline}, not {@code 486 Busy Here} (the guides name the soft key but
 * not the code; UNCONFIRMED): 603 says the user refused the call, which is what the key means, and
 * a provider does not take it for a busy line (486 would trigger call forward on busy).
 */
package org.mppfw.sip.internal;
