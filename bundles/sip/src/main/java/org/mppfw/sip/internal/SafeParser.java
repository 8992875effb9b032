package org.mppfw.sip.internal;

import java.text.ParseException;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * The stack's message parser, with whatever it throws on input it does not expect turned into a
 * parse error, so that a hostile datagram is dropped instead of ending the thread that reads the
 * port.
 */
final class SafeParser extends StringMsgParser {

    static {
        StackLog.install();
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] msgBuffer, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        try {
            return super.parseSIPMessage(msgBuffer, readBody, strict, listener);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ParseException("unreadable SIP message: " + e, 0);
        }
    }

    /** Makes the stack's parsers ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}). */
    public static final class Factory implements MessageParserFactory {
        @Override
        public MessageParser createMessageParser(SIPTransactionStack stack) {
            return new SafeParser();
        }
    }

    /** The message of a datagram, or null when it is refused. */
    static SIPMessage parse(byte[] datagram) {
        try {
            return new SafeParser().parseSIPMessage(datagram, true, false, null);
        } catch (ParseException e) {
            return null;
        }
    }
}
