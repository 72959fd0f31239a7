package org.teracon.workbench.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Token to dense index, in insertion order; loaders use it to remap original ids. */
final class Vocabulary {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    Vocabulary() {
    }

    Vocabulary(List<String> initial) {
        initial.forEach(this::add);
    }

    /** Index of the token, adding it when new. */
    int add(String token) {
        Integer i = index.get(token);
        if (i != null) {
            return i;
        }
        index.put(token, tokens.size());
        tokens.add(token);
        return tokens.size() - 1;
    }

    /** Index of the token or -1. */
    int indexOf(String token) {
        return index.getOrDefault(token, -1);
    }

    int size() {
        return tokens.size();
    }

    List<String> tokens() {
        return List.copyOf(tokens);
    }

    /**
     * Orders tokens numerically when all are integers (so remapped ids keep the source order),
     * otherwise lexicographically; used where first-appearance order would depend on file order.
     */
    static List<String> sortedTokens(java.util.Collection<String> tokens) {
        boolean numeric = tokens.stream().allMatch(Vocabulary::isInteger);
        Comparator<String> order = numeric ? Comparator.comparing(java.math.BigInteger::new)
                : Comparator.naturalOrder();
        return tokens.stream().distinct().sorted(order).toList();
    }

    static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int start = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0;
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
