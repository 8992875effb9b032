package org.mppfw.provisioning.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names the expander knows as macros (reference table of macro variables). A value comes
 * from a {@link org.mppfw.api.provisioning.MacroSource}; a name not listed here is never a
 * macro, whatever a source would answer.
 */
final class Macros {

    /** Highest line number of the numbered macros {@code $UIDn}, {@code $AUTHIDn}, ... */
    static final int LINES = 10;

    /**
     * The numbered macros and the per-line parameters they show: {@code $UID2} is {@code User_ID_2_},
     * {@code $DISPLAYNAME2} {@code Display_Name_2_}, {@code $AUTHID2} {@code Auth_ID_2_},
     * {@code $PROXY2} {@code Proxy_2_}.
     */
    private static final Map<String, String> PER_LINE = Map.of("UID", "User_ID_", "DISPLAYNAME", "Display_Name_",
            "AUTHID", "Auth_ID_", "PROXY", "Proxy_");

    private static final Set<String> NAMES = new HashSet<>();
    private static final Set<String> SECRETS = Set.of("SA", "SB", "SC", "SD");
    private static final int LONGEST;

    static {
        for (char c = 'A'; c <= 'P'; c++) {
            NAMES.add(String.valueOf(c));
        }
        NAMES.addAll(SECRETS);
        NAMES.addAll(Set.of("MA", "MAU", "MAC", "PN", "PSN", "SN", "CCERT", "IP", "EXTIP", "SWVER", "HWVER",
                "PRVST", "UPGST", "UPGERR", "PRVTMR", "UPGTMR", "UPGCOND", "SCHEME", "METH", "SERV", "SERVIP",
                "PORT", "PATH", "ERR", "ISCUST", "INCOMINGNAME", "REMOTENUMBER", "XML_User_Name",
                "SERIAL_NUMBER", "ORIGTYPE", "AUTHSTATUS", "VERSION", "NOTIFY", "PROXY", "USER"));
        NAMES.add("REGTMR1");
        NAMES.add("REGTMR2");
        for (int n = 1; n <= LINES; n++) {
            for (String numbered : PER_LINE.keySet()) {
                NAMES.add(numbered + n);
            }
        }
        LONGEST = NAMES.stream().mapToInt(String::length).max().orElseThrow();
    }

    private Macros() {
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** {@code SA}..{@code SD}: expanded only inside {@code --key}, {@code --uid}, {@code --pwd}. */
    static boolean isSecret(String name) {
        return SECRETS.contains(name);
    }

    /** The longest known name that starts at {@code from}, or {@code null}. */
    static String longestAt(CharSequence text, int from) {
        int max = Math.min(LONGEST, text.length() - from);
        for (int len = max; len > 0; len--) {
            String candidate = text.subSequence(from, from + len).toString();
            if (NAMES.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The macro that shows a parameter's value, or {@code null}: {@code GPP_C} is {@code $C},
     * {@code GPP_SA} is {@code $SA}, {@code User_ID_2_} is {@code $UID2}, {@code Proxy_2_} is
     * {@code $PROXY2} (and likewise {@code $DISPLAYNAMEn}, {@code $AUTHIDn}).
     */
    static String forParameter(String parameter) {
        if (parameter.startsWith("GPP_")) {
            String rest = parameter.substring(4);
            return isKnown(rest) && (rest.length() == 1 || isSecret(rest)) ? rest : null;
        }
        for (Map.Entry<String, String> e : PER_LINE.entrySet()) {
            String prefix = e.getValue();
            if (parameter.startsWith(prefix) && parameter.endsWith("_") && parameter.length() > prefix.length() + 1) {
                String macro = e.getKey() + parameter.substring(prefix.length(), parameter.length() - 1);
                return isKnown(macro) ? macro : null;
            }
        }
        return null;
    }

    /**
     * The per-line parameter a numbered macro shows, or {@code null}: {@code UID2} is
     * {@code User_ID_2_}, {@code PROXY1} is {@code Proxy_1_}; {@code PROXY} alone is no line's.
     */
    static String lineParameter(String macro) {
        if (!isKnown(macro)) {
            return null;
        }
        for (Map.Entry<String, String> e : PER_LINE.entrySet()) {
            String stem = e.getKey();
            if (macro.length() > stem.length() && macro.startsWith(stem)
                    && Character.isDigit(macro.charAt(stem.length()))) {
                return e.getValue() + macro.substring(stem.length()) + "_";
            }
        }
        return null;
    }

    /** {@code c} -> {@code GPP_C}: the short names assignments may use for GPP_A..GPP_P. */
    static String gppParameter(char letter) {
        return "GPP_" + String.valueOf(letter).toUpperCase(Locale.ROOT);
    }
}
