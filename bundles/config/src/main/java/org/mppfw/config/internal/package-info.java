/**
 * The parameter store bundle: catalog, crash-safe persistence, the hardened
 * {@code <flat-profile>} parser and atomic applier, the device identity, the system clock and
 * the {@code param:} / {@code sys:} shell commands.
 *
 * <p>The profile parser is the JDK's own StAX parser ({@code java.xml}), configured once in
 * {@code SecureXml}; the only code of our own is the walk over its events that implements the
 * {@code <flat-profile>} rules, and the byte/depth/element limits that the JDK does not impose
 * the way the phone needs (counted while reading, each failure a clear message).
 *
 * <p>Values across firmware versions: a stored entry the running catalog does not know, or
 * whose value it refuses, is kept as it was read ({@code KeptValue}) instead of being dropped:
 * written back after the catalog's own entries on every write, in the same {@code <p>} element
 * (so that an older firmware reads the file), never applied, exported nor shown as a parameter.
 * A catalog that knows the name takes the value back when it reads the file, checked as usual;
 * a write of the name on the running firmware supersedes it (a masked value in a profile, which
 * is not applied, does not); a factory reset clears it. Choices: the store cannot know whether
 * an unknown name is a secret, so no kept value is ever shown or logged; {@code param:kept}
 * (rather than {@code sys:info}, which is about the device) lists names, access, user flag and
 * why, and {@code param:list} ends with their names and count; a refused value keeps the
 * parameter at its default (as before) rather than being moved to a file aside, so that the
 * firmware that stored it finds it again.
 *
 * <p>The export ({@code CfgXml}, {@code param:export}) is laid out as a real phone's
 * {@code cfg.xml}: an XML declaration, one {@code <flat-profile>}, a comment naming the web page
 * and section where each group of the catalog starts, one element per parameter in the catalog's
 * order with its {@code ua}, no indentation, and an empty value as an empty element. Secrets: the
 * reference (§3.1) says exports mask passwords; a set secret is written as the store's mask of
 * {@code *} (which the importer never applies) and an empty one as an empty element, so the file
 * reveals whether a secret is set, as the phone's own does, and importing it back changes
 * nothing. A round trip through a factory reset restores every value and {@code ua} but the
 * secrets, which the file never held.
 *
 * <p>The catalog holds every name the bundles read ({@code ReadNamesInCatalogTest} scans their
 * sources): the HTTP proxy with the 8800 guide's names, choices and defaults ({@code Proxy_Mode}
 * Auto, Manual or Off, factory Off, {@code ua} rw), {@code TLS_Cipher_List}, and the profile
 * account {@code Profile_Account_User_Name} / {@code Profile_Account_Password}, names of our own
 * (the guides show the screen only). The per-line {@code Proxy_n_}, {@code Display_Name_n_},
 * {@code User_ID_n_}, {@code Auth_ID_n_} are rows of their own for the 8845's ten extensions,
 * the way {@code User_ID_1_} was.
 *
 * <p>The model: the store's catalog is that of the device identity's model (the product name
 * chosen at the first boot, {@code --model CP-7841-3PCC}), matched to a {@code @model} line of the
 * catalog by its product name, case ignored. A model the catalog does not declare boots with the
 * default model's catalog (the file's first, the 8845) and one warning in the log, rather than
 * refusing to boot: the phone stays reachable and provisionable. Order: the public templates
 * written from a phone's {@code cfg.xml} (FusionPBX's 8851 one lists each section for Ext 1, then
 * the same sections again for Ext 2, and Line Key 1's four parameters before Line Key 2's), so a
 * run of per-line rows is expanded line by line ({@code CatalogReader}), and the export's group
 * comment is repeated for each extension.
 */
package org.mppfw.config.internal;
