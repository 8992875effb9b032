package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.ParameterDefinition;

/**
 * Every parameter name the bundles' code reads is in the catalog. The code names parameters by
 * string literals in the MPP style (words joined by {@code _}); this scans every main source file
 * of every bundle for such literals, so a new reader is checked the day it is written. A literal
 * passes when it is a catalog name or the start of one (names built at run time: {@code "GPP_" +
 * letter}, {@code "User_ID_" + n + "_"}); the few literals of that shape that are not parameter
 * names are listed here with the reason.
 */
class ReadNamesInCatalogTest {

    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9.\\-]*)+)\"");

    /** Literals shaped like parameter names that are something else. */
    private static final Map<String, String> NOT_PARAMETERS = Map.ofEntries(
            Map.entry("CHACHA20_POLY1305", "part of a TLS cipher suite name"),
            Map.entry("DHE_DSS", "part of a TLS cipher suite name"),
            Map.entry("DHE_RSA", "part of a TLS cipher suite name"),
            Map.entry("ECDHE_ECDSA", "part of a TLS cipher suite name"),
            Map.entry("ECDHE_RSA", "part of a TLS cipher suite name"),
            Map.entry("SERIAL_NUMBER", "a macro name ($SERIAL_NUMBER)"),
            Map.entry("XML_User_Name", "a macro name ($XML_User_Name)"),
            Map.entry("SO_PEERCRED", "a socket option"),
            Map.entry("Salted__", "OpenSSL's enc header"),
            Map.entry("authorized_keys", "an SSH file name"),
            Map.entry("host_key", "an SSH file name"),
            Map.entry("preferred_lft", "a field of ip(8)'s output"),
            Map.entry("reboot_now", "a SIP NOTIFY event"),
            Map.entry("restart_now", "a SIP NOTIFY event"),
            Map.entry("valid_lft", "a field of ip(8)'s output"));

    @Test
    void everyNameTheCodeReadsIsInTheCatalog() throws IOException {
        Set<String> names = Catalog.standard().definitions().stream().map(ParameterDefinition::name)
                .collect(Collectors.toSet());
        Map<String, Set<String>> literals = literals(bundlesDir());
        assertTrue(literals.size() > 20, "the scan found the sources: " + literals.keySet());
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : literals.entrySet()) {
            String lit = e.getKey();
            boolean known = names.contains(lit) || names.stream().anyMatch(n -> n.startsWith(lit));
            if (!known && !NOT_PARAMETERS.containsKey(lit)) {
                missing.put(lit, e.getValue());
            }
        }
        assertEquals(Map.of(), missing, "names read by the code (file) but not in the catalog");
        for (String listed : NOT_PARAMETERS.keySet()) {
            assertTrue(literals.containsKey(listed), listed + " is no longer in the sources: drop it from the list");
        }
    }

    @Test
    void theNamesOfTheReadmeAreIn() {
        Catalog c = Catalog.standard();
        for (String n : new String[] {"Proxy_Mode", "Proxy_Host", "Proxy_Port", "Proxy_Username", "Proxy_Password",
                "TLS_Cipher_List", "Profile_Account_User_Name", "Profile_Account_Password"}) {
            assertTrue(c.definition(n).isPresent(), n);
        }
        assertTrue(c.definition("Proxy_Password").orElseThrow().secret());
        assertTrue(c.definition("Profile_Account_Password").orElseThrow().secret());
        assertEquals(java.util.List.of("Auto", "Manual", "Off"), c.definition("Proxy_Mode").orElseThrow().choices());
        assertEquals(org.mppfw.api.config.Access.RW, c.definition("Proxy_Host").orElseThrow().access());
    }

    private static Path bundlesDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }

    /** Each literal with the files it is in. */
    static Map<String, Set<String>> literals(Path bundles) throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(bundles)) {
            for (Path module : modules.toList()) {
                Path src = module.resolve("src/main/java");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                        Matcher m = LITERAL.matcher(read(f));
                        while (m.find()) {
                            found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
                        }
                    });
                }
            }
        }
        return found;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
