package org.mppfw.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The phone's parameters: catalog, current values and user access, persisted in the data dir
 * so that a crash at any moment leaves the old set or the new set, never a mix.
 */
@ProviderType
public interface ParameterStore {

    /** What exports and screens show in place of a secret that is set. */
    String MASK = "************";

    /** The catalog, in its documented order. */
    Collection<ParameterDefinition> catalog();

    /** The catalog entry of a name (case-sensitive), if the phone knows it. */
    Optional<ParameterDefinition> definition(String name);

    /**
     * The field's label on the phone's web page ({@code Profile Rule}), empty where the catalog
     * records none or the name is unknown.
     *
     * @since 1.3
     */
    default String label(String name) {
        return "";
    }

    /** The current state of a parameter, if the phone knows it. */
    Optional<Parameter> parameter(String name);

    /**
     * The current value of a parameter.
     *
     * @throws ParameterException if the name is unknown
     */
    String get(String name);

    /** All current values, by name, in catalog order (secrets included: never print them). */
    Map<String, String> values();

    /**
     * Sets one value, validated against the catalog and persisted before it returns.
     *
     * @throws ParameterException if the name is unknown, the value invalid, or a
     *         {@link ChangeSource#USER} lacks {@link Access#RW}
     * @throws IOException        if it cannot be persisted (nothing changed)
     */
    void set(String name, String value, ChangeSource source) throws IOException;

    /**
     * Sets several values at once: all of them or none.
     *
     * @throws ParameterException if any is refused (nothing changed)
     * @throws IOException        if they cannot be persisted (nothing changed)
     */
    void setAll(Map<String, String> values, ChangeSource source) throws IOException;

    /**
     * Parses a {@code <flat-profile>} document and applies it atomically: the valid parameters
     * are applied and persisted as one change set; invalid ones are reported, not applied.
     *
     * @param xml    the document (UTF-8); the store closes nothing
     * @param source who applies it, normally {@link ChangeSource#PROFILE}
     * @throws ProfileException if the document cannot be applied at all (nothing changed)
     * @throws IOException      if reading or persisting fails (nothing changed)
     */
    ApplyResult applyProfile(InputStream xml, ChangeSource source) throws ProfileException, IOException;

    /**
     * Applies a {@code <flat-profile>} read as {@link #applyProfile} reads it (values, {@code ua}
     * attributes, {@code preserve-value}, unknown names ignored, a masked value leaving its
     * parameter's value as it is), but all or nothing: if any parameter would be rejected, nothing
     * changes. A profile pushed by an admin.
     *
     * @throws ParameterException naming the refused parameters (nothing changed)
     * @throws ProfileException   if the document cannot be applied at all (nothing changed)
     * @throws IOException        if reading or persisting fails (nothing changed)
     * @since 1.4
     */
    default ApplyResult applyProfileAllOrNothing(InputStream xml, ChangeSource source)
            throws ProfileException, IOException {
        throw new UnsupportedOperationException("this store applies profiles only as a download");
    }

    /** Writes every parameter as a {@code <flat-profile>} document with secrets masked. */
    void exportProfile(OutputStream out) throws IOException;

    /**
     * Writes the parameters {@code names} accepts as a {@code <flat-profile>} document in the
     * form of {@link #exportProfile(OutputStream)} (catalog order, secrets masked): a report of
     * what changed ({@code Report_Rule --delta}).
     *
     * @since 1.1
     */
    void exportProfile(OutputStream out, java.util.function.Predicate<String> names) throws IOException;

    /** Restores every default and access, and clears the out-of-box state; persisted at once. */
    void factoryReset() throws IOException;
}
