package org.mppfw.lab;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.lab.encode.Aes128gcm;
import org.mppfw.lab.encode.Gzip;
import org.mppfw.lab.encode.OpensslEnc;

/**
 * The sample profiles, made per MAC on request, all {@code <flat-profile>} documents inside
 * {@code <device>} using only parameters of the phone's catalog.
 *
 * <pre>
 * /bootstrap.xml          plain: Custom_CA_Rule, Profile_Rule_B (HTTPS, $MA), Resync_Periodic
 * /secure/MAC.xml         HTTPS only: GPP_SA, IKM_HTTP_Encrypt_Content, Profile_Rule_C, Profile_Rule_D
 * /cfg/MAC.cfg            gzip, then openssl enc -aes-256-cbc -k GPP_SA (SHA-256 key derivation)
 * /ece/MAC.xml            RFC 8188 aes128gcm with the IKM's UTF-8 bytes (Content-Encoding: aes128gcm)
 * /plain/MAC.xml(.gz)     plain, and gzipped
 * </pre>
 */
public final class Profiles {

    /** RFC 8188 record size of the encrypted profiles (that of the RFC's examples). */
    static final int RECORD_SIZE = 4096;

    private final LabKeys keys;
    private final Endpoints endpoints;
    private final SecureRandom random = new SecureRandom();

    /** Where the lab is reached: the host put in URLs and the three ports. */
    public record Endpoints(String host, int http, int https, int tftp) {
        String hostForUrl() {
            return host.contains(":") ? "[" + host + "]" : host;
        }

        public String httpUrl() {
            return "http://" + hostForUrl() + ":" + http;
        }

        public String httpsUrl() {
            return "https://" + hostForUrl() + ":" + https;
        }

        public String tftpUrl() {
            return "tftp://" + hostForUrl() + ":" + tftp;
        }
    }

    public Profiles(LabKeys keys, Endpoints endpoints) {
        this.keys = keys;
        this.endpoints = endpoints;
    }

    /** The MAC of a file name such as {@code 0011AABBccdd}, in lower case, or null if it is not 12 hex digits. */
    public static String mac(String name) {
        if (name.length() != 12) {
            return null;
        }
        for (int i = 0; i < 12; i++) {
            if (Character.digit(name.charAt(i), 16) < 0) {
                return null;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    public byte[] bootstrap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Custom_CA_Rule", endpoints.httpUrl() + "/" + LabKeys.CA_PEM);
        p.put("Profile_Rule_B", endpoints.httpsUrl() + "/secure/$MA.xml");
        p.put("Resync_Periodic", "3600");
        return xml("bootstrap: trust the lab CA, then fetch the per-MAC secure profile over HTTPS", p, Map.of());
    }

    public byte[] secure(String mac) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("GPP_SA", keys.profileKey());
        p.put("IKM_HTTP_Encrypt_Content", keys.ikm());
        p.put("Profile_Rule_C", "[--key $SA] " + endpoints.httpUrl() + "/cfg/$MA.cfg");
        p.put("Profile_Rule_D", endpoints.httpUrl() + "/ece/$MA.xml");
        return xml("secure profile for " + mac + ": the keys of the encrypted profiles (HTTPS only)", p,
                Map.of("GPP_SA", "na", "IKM_HTTP_Encrypt_Content", "na"));
    }

    /** The per-MAC profile: what the encrypted and plain files carry. */
    public byte[] perMac(String mac, String file, String delivery) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Station_Name", "lab-" + mac);
        p.put("GPP_A", mac);
        p.put("GPP_B", file);
        p.put("GPP_C", delivery);
        p.put("GPP_D", "mppfw lab server");
        p.put("Resync_Periodic", "3600");
        return xml("per-MAC profile " + file, p, Map.of());
    }

    /** {@code /cfg/MAC.cfg}: gzip, then AES-256-CBC as {@code openssl enc -aes-256-cbc -k GPP_SA}. */
    public byte[] cfg(String mac, String file) {
        byte[] plain = perMac(mac, file, "gzip, then openssl enc -aes-256-cbc -k $SA (SHA-256)");
        return OpensslEnc.encrypt(Gzip.gzip(plain), keys.profileKey().getBytes(StandardCharsets.UTF_8),
                KdfDigest.SHA256, random);
    }

    /** {@code /ece/MAC.xml}: RFC 8188 aes128gcm with the UTF-8 bytes of the IKM. */
    public byte[] ece(String mac, String file) {
        byte[] plain = perMac(mac, file, "RFC 8188 aes128gcm (IKM_HTTP_Encrypt_Content)");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return Aes128gcm.encrypt(plain, keys.ikm().getBytes(StandardCharsets.UTF_8), salt, RECORD_SIZE);
    }

    public byte[] plain(String mac, String file) {
        return perMac(mac, file, "plain");
    }

    public byte[] plainGz(String mac, String file) {
        return Gzip.gzip(perMac(mac, file, "gzip"));
    }

    private static byte[] xml(String comment, Map<String, String> params, Map<String, String> access) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<!-- mppfw lab server: ").append(comment.replace("--", "- -")).append(" -->\n");
        b.append("<device>\n<flat-profile>\n");
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append("  <").append(e.getKey());
            String ua = access.get(e.getKey());
            if (ua != null) {
                b.append(" ua=\"").append(ua).append('"');
            }
            b.append('>').append(escape(e.getValue())).append("</").append(e.getKey()).append(">\n");
        }
        b.append("</flat-profile>\n</device>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
