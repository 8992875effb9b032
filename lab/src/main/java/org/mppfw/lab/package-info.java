/**
 * The mppfw lab provisioning server: a small standalone HTTP, HTTPS and TFTP server that a demo
 * or a new user points a phone at. It is a tool, never part of the phone image (not a bundle).
 *
 * <h2>Running it</h2>
 * <pre>
 * java -jar lab/target/mppfw-lab.jar [--root DIR] [--bind 127.0.0.1] [--host HOST]
 *                                    [--http 18080] [--https 18443] [--tftp 16969]
 * </pre>
 * It needs no set-up. At first start it makes in the root folder (default {@code lab-root}):
 * <ul>
 * <li>{@code lab-ca.pem}: a lab CA (RSA 2048, Bouncy Castle), served at
 * {@code http://HOST:18080/lab-ca.pem} for the phone's {@code Custom_CA_Rule};</li>
 * <li>{@code lab-keys.p12}: the CA's key and the HTTPS server's key and certificate, issued by
 * the CA for {@code IP:127.0.0.1}, {@code IP:<bind address>}, {@code DNS:localhost} (and
 * {@code --host}); issued again by the same CA when the bind address changes;</li>
 * <li>{@code lab-secrets.properties}: the profile key given as {@code GPP_SA} and the RFC 8188
 * IKM given as {@code IKM_HTTP_Encrypt_Content} (16 random characters, whose UTF-8 bytes are
 * the 16-byte key material), and the key store's password.</li>
 * </ul>
 * Later starts reuse them, so a phone provisioned once keeps working. The secret files are
 * never served, and no secret is ever written to the log.
 *
 * <h2>What it serves</h2>
 * For any MAC of 12 hex digits (either case), {@code <device><flat-profile>} documents made on
 * request, using only parameters of the phone's catalog:
 * <ul>
 * <li>{@code /bootstrap.xml} (plain; HTTP, HTTPS, TFTP): {@code Custom_CA_Rule} =
 * {@code http://HOST:HTTP/lab-ca.pem}, {@code Profile_Rule_B} =
 * {@code https://HOST:HTTPS/secure/$MA.xml}, {@code Resync_Periodic} = 3600;</li>
 * <li>{@code /secure/MAC.xml} (HTTPS only, 403 otherwise): {@code GPP_SA},
 * {@code IKM_HTTP_Encrypt_Content}, {@code Profile_Rule_C} =
 * {@code [--key $SA] http://HOST:HTTP/cfg/$MA.cfg}, {@code Profile_Rule_D} =
 * {@code http://HOST:HTTP/ece/$MA.xml};</li>
 * <li>{@code /cfg/MAC.cfg}: the per-MAC profile gzipped, then encrypted exactly as
 * {@code openssl enc -aes-256-cbc -k <GPP_SA>} (SHA-256 key derivation);</li>
 * <li>{@code /ece/MAC.xml}: the per-MAC profile RFC 8188 {@code aes128gcm}-encrypted, served
 * with {@code Content-Encoding: aes128gcm} (HTTP and HTTPS only);</li>
 * <li>{@code /plain/MAC.xml} and {@code /plain/MAC.xml.gz}.</li>
 * </ul>
 * Any other file under the root is served as is over the three protocols (firmware images,
 * one's own profiles); a file there wins over a made profile of the same path. {@code ..},
 * absolute paths and links out of the root are refused (403, TFTP error 2); what does not
 * exist is 404 (TFTP error 1).
 *
 * <p>It also plays the activation server of remote customization and short codes
 * ({@code /cda/MAC}, {@code /activate?code=#NNN}) and, apart from it, the onboarding service of
 * 16-digit activation codes ({@code /onboarding/activate?code=CODE}); see
 * {@link org.mppfw.lab.http.ActivationFront}. A factory-reset phone whose
 * {@code Activation_Server_URL} is the lab's HTTP URL is sent to {@code /bootstrap.xml}; its
 * {@code Onboarding_Server_URL} is that URL and {@code /onboarding}.
 *
 * <p>It prints what it serves and the {@code Profile_Rule} to give the phone
 * ({@code http://HOST:HTTP/bootstrap.xml}), logs one line per request (client, protocol,
 * method, path, status, bytes, User-Agent) and stops cleanly on Ctrl-C or SIGTERM.
 *
 * <p>The encodings are the lab's own ({@link org.mppfw.lab.encode}), made from their
 * specifications: the lab uses only the phone's {@code api}, as any provisioning server could. The
 * HTTP side is in {@link org.mppfw.lab.http}, the TFTP side in {@link org.mppfw.lab.tftp}; each
 * says why it is built the way it is.
 */
package org.mppfw.lab;
