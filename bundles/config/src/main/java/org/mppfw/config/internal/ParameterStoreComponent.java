package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.device.DeviceIdentity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ParameterStore} service: {@link ParameterStoreImpl} on the data dir with the catalog
 * of the device identity's model, listeners from the whiteboard.
 */
@Component(service = ParameterStore.class, configurationPid = ParameterStoreComponent.PID, immediate = true)
@Designate(ocd = StoreConfig.class)
public final class ParameterStoreComponent implements ParameterStore, KeptValues {

    static final String PID = "org.mppfw.config.store";
    private static final Logger LOG = LoggerFactory.getLogger(ParameterStoreComponent.class);

    private final ExecutorService events;
    private final ParameterStoreImpl store;

    @Activate
    public ParameterStoreComponent(BundleContext ctx, StoreConfig config, @Reference DeviceIdentity identity)
            throws IOException {
        events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mppfw-config-events");
            t.setDaemon(true);
            return t;
        });
        Catalog catalog;
        long read = System.nanoTime();
        try {
            catalog = catalogOf(identity);
            read = System.nanoTime() - read;
            store = new ParameterStoreImpl(DataDir.of(ctx), catalog,
                    new ParameterStoreImpl.Options(config.empty_resets_to_default(), events));
        } catch (IOException | RuntimeException e) {
            events.shutdownNow();
            throw e;
        }
        LOG.info("Parameter store ready: {} parameters of the {} (catalog read in {} ms), {}", catalog.size(),
                catalog.product(), read / 1_000_000, store.file());
    }

    /** The catalog of the phone's model; a model the catalog does not declare gets the default one's. */
    static Catalog catalogOf(DeviceIdentity identity) {
        return Catalog.forProduct(identity.model());
    }

    @Modified
    void modified(StoreConfig config) {
        store.setEmptyResetsToDefault(config.empty_resets_to_default());
    }

    @Deactivate
    void deactivate() {
        events.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ParameterListener listener, Map<String, Object> properties) {
        store.addListener(listener, names(properties.get(ParameterListener.NAMES)));
    }

    void removeListener(ParameterListener listener) {
        store.removeListener(listener);
    }

    static List<String> names(Object prop) {
        if (prop == null) {
            return List.of();
        }
        if (prop instanceof String s) {
            return List.of(s);
        }
        if (prop instanceof String[] a) {
            return List.of(a);
        }
        if (prop instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(prop));
    }

    /** The store behind the service, for the shell commands of this bundle. */
    ParameterStoreImpl store() {
        return store;
    }

    @Override
    public Collection<ParameterDefinition> catalog() {
        return store.catalog();
    }

    @Override
    public Optional<ParameterDefinition> definition(String name) {
        return store.definition(name);
    }

    @Override
    public Optional<Parameter> parameter(String name) {
        return store.parameter(name);
    }

    @Override
    public String get(String name) {
        return store.get(name);
    }

    @Override
    public List<KeptValue> kept() {
        return store.kept();
    }

    @Override
    public Map<String, String> values() {
        return store.values();
    }

    @Override
    public void set(String name, String value, ChangeSource source) throws IOException {
        store.set(name, value, source);
    }

    @Override
    public void setAll(Map<String, String> values, ChangeSource source) throws IOException {
        store.setAll(values, source);
    }

    @Override
    public ApplyResult applyProfile(InputStream xml, ChangeSource source) throws ProfileException, IOException {
        return store.applyProfile(xml, source);
    }

    @Override
    public ApplyResult applyProfileAllOrNothing(InputStream xml, ChangeSource source) throws ProfileException, IOException {
        return store.applyProfileAllOrNothing(xml, source);
    }

    @Override
    public void exportProfile(OutputStream out) throws IOException {
        store.exportProfile(out);
    }

    @Override
    public void exportProfile(OutputStream out, java.util.function.Predicate<String> names) throws IOException {
        store.exportProfile(out, names);
    }

    @Override
    public void factoryReset() throws IOException {
        store.factoryReset();
    }
}
