package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ParameterType;

/**
 * A Voice tab drawn from the catalog: each definition's group is {@code Tab/Section}; the sections
 * come in catalog order, each parameter with its label and a field of its type. Submit All Changes
 * applies every changed field in one {@link ParameterStore#setAll} (all or none).
 */
final class ConfigPage {

    private final ParameterStore store;

    ConfigPage(ParameterStore store) {
        this.store = store;
    }

    /** The tabs a role sees, in catalog order (those with at least one parameter it may see). */
    List<String> tabs(Role role) {
        Map<String, Boolean> tabs = new LinkedHashMap<>();
        for (ParameterDefinition d : store.catalog()) {
            String tab = tabOf(d);
            if (tab != null && visible(d, role)) {
                tabs.put(tab, Boolean.TRUE);
            }
        }
        return List.copyOf(tabs.keySet());
    }

    static String tabOf(ParameterDefinition d) {
        int slash = d.group().indexOf('/');
        return slash > 0 ? d.group().substring(0, slash) : null;
    }

    private static String sectionOf(ParameterDefinition d) {
        return d.group().substring(d.group().indexOf('/') + 1);
    }

    /** The label shown: the catalog's (the guide's web label), else the parameter's name in words. */
    String label(ParameterDefinition d) {
        String label = store.label(d.name());
        return label.isEmpty() ? d.name().replace('_', ' ').trim() : label;
    }

    boolean visible(ParameterDefinition d, Role role) {
        return role == Role.ADMIN || access(d) != Access.NA;
    }

    boolean editable(ParameterDefinition d, Role role) {
        return role == Role.ADMIN || access(d) == Access.RW;
    }

    private Access access(ParameterDefinition d) {
        return store.parameter(d.name()).map(Parameter::access).orElse(d.access());
    }

    private List<ParameterDefinition> fields(String tab, Role role) {
        List<ParameterDefinition> out = new ArrayList<>();
        for (ParameterDefinition d : store.catalog()) {
            if (tab.equals(tabOf(d)) && visible(d, role)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The outcome of a submission: the notice, and whether it is an error. */
    record Result(String notice, boolean error) {
    }

    /**
     * Applies the submitted fields of a tab: those the role may edit whose value differs from the
     * current one; a secret's field still holding the mask is left alone.
     */
    Result submit(String tab, Role role, Function<String, String> form) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (ParameterDefinition d : fields(tab, role)) {
            String v = form.apply(d.name());
            if (v == null || !editable(d, role) || d.secret() && ParameterStore.MASK.equals(v)) {
                continue;
            }
            String current = store.get(d.name());
            boolean listed = d.type() == ParameterType.BOOLEAN || d.type() == ParameterType.CHOICE;
            if (!(listed ? v.equalsIgnoreCase(current) : v.equals(current))) {
                changes.put(d.name(), v);
            }
        }
        if (changes.isEmpty()) {
            return new Result("No field changed.", false);
        }
        try {
            store.setAll(changes, role == Role.ADMIN ? ChangeSource.ADMIN : ChangeSource.USER);
            return new Result(changes.size() + (changes.size() == 1 ? " change" : " changes") + " applied.", false);
        } catch (ParameterException e) {
            return new Result("Nothing applied: " + e.getMessage(), true);
        } catch (IOException e) {
            return new Result("Nothing applied: the configuration could not be saved.", true);
        }
    }

    /**
     * The tab's form.
     *
     * @param submitted the values of a refused submission, shown again, or an empty map
     */
    String body(String tab, Role role, Sessions.Session session, Function<String, String> submitted) {
        StringBuilder b = new StringBuilder(32_768);
        b.append("<form method=\"post\" action=\"/voice?tab=").append(esc(Html.url(tab))).append("\">")
                .append(Page.csrfField(session));
        String section = null;
        for (ParameterDefinition d : fields(tab, role)) {
            if (!sectionOf(d).equals(section)) {
                if (section != null) {
                    b.append("</table>");
                }
                section = sectionOf(d);
                b.append("<h3>").append(esc(section)).append("</h3><table>");
            }
            String shown = submitted.apply(d.name());
            if (shown == null || d.secret()) {
                shown = store.parameter(d.name()).map(Parameter::displayValue).orElse("");
            }
            b.append("<tr><td><label for=\"p-").append(esc(d.name())).append("\">").append(esc(label(d)))
                    .append("</label></td><td>");
            field(b, d, shown, editable(d, role));
            b.append("</td></tr>");
        }
        if (section != null) {
            b.append("</table>");
        }
        return b.append("<button id=\"submit\" type=\"submit\">Submit All Changes</button></form>").toString();
    }

    private static void field(StringBuilder b, ParameterDefinition d, String value, boolean editable) {
        String common = " id=\"p-" + esc(d.name()) + "\"" + (editable ? " name=\"" + esc(d.name()) + "\"" : " disabled");
        List<String> choices = d.type() == ParameterType.BOOLEAN ? List.of("Yes", "No")
                : d.type() == ParameterType.CHOICE ? d.choices() : List.of();
        if (!choices.isEmpty()) {
            b.append("<select").append(common).append('>');
            boolean found = false;
            for (String c : choices) {
                boolean sel = c.equalsIgnoreCase(value);
                found |= sel;
                option(b, c, sel);
            }
            if (!found) {
                option(b, value, true);
            }
            b.append("</select>");
            return;
        }
        b.append("<input").append(common).append(" type=\"").append(d.secret() ? "password" : "text")
                .append("\" value=\"").append(esc(value)).append("\"")
                .append(d.secret() ? " autocomplete=\"new-password\"" : "").append('>');
    }

    private static void option(StringBuilder b, String v, boolean selected) {
        b.append("<option value=\"").append(esc(v)).append('"').append(selected ? " selected" : "").append('>')
                .append(esc(v)).append("</option>");
    }
}
