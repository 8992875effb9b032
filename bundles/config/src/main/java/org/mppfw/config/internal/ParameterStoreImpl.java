package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.config.Rejection;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parameter store, usable without OSGi. Readers see an immutable snapshot; writers build
 * the next snapshot, persist it in one atomic write, swap it in and then queue one change event,
 * delivered outside the write lock in commit order.
 *
 * <p>Rules beyond the {@link ParameterStore} contract:
 * <ul>
 * <li>In a profile, the last occurrence of a name is the one applied; earlier ones are ignored,
 * even when the last one is rejected.</li>
 * <li>An empty element sets the empty string, unless {@link Options#emptyResetsToDefault()}
 * asks for the legacy reading (empty resets to the default).</li>
 * <li>A value made only of {@code *} is a mask: a profile never applies it (reported as
 * rejected, its {@code ua} still applies); {@link #set} ignores it for a secret.</li>
 * <li>{@code preserve-value="y"}: the value is applied only if the user has not set the
 * parameter; the {@code ua} attribute applies either way.</li>
 * <li>The user-set flag becomes true when {@link ChangeSource#USER} changes a value, and false
 * when any other source changes it.</li>
 * <li>Stored values this catalog cannot take are {@linkplain #kept() kept} as they are through
 * every write; a write of a name supersedes its kept value; a factory reset clears them.</li>
 * </ul>
 */
public final class ParameterStoreImpl implements ParameterStore, KeptValues {

    /**
     * Behaviour switches.
     *
     * @param emptyResetsToDefault an empty profile element resets to the default instead of
     *                             setting the empty string
     * @param events               where change events are delivered
     */
    public record Options(boolean emptyResetsToDefault, Executor events) {
        public Options {
            Objects.requireNonNull(events, "events");
        }

        /** Empty means empty; events delivered on the committing thread, after the commit. */
        public static Options defaults() {
            return new Options(false, Runnable::run);
        }
    }

    static final String CONFIG_DIR = "config";
    private static final Logger LOG = LoggerFactory.getLogger(ParameterStoreImpl.class);
    private static final String MASKED = "masked value not applied";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Path file;
    private final Catalog catalog;
    private volatile boolean emptyResetsToDefault;
    private final Object writeLock = new Object();
    private volatile Map<String, Slot> state;
    private volatile Map<String, KeptValue> kept;
    private final ChangeDelivery changes;

    /**
     * Opens the store of a data dir, creating {@code <data>/config} if needed. A temporary file
     * left by a crash is removed; a corrupt parameter file is kept aside and the factory state
     * loaded.
     */
    public ParameterStoreImpl(Path dataDir, Catalog catalog, Options options) throws IOException {
        this.dataDir = dataDir;
        this.catalog = catalog;
        this.changes = new ChangeDelivery(options.events());
        this.emptyResetsToDefault = options.emptyResetsToDefault();
        Path dir = dataDir.resolve(CONFIG_DIR);
        Durable.createPrivateDirectories(dataDir);
        Durable.createPrivateDirectories(dir);
        this.file = dir.resolve(ParameterFile.FILE_NAME);
        if (Files.deleteIfExists(Durable.tempOf(file))) {
            LOG.info("Ignored an unfinished parameter write left by an interrupted run");
        }
        ParameterFile.Contents c = load();
        this.state = Collections.unmodifiableMap(c.slots());
        this.kept = Collections.unmodifiableMap(c.kept());
    }

    private ParameterFile.Contents load() throws IOException {
        if (!Files.exists(file)) {
            return new ParameterFile.Contents(ParameterFile.defaults(catalog), Map.of());
        }
        try {
            return ParameterFile.read(file, catalog);
        } catch (ParameterFile.CorruptException e) {
            Path aside = file.resolveSibling(ParameterFile.FILE_NAME + ".corrupt-" + STAMP.format(Instant.now()));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            Durable.syncDir(file.getParent());
            LOG.error("The stored parameters are corrupt ({}); kept as {} and starting from factory defaults",
                    e.getMessage(), aside.getFileName());
            return new ParameterFile.Contents(ParameterFile.defaults(catalog), Map.of());
        }
    }

    /** The compatibility switch for empty profile elements. */
    public void setEmptyResetsToDefault(boolean on) {
        this.emptyResetsToDefault = on;
    }

    /** Where the parameters are persisted. */
    public Path file() {
        return file;
    }

    public Path dataDir() {
        return dataDir;
    }

    // ---------------------------------------------------------------- listeners

    /** Adds a listener; {@code names} null or empty means every parameter. */
    public void addListener(ParameterListener listener, Collection<String> names) {
        changes.addListener(listener, names);
    }

    public void removeListener(ParameterListener listener) {
        changes.removeListener(listener);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Collection<ParameterDefinition> catalog() {
        return catalog.definitions();
    }

    @Override
    public Optional<ParameterDefinition> definition(String name) {
        return catalog.definition(name);
    }

    @Override
    public String label(String name) {
        return catalog.label(name);
    }

    @Override
    public Optional<Parameter> parameter(String name) {
        Optional<ParameterDefinition> d = catalog.definition(name);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Slot s = state.get(name);
        return Optional.of(new Parameter(d.get(), s.value(), s.access(), s.userSet()));
    }

    @Override
    public String get(String name) {
        catalog.require(name);
        return state.get(name).value();
    }

    /** The stored values this catalog cannot take, in file order; never applied nor exported. */
    @Override
    public List<KeptValue> kept() {
        return List.copyOf(kept.values());
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        state.forEach((k, v) -> m.put(k, v.value()));
        return Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void set(String name, String value, ChangeSource source) throws IOException {
        setAll(Collections.singletonMap(name, value), source);
    }

    @Override
    public void setAll(Map<String, String> values, ChangeSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        List<ParameterChange> changes;
        synchronized (writeLock) {
            Map<String, Slot> next = new LinkedHashMap<>(state);
            Map<String, KeptValue> nextKept = new LinkedHashMap<>(kept);
            changes = new ArrayList<>();
            boolean dirty = false;
            for (Map.Entry<String, String> e : values.entrySet()) {
                ParameterDefinition d = catalog.require(e.getKey());
                Slot cur = next.get(d.name());
                if (source == ChangeSource.USER && cur.access() != Access.RW) {
                    throw new ParameterException(d.name() + ": the user may not change this parameter");
                }
                if (e.getValue() != null && d.secret() && Values.isMasked(e.getValue())) {
                    continue; // a secret shown masked and sent back unchanged
                }
                String v = Values.normalize(d, e.getValue());
                boolean valueChanged = !v.equals(cur.value());
                boolean user = source == ChangeSource.USER;
                Slot s = new Slot(v, cur.access(), valueChanged ? user : cur.userSet() || user);
                dirty |= nextKept.remove(d.name()) != null;
                if (!s.equals(cur)) {
                    next.put(d.name(), s);
                    dirty = true;
                    if (valueChanged) {
                        changes.add(new ParameterChange(d.name(), cur.value(), v, d.secret()));
                    }
                }
            }
            if (dirty) {
                commit(next, nextKept);
            }
        }
        this.changes.publish(changes, source);
    }

    @Override
    public ApplyResult applyProfile(InputStream xml, ChangeSource source) throws ProfileException, IOException {
        return apply(xml, source, false);
    }

    @Override
    public ApplyResult applyProfileAllOrNothing(InputStream xml, ChangeSource source) throws ProfileException, IOException {
        return apply(xml, source, true);
    }

    /** A profile applied; all or nothing: any rejection but a masked value's throws and changes nothing. */
    private ApplyResult apply(InputStream xml, ChangeSource source, boolean allOrNothing)
            throws ProfileException, IOException {
        Objects.requireNonNull(source, "source");
        FlatProfile profile = FlatProfileParser.parse(xml);
        if (profile.flatProfiles() == 0) {
            throw new ProfileException("document holds no <flat-profile> element; nothing applied");
        }
        // last occurrence wins; the map keeps the names in the order of their last occurrence
        Map<String, FlatProfile.Entry> last = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> otherModels = new LinkedHashSet<>();
        for (FlatProfile.Entry e : profile.entries()) {
            if (catalog.definition(e.name()).isPresent()) {
                last.remove(e.name());
                last.put(e.name(), e);
            } else if (catalog.otherModels(e.name()).isEmpty()) {
                unknown.add(e.name());
            } else {
                otherModels.add(e.name());
            }
        }
        List<ParameterChange> changes;
        ApplyResult result;
        synchronized (writeLock) {
            Map<String, Slot> next = new LinkedHashMap<>(state);
            Map<String, KeptValue> nextKept = new LinkedHashMap<>(kept);
            changes = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            List<String> preserved = new ArrayList<>();
            int unchanged = 0;
            boolean dirty = false;
            for (FlatProfile.Entry e : last.values()) {
                ParameterDefinition d = catalog.definition(e.name()).orElseThrow();
                Slot cur = next.get(d.name());
                if (e.problem() != null) {
                    rejected.add(new Rejection(d.name(), e.line(), e.problem()));
                    continue;
                }
                Access access = e.ua() == null ? cur.access() : Access.parse(e.ua());
                if (source == ChangeSource.USER && (cur.access() != Access.RW || access != cur.access())) {
                    rejected.add(new Rejection(d.name(), e.line(), "the user may not change this parameter"));
                    continue;
                }
                String value = cur.value();
                boolean userSet = cur.userSet();
                boolean applied = false;
                if (Values.isMasked(e.value())) {
                    rejected.add(new Rejection(d.name(), e.line(), MASKED));
                } else if (e.preserve() && cur.userSet()) {
                    preserved.add(d.name());
                } else {
                    String raw = e.value().isEmpty() && emptyResetsToDefault ? d.defaultValue() : e.value();
                    try {
                        value = Values.normalize(d, raw);
                    } catch (ParameterException ex) {
                        rejected.add(new Rejection(d.name(), e.line(), Values.reason(d, ex)));
                        continue;
                    }
                    applied = true;
                    if (!value.equals(cur.value())) {
                        userSet = source == ChangeSource.USER;
                    }
                }
                Slot s = new Slot(value, access, userSet);
                if (applied || !s.equals(cur)) {
                    dirty |= nextKept.remove(d.name()) != null; // a kept value is superseded
                }
                if (s.equals(cur)) {
                    unchanged++;
                    continue;
                }
                next.put(d.name(), s);
                dirty = true;
                if (!value.equals(cur.value()) || access != cur.access()) {
                    changed.add(d.name());
                }
                if (!value.equals(cur.value())) {
                    changes.add(new ParameterChange(d.name(), cur.value(), value, d.secret()));
                }
            }
            List<String> refused = rejected.stream().filter(r -> !MASKED.equals(r.reason())).map(Rejection::toString).toList();
            if (allOrNothing && !refused.isEmpty()) {
                throw new ParameterException(String.join("; ", refused));
            }
            if (dirty) {
                commit(next, nextKept);
            }
            result = new ApplyResult(changed, unchanged, new ArrayList<>(unknown), rejected, preserved,
                    profile.sha256(), new ArrayList<>(otherModels));
        }
        LOG.info("Profile applied ({}): {}", source, result.summary());
        for (Rejection r : result.rejected()) {
            LOG.warn("Profile parameter rejected: {}", r);
        }
        this.changes.publish(changes, source);
        return result;
    }

    @Override
    public void exportProfile(OutputStream out) throws IOException {
        CfgXml.write(catalog.definitions(), state, out);
    }

    @Override
    public void exportProfile(OutputStream out, java.util.function.Predicate<String> names) throws IOException {
        CfgXml.write(catalog.definitions().stream().filter(d -> names.test(d.name())).toList(), state, out);
    }

    @Override
    public void factoryReset() throws IOException {
        List<ParameterChange> changes = new ArrayList<>();
        synchronized (writeLock) {
            Map<String, Slot> next = ParameterFile.defaults(catalog);
            for (ParameterDefinition d : catalog.definitions()) {
                String old = state.get(d.name()).value();
                if (!old.equals(d.defaultValue())) {
                    changes.add(new ParameterChange(d.name(), old, d.defaultValue(), d.secret()));
                }
            }
            commit(next, Map.of());
            int failed = Durable.deleteTreeAsFarAsPossible(dataDir.resolve(DeviceProperties.STATE_DIR));
            if (failed > 0) {
                LOG.warn("Factory reset could not delete {} entries of the out-of-box state", failed);
            }
        }
        LOG.info("Factory reset: {} parameters back to their defaults, kept values cleared", changes.size());
        this.changes.publish(changes, ChangeSource.FACTORY_RESET);
    }

    /** Persists, then swaps in; on failure nothing changed. Caller holds the write lock. */
    private void commit(Map<String, Slot> next, Map<String, KeptValue> nextKept) throws IOException {
        ParameterFile.write(file, catalog, next, nextKept);
        state = Collections.unmodifiableMap(next);
        kept = Collections.unmodifiableMap(nextKept);
    }
}
