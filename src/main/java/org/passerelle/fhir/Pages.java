package org.passerelle.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;

/**
 * The results of a search, kept between pages as record ids only: each page is read when it is
 * asked for, through the owning module, so with the access checks and audit lines of that moment
 * and only for the user who searched.
 */
final class Pages<T> implements IBundleProvider {

    private final List<T> items;
    private final Function<List<T>, List<? extends IBaseResource>> reader;
    private final CurrentUsers users;
    private final UUID owner;
    private final InstantType published = InstantType.now();

    Pages(List<T> items, Function<List<T>, List<? extends IBaseResource>> reader, CurrentUsers users) {
        this.items = List.copyOf(items);
        this.reader = reader;
        this.users = users;
        this.owner = users.current().id();
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        if (!users.current().id().equals(owner)) {
            throw FhirProblems.pageGone();
        }
        int from = Math.min(Math.max(fromIndex, 0), items.size());
        int to = Math.min(Math.max(toIndex, from), items.size());
        return List.copyOf(reader.apply(items.subList(from, to)));
    }

    @Override
    public @Nullable String getUuid() {
        return null;
    }

    @Override
    public @Nullable Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return items.size();
    }
}
