package org.passerelle.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change to a valid body: a value replaced by a hostile one, a field removed, or an unknown
 * field added. Paths are taken from a sample of the body, so a mutation applies to every body of
 * the same shape.
 *
 * @param path the names and indexes leading to the value; empty for the whole body
 */
record Mutation(List<Object> path, Kind kind, JsonNode value) {

    enum Kind {
        REPLACE,
        REMOVE,
        ADD_UNKNOWN_FIELD
    }

    /** A generator of one to three mutations of bodies shaped like {@code sample}. */
    static Function<RandomGenerator, List<Mutation>> of(JsonNode sample) {
        List<List<Object>> paths = new ArrayList<>();
        collect(sample, new ArrayList<>(), paths);
        List<List<Object>> found = List.copyOf(paths);
        return random -> {
            int size = random.nextInt(1, 4);
            List<Mutation> mutations = new ArrayList<>(size);
            while (mutations.size() < size) {
                List<Object> path = HostileValues.pick(random, found);
                Kind kind = switch (HostileValues.weighted(random, 6, 1, 1)) {
                    case 0 -> Kind.REPLACE;
                    case 1 -> Kind.REMOVE;
                    default -> Kind.ADD_UNKNOWN_FIELD;
                };
                JsonNode value = HostileValues.next(random);
                if (kind != Kind.REMOVE || !path.isEmpty()) {
                    mutations.add(new Mutation(path, kind, value));
                }
            }
            return List.copyOf(mutations);
        };
    }

    /** {@code body} with the mutations applied; mutations whose path no longer exists are skipped. */
    static JsonNode apply(JsonNode body, List<Mutation> mutations) {
        JsonNode result = body.deepCopy();
        for (Mutation mutation : mutations) {
            result = mutation.applyTo(result);
        }
        return result;
    }

    private JsonNode applyTo(JsonNode root) {
        if (path.isEmpty()) {
            return switch (kind) {
                case REPLACE -> value;
                case REMOVE -> root;
                case ADD_UNKNOWN_FIELD -> root instanceof ObjectNode object ? object.set("unknownField", value) : root;
            };
        }
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = path.getLast();
        if (parent instanceof ObjectNode object && last instanceof String name) {
            switch (kind) {
                case REPLACE -> object.set(name, value);
                case REMOVE -> object.remove(name);
                case ADD_UNKNOWN_FIELD -> object.set(name + "Extra", value);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            switch (kind) {
                case REPLACE -> array.set(index, value);
                case REMOVE -> array.remove((int) index);
                case ADD_UNKNOWN_FIELD -> array.add(value);
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        paths.add(List.copyOf(path));
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                path.add(field.getKey());
                collect(field.getValue(), path, paths);
                path.removeLast();
            }
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                path.add(index);
                collect(array.get(index), path, paths);
                path.removeLast();
            }
        }
    }

    @Override
    public String toString() {
        String shown = value.toString();
        return kind + " /" + String.join("/", path.stream().map(String::valueOf).toList())
                + (kind == Kind.REMOVE ? "" : " = " + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown));
    }
}
