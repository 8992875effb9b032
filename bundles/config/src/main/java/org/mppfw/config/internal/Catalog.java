package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parameter catalog, read from the tab-separated resource {@code catalog.tsv} by
 * {@link CatalogReader}. The file describes several phone models ({@code @model} lines, the first
 * is the default); a catalog is that of one model: the rows of other models are left out and each
 * per-line row is expanded to the model's extensions, line keys or key-expansion-module keys, in
 * the order of the phone's {@code cfg.xml}.
 */
public final class Catalog {

    static final String RESOURCE = "catalog.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    private final Map<String, ParameterDefinition> byName;
    private final List<ParameterDefinition> ordered;
    private final Map<String, String> labels;
    private final CatalogModel model;

    Catalog(Map<String, ParameterDefinition> byName, Map<String, String> labels, CatalogModel model) {
        this.byName = Collections.unmodifiableMap(byName);
        this.ordered = List.copyOf(byName.values());
        this.labels = Collections.unmodifiableMap(labels);
        this.model = model;
    }

    /** The phone's catalog, bundled with this class, for the default model (the file's first). */
    public static Catalog standard() {
        return standard(null);
    }

    /** The phone's catalog for a model of the file by its id ({@code 8845}, {@code 7841}, ...), null for the default. */
    public static Catalog standard(String modelId) {
        return read(in -> parse(in, modelId));
    }

    private interface Reading<T> {
        T from(InputStream in) throws IOException;
    }

    private static <T> T read(Reading<T> reading) {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + RESOURCE + " is missing");
            }
            return reading.from(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parameter catalog: " + e.getMessage(), e);
        }
    }

    /**
     * The phone's catalog for the model whose product name is {@code product}
     * ({@code CP-7841-3PCC}, case ignored): a model the file does not declare gets the default
     * model's catalog, and one warning says so.
     */
    public static Catalog forProduct(String product) {
        String id = null;
        for (CatalogModel m : models()) {
            if (m.product().equalsIgnoreCase(product == null ? "" : product)) {
                id = m.id();
                break;
            }
        }
        Catalog c = standard(id);
        if (id == null) {
            LOG.warn("Model {} is not in the parameter catalog: using the parameters of the {}", product, c.product());
        }
        return c;
    }

    /** The models of the phone's catalog, the default first. */
    static List<CatalogModel> models() {
        return read(CatalogReader::models);
    }

    /** Reads a catalog in the {@code catalog.tsv} format for its default model. */
    static Catalog parse(InputStream in) throws IOException {
        return parse(in, null);
    }

    /**
     * Reads a catalog in the {@code catalog.tsv} format for one of its models (null: the first).
     *
     * @throws IllegalArgumentException naming the line of the first bad entry
     */
    public static Catalog parse(InputStream in, String modelId) throws IOException {
        return CatalogReader.read(in, modelId);
    }

    /** Every definition in documented order. */
    public List<ParameterDefinition> definitions() {
        return ordered;
    }

    public Optional<ParameterDefinition> definition(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The definition of a name.
     *
     * @throws ParameterException if the catalog does not know it
     */
    ParameterDefinition require(String name) {
        ParameterDefinition d = name == null ? null : byName.get(name);
        if (d == null) {
            throw new ParameterException("unknown parameter '" + Values.abbreviate(String.valueOf(name)) + "'");
        }
        return d;
    }

    /** The web page's label of a parameter, empty where the file gives none. */
    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    /** The model's product name ({@code CP-8845-3PCC}), empty for a file that declares no model. */
    public String product() {
        return model == null ? "" : model.product();
    }

    int extensions() {
        return model == null ? 0 : model.extensions();
    }

    int lineKeys() {
        return model == null ? 0 : model.lineKeys();
    }

    public int size() {
        return byName.size();
    }

    /**
     * The other models of the bundled catalog that have a parameter this model lacks, by product
     * name ({@code Phone-wifi-on}: the CP-8861-3PCC and CP-8865-3PCC on an 8845), empty for a
     * name no model has. A profile written for the whole series sets such names; a phone of
     * another model ignores them as it ignores unknown ones, but says which they are.
     */
    public List<String> otherModels(String name) {
        if (name == null || byName.containsKey(name)) {
            return List.of();
        }
        List<String> products = Series.PRODUCTS_BY_NAME.getOrDefault(name, List.of());
        return products.stream().filter(p -> !p.equals(product())).toList();
    }

    /** Which models of the bundled file have each name: read once, when first asked. */
    private static final class Series {
        static final Map<String, List<String>> PRODUCTS_BY_NAME = build();

        private static Map<String, List<String>> build() {
            Map<String, List<String>> m = new java.util.HashMap<>();
            for (CatalogModel model : models()) {
                for (ParameterDefinition d : standard(model.id()).definitions()) {
                    m.computeIfAbsent(d.name(), k -> new java.util.ArrayList<>(2)).add(model.product());
                }
            }
            m.replaceAll((k, v) -> List.copyOf(v));
            return Map.copyOf(m);
        }
    }
}
