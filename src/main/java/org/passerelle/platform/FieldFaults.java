package org.passerelle.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Invalid input found on several fields at once, such as a form whose answers break its rules:
 * each fault names the field's path, a stable code and the values its message needs ("between 30
 * and 45"). Nothing is written when this is thrown.
 */
public final class FieldFaults extends DomainException {

    /** One field's fault; {@code arguments} fill the {0}, {1} ... of the message {@code problem.<code>}. */
    public record Fault(String field, String code, List<Object> arguments) {

        public Fault {
            arguments = List.copyOf(arguments);
        }

        public static Fault of(String field, String code, Object... arguments) {
            return new Fault(field, code, List.of(arguments));
        }
    }

    private final List<Fault> faults;

    private FieldFaults(String code, List<Fault> faults) {
        super(Kind.INVALID, code, Map.of());
        this.faults = List.copyOf(faults);
    }

    /** The faults under the general code {@code code} (for the problem's title and detail). */
    public static FieldFaults of(String code, List<Fault> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("no fault");
        }
        return new FieldFaults(code, faults);
    }

    public List<Fault> faults() {
        return faults;
    }

    /** Collects faults, then throws them all at once if there are any. */
    public static final class Collector {

        private final List<Fault> faults = new ArrayList<>();

        public void add(String field, String code, Object... arguments) {
            faults.add(Fault.of(field, code, arguments));
        }

        public void addAll(List<Fault> more) {
            faults.addAll(more);
        }

        public boolean isEmpty() {
            return faults.isEmpty();
        }

        public List<Fault> faults() {
            return List.copyOf(faults);
        }

        /** Throws the faults collected under {@code code}, if any. */
        public void throwIfAny(String code) {
            if (!faults.isEmpty()) {
                throw FieldFaults.of(code, faults);
            }
        }
    }
}
