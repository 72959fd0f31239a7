package org.teracon.workbench.method.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.SingleModelMethod;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.baseline.HatMethod;
import org.teracon.workbench.method.baseline.MtlMethod;
import org.teracon.workbench.method.baseline.PeterRecMethod;
import org.teracon.workbench.method.baseline.PiggybackMethod;
import org.teracon.workbench.method.params.ParamException;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.Teracon;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/**
 * Every method by the name experiment.json, the CLI and the GUI use, with the parameters it takes and
 * how it is built from them. The CLI checks {@code --param} keys and the GUI builds its fields from
 * these parameter lists; experiment.json keys are read back through them.
 */
public final class MethodCatalog {

    /** @param params what a user may set; a value the method fixes itself (an ablation's switch) is not listed */
    public record Entry(String name, List<ParamSpec<?>> params, BiFunction<BackboneConfig, ParamValues, ContinualMethod> factory) {
        public Entry {
            params = List.copyOf(params);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("teracon", TeraconSettings.SPECS, MethodCatalog::teracon);
        // the paper's ablations as methods of their own, so one comparison table can hold them
        add("teracon-plain", without(TeraconSettings.RELATION_AWARE), (b, p) -> teracon(b, p.with(TeraconSettings.RELATION_AWARE, false)));
        add("teracon-nokr", without(TeraconSettings.KNOWLEDGE_RETENTION), (b, p) -> teracon(b, p.with(TeraconSettings.KNOWLEDGE_RETENTION, false)));
        add("teracon-rhomin", without(TeraconSettings.SAMPLING), (b, p) -> teracon(b, p.with(TeraconSettings.SAMPLING, SamplingMode.FIXED)));
        add("teracon-all", without(TeraconSettings.SAMPLING), (b, p) -> teracon(b, p.with(TeraconSettings.SAMPLING, SamplingMode.ALL)));
        add("sinmo", List.of(), (b, p) -> SingleModelMethod.sinMo(b));
        add("sinmoall", List.of(), (b, p) -> SingleModelMethod.sinMoAll(b));
        add("finesmax", List.of(), (b, p) -> SingleModelMethod.fineSmax(b));
        add("fineall", List.of(), (b, p) -> SingleModelMethod.fineAll(b));
        add("conure", ConureMethod.SPECS, ConureMethod::fromParams);
        add("peterrec", PeterRecMethod.SPECS, PeterRecMethod::fromParams);
        add("hat", HatMethod.SPECS, HatMethod::fromParams);
        add("piggyback", PiggybackMethod.SPECS, PiggybackMethod::fromParams);
        add("mtl", List.of(), (b, p) -> new MtlMethod(b));
    }

    private MethodCatalog() {
    }

    private static void add(String name, List<ParamSpec<?>> params, BiFunction<BackboneConfig, ParamValues, ContinualMethod> factory) {
        for (ParamSpec<?> s : params) {
            spec(s.key()).filter(known -> !known.equals(s)).ifPresent(known -> {
                throw new IllegalStateException("two different parameters named " + s.key());
            });
        }
        ENTRIES.put(name, new Entry(name, params, factory));
    }

    private static ContinualMethod teracon(BackboneConfig backbone, ParamValues p) {
        return new Teracon(backbone, TeraconSettings.fromParams(p));
    }

    private static List<ParamSpec<?>> without(ParamSpec<?> fixed) {
        return TeraconSettings.SPECS.stream().filter(s -> !s.equals(fixed)).toList();
    }

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Case-insensitive, as the CLI and older files spell names either way. */
    public static Entry entry(String method) {
        Entry e = method == null ? null : ENTRIES.get(method.toLowerCase(Locale.ROOT));
        if (e == null) throw new IllegalArgumentException("unknown method '" + method + "'; known: " + names());
        return e;
    }

    public static boolean isKnown(String method) {
        return method != null && ENTRIES.containsKey(method.toLowerCase(Locale.ROOT));
    }

    public static List<ParamSpec<?>> params(String method) {
        return entry(method).params();
    }

    /** Every parameter of every method, each once, in catalog order. */
    public static List<ParamSpec<?>> allParams() {
        Set<ParamSpec<?>> all = new LinkedHashSet<>();
        ENTRIES.values().forEach(e -> all.addAll(e.params()));
        return List.copyOf(all);
    }

    public static Optional<ParamSpec<?>> spec(String key) {
        return ENTRIES.values().stream().flatMap(e -> e.params().stream()).filter(s -> s.key().equals(key)).findFirst();
    }

    public static ContinualMethod create(String method, BackboneConfig backbone, ParamValues params) {
        return entry(method).factory().apply(backbone, params);
    }

    /**
     * Adds one {@code key=value} a user typed, for a run of any of {@code methods}: a key none of them
     * takes is refused with the keys they do take, a value its spec refuses with what the spec expects.
     */
    public static ParamValues parse(ParamValues into, Collection<String> methods, String key, String text) {
        ParamSpec<?> spec = methods.stream().flatMap(m -> params(m).stream()).filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> unknownKey(key, methods));
        return parsed(into, spec, text);
    }

    private static <T> ParamValues parsed(ParamValues into, ParamSpec<T> spec, String text) {
        return into.with(spec, spec.parse(text));
    }

    /**
     * Reads parameters as experiment.json holds them. A config may carry values for methods other than
     * its own (a comparison's shared base), so any method's key is accepted; a key no method takes is refused.
     */
    public static ParamValues fromJson(Map<String, ?> json, String method) {
        ParamValues p = ParamValues.none();
        for (Map.Entry<String, ?> e : json.entrySet()) {
            ParamSpec<?> spec = spec(e.getKey()).orElseThrow(() -> unknownKey(e.getKey(), isKnown(method) ? List.of(method) : List.of()));
            p = fromJson(p, spec, e.getValue());
        }
        return p;
    }

    private static <T> ParamValues fromJson(ParamValues into, ParamSpec<T> spec, Object json) {
        return into.with(spec, spec.fromJson(json));
    }

    /**
     * The parameters as experiment.json should hold them: every parameter of {@code method}, defaults
     * written out so the file documents the run, then any other value that was set.
     */
    public static Map<String, Object> toJson(ParamValues values, String method) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (isKnown(method)) for (ParamSpec<?> s : params(method)) put(out, s, values.get(s));
        values.set().values().forEach(v -> put(out, v));
        return out;
    }

    private static <T> void put(Map<String, Object> out, ParamValues.Value<T> v) {
        put(out, v.spec(), v.value());
    }

    private static <T> void put(Map<String, Object> out, ParamSpec<T> spec, Object value) {
        out.put(spec.key(), spec.toJson(spec.type().cast(value)));
    }

    private static ParamException unknownKey(String key, Collection<String> methods) {
        List<ParamSpec<?>> specs = methods.isEmpty() ? allParams() : methods.stream().flatMap(m -> params(m).stream()).distinct().toList();
        List<String> valid = specs.stream().map(ParamSpec::key).toList();
        String who = methods.isEmpty() ? "any method" : String.join(", ", methods);
        String message = valid.isEmpty() ? "unknown parameter '" + key + "': " + who + " takes no parameters"
                : "unknown parameter '" + key + "' for " + who + "; valid keys: " + String.join(", ", valid);
        return new ParamException(message, message);
    }
}
