package org.mppfw.config.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one XML factory of the store, hardened for input from the network: no DTD, no external
 * entities, no entity replacement, and a byte limit enforced while reading. Callers add the
 * structural checks (DOCTYPE refused, depth and element count limits) as they walk the events.
 */
final class SecureXml {

    /** Largest document accepted, counted while reading. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    /** Deepest element nesting accepted. */
    static final int MAX_DEPTH = 32;
    /** Most elements accepted in one document. */
    static final int MAX_ELEMENTS = 200_000;

    private static final XMLInputFactory FACTORY = create();

    private SecureXml() {
    }

    private static XMLInputFactory create() {
        // The JDK's own implementation: always present, no service lookup through the bundle.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        // errors become exceptions with a location; nothing is printed to the console
        f.setXMLReporter((message, type, info, location) -> {
        });
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return f;
    }

    /**
     * A reader of UTF-8 XML; the stream should already be limited and free of a BOM. The bytes
     * are decoded here, strictly, whatever the XML declaration says: the phone reads UTF-8 only.
     */
    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        // the parser closes its input at the end of the document; the caller owns the stream
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
                // left to the caller
            }
        };
        Reader chars = new InputStreamReader(unclosable, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(chars);
        }
    }

    /** Whether a parse failure comes from bytes that are not UTF-8. */
    static boolean isEncodingError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null
                    && x.getNestedException() != t && isEncodingError(x.getNestedException())) {
                return true;
            }
        }
        return false;
    }

    /** Counts bytes and fails once more than the limit has been read. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("document larger than " + limit + " bytes");
            }
        }
    }
}
