package org.mppfw.sip.internal;

import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;

/**
 * One running JAIN-SIP stack (NIST's implementation, loaded by {@link SipFactory} by class name
 * from this bundle) with its factories, and the providers of the phone's listening points.
 * {@link #close()} stops it: its threads end and its ports are closed.
 */
final class Stack implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final SipStack sip;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final MessageFactory messages;

    private Stack(SipStack sip, HeaderFactory headers, AddressFactory addresses, MessageFactory messages) {
        this.sip = sip;
        this.headers = headers;
        this.addresses = addresses;
        this.messages = messages;
    }

    /** Starts a stack whose User-Agent is {@code userAgent}. */
    static Stack start(String userAgent) throws PeerUnavailableException {
        // before anything of the stack logs: its default logger would load log4j 1.x
        StackLog.install();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "mppfw-" + COUNT.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", StackLog.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", SafeParser.Factory.class.getName());
        // a NOTIFY (check-sync, resync, reboot) comes without any SUBSCRIBE of the phone
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "true");
        SipStack sip = factory.createSipStack(p);
        return new Stack(sip, factory.createHeaderFactory(), factory.createAddressFactory(),
                factory.createMessageFactory());
    }

    /** A provider listening on {@code ip:port} over UDP and TCP, its events to {@code listener}. */
    SipProvider provider(String ip, int port, SipListener listener) throws TransportNotSupportedException,
            InvalidArgumentException, ObjectInUseException, TooManyListenersException {
        ListeningPoint udp = sip.createListeningPoint(ip, port, ListeningPoint.UDP);
        ListeningPoint tcp;
        try {
            tcp = sip.createListeningPoint(ip, port, ListeningPoint.TCP);
        } catch (InvalidArgumentException | TransportNotSupportedException e) {
            sip.deleteListeningPoint(udp);
            throw e;
        }
        SipProvider provider = sip.createSipProvider(udp);
        try {
            provider.addListeningPoint(tcp);
        } catch (javax.sip.TransportAlreadySupportedException e) {
            throw new IllegalStateException(e);
        }
        provider.addSipListener(listener);
        return provider;
    }

    /** Stops listening on a provider's points. */
    void remove(SipProvider provider, SipListener listener) {
        try {
            provider.removeSipListener(listener);
            ListeningPoint[] points = provider.getListeningPoints();
            sip.deleteSipProvider(provider);
            for (ListeningPoint lp : points) {
                sip.deleteListeningPoint(lp);
            }
        } catch (ObjectInUseException e) {
            CommonLogger.legacyLogger.logWarning("listening point still in use: " + e.getMessage());
        }
    }

    /** The stack's digest helper answering challenges with {@code accounts}' credentials. */
    AuthenticationHelper authentication(AccountManager accounts) {
        return ((SipStackExt) sip).getAuthenticationHelper(accounts, headers);
    }

    @Override
    public void close() {
        sip.stop();
    }
}
