package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.mppfw.api.config.ProfileException;

/**
 * Reads a {@code <flat-profile>} document (the phone's XML profile format) into its parameter
 * elements without applying anything.
 *
 * <ul>
 * <li>{@code <flat-profile>} may sit at any depth inside arbitrary wrapper elements; a document
 * may hold several of them, read in document order (so a later one wins, like a later file).</li>
 * <li>Each child element of {@code <flat-profile>} is a parameter; names are case-sensitive.
 * A parameter element that contains elements is reported as unusable.</li>
 * <li>Values are trimmed and their line breaks become spaces; standard and numeric character
 * references are decoded; comments and processing instructions are ignored.</li>
 * <li>Input is UTF-8, with or without a byte-order mark.</li>
 * <li>A DOCTYPE, any entity other than the five predefined ones, more than
 * {@link SecureXml#MAX_BYTES} bytes, nesting deeper than {@link SecureXml#MAX_DEPTH} or more than
 * {@link SecureXml#MAX_ELEMENTS} elements end in a {@link ProfileException}.</li>
 * </ul>
 */
final class FlatProfileParser {

    static final String FLAT_PROFILE = "flat-profile";

    private FlatProfileParser() {
    }

    static FlatProfile parse(InputStream raw) throws ProfileException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this runtime", e);
        }
        SecureXml.LimitedInputStream limited = new SecureXml.LimitedInputStream(raw, SecureXml.MAX_BYTES);
        DigestInputStream digested = new DigestInputStream(limited, sha);
        XMLStreamReader reader = null;
        try {
            InputStream in = skipBom(digested);
            reader = SecureXml.reader(in);
            Walk walk = new Walk(reader);
            List<FlatProfile.Entry> entries = walk.run();
            drain(digested);
            return new FlatProfile(entries, walk.flatProfiles, HexFormat.of().formatHex(sha.digest()));
        } catch (XMLStreamException e) {
            if (limited.exceeded()) {
                throw tooBig();
            }
            if (SecureXml.isEncodingError(e)) {
                throw new ProfileException("profile is not valid UTF-8; nothing applied", 0, 0, null);
            }
            Location loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
            int col = loc == null ? 0 : Math.max(loc.getColumnNumber(), 0);
            throw new ProfileException("profile is not well-formed XML" + (line > 0 ? " at line " + line : "")
                    + ": " + cleanMessage(e), line, col, null);
        } catch (IOException e) {
            if (limited.exceeded()) {
                throw tooBig();
            }
            if (SecureXml.isEncodingError(e)) {
                throw new ProfileException("profile is not valid UTF-8; nothing applied", 0, 0, null);
            }
            throw new ProfileException("cannot read the profile: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), 0, 0, null);
        } catch (RuntimeException e) {
            // The JDK parser signals some encoding errors this way; network input must never
            // escape as anything but a ProfileException.
            if (limited.exceeded()) {
                throw tooBig();
            }
            throw new ProfileException("profile is not well-formed XML: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), 0, 0, null);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException | RuntimeException ignored) {
                    // nothing more to free
                }
            }
        }
    }

    private static ProfileException tooBig() {
        return new ProfileException("profile is larger than " + SecureXml.MAX_BYTES / (1024 * 1024)
                + " MiB; nothing applied", 0, 0, null);
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = 0;
        while (n < 3) {
            int r = p.read(head, n, 3 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            p.unread(head, 0, n);
        }
        return p;
    }

    /** Reads what the parser left, so that the digest covers the whole document. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // digest only
        }
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "parse error" : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + "Message: ".length());
        }
        return firstLine(m);
    }

    private static String firstLine(String m) {
        String s = m.strip();
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** One pass over the event stream. */
    private static final class Walk {

        private final XMLStreamReader r;
        private final List<FlatProfile.Entry> entries = new ArrayList<>();
        private int depth;
        private int elements;
        private int flatDepth = -1;
        int flatProfiles;

        // the parameter element being read
        private String name;
        private int paramLine;
        private String ua;
        private boolean preserve;
        private String problem;
        private final StringBuilder text = new StringBuilder();

        Walk(XMLStreamReader r) {
            this.r = r;
        }

        List<FlatProfile.Entry> run() throws XMLStreamException, ProfileException {
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD:
                        throw error("a DOCTYPE is not allowed in a profile");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw error("entity reference &" + r.getLocalName() + "; is not allowed in a profile");
                    case XMLStreamConstants.START_ELEMENT:
                        start();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (name != null && depth == flatDepth + 1 && text.length() <= Values.MAX_LENGTH) {
                            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        end();
                        break;
                    default:
                        break;
                }
            }
            return entries;
        }

        private void start() throws ProfileException {
            depth++;
            elements++;
            if (depth > SecureXml.MAX_DEPTH) {
                throw error("profile nests elements deeper than " + SecureXml.MAX_DEPTH + " levels");
            }
            if (elements > SecureXml.MAX_ELEMENTS) {
                throw error("profile has more than " + SecureXml.MAX_ELEMENTS + " elements");
            }
            String local = r.getLocalName();
            if (name != null) {
                if (problem == null) {
                    problem = "value must be text, found element <" + Values.abbreviate(local) + ">";
                }
            } else if (flatDepth >= 0 && depth == flatDepth + 1) {
                beginParameter(local);
            } else if (flatDepth < 0 && FLAT_PROFILE.equals(local)) {
                flatDepth = depth;
                flatProfiles++;
            }
        }

        private void beginParameter(String local) {
            name = local;
            paramLine = r.getLocation().getLineNumber();
            ua = null;
            preserve = false;
            problem = null;
            text.setLength(0);
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String attr = r.getAttributeLocalName(i);
                String value = r.getAttributeValue(i);
                if ("ua".equals(attr)) {
                    ua = value;
                    if (!value.equals("na") && !value.equals("ro") && !value.equals("rw") && problem == null) {
                        problem = "invalid ua=\"" + Values.abbreviate(value) + "\" (must be na, ro or rw)";
                    }
                } else if ("preserve-value".equals(attr)) {
                    String v = value.trim().toLowerCase(Locale.ROOT);
                    if (v.equals("y") || v.equals("yes")) {
                        preserve = true;
                    } else if (!v.equals("n") && !v.equals("no") && problem == null) {
                        problem = "invalid preserve-value=\"" + Values.abbreviate(value) + "\" (must be y or n)";
                    }
                }
                // other attributes (group="...", as in exports) are tolerated
            }
        }

        private void end() {
            if (name != null && depth == flatDepth + 1) {
                String p = problem;
                if (p == null && text.length() > Values.MAX_LENGTH) {
                    p = "value longer than " + Values.MAX_LENGTH + " characters";
                }
                String value = p == null ? clean(text) : "";
                entries.add(new FlatProfile.Entry(name, value, ua, preserve, p, paramLine));
                name = null;
                text.setLength(0);
            } else if (depth == flatDepth) {
                flatDepth = -1;
            }
            depth--;
        }

        private ProfileException error(String message) {
            Location loc = r.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
            int col = loc == null ? 0 : Math.max(loc.getColumnNumber(), 0);
            return new ProfileException(message + (line > 0 ? " (line " + line + ")" : "") + "; nothing applied",
                    line, col, null);
        }
    }

    /** Trims and turns each line break (CR LF, CR or LF) into one space. */
    static String clean(CharSequence text) {
        String s = text.toString().trim();
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
