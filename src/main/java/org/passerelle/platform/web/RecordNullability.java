package org.passerelle.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Describes the API's records as the code declares them: a record component is required in the
 * OpenAPI document unless it is {@code @Nullable}, and a {@code @Nullable} one may be null. The web
 * client's types are generated from that document, so the compiler knows which fields may be absent.
 */
@Component
class RecordNullability implements ModelConverter {

    @Override
    public @Nullable Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (schema == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = defined(schema, context);
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return schema;
    }

    private static @Nullable Schema<?> defined(Schema<?> schema, ModelConverterContext context) {
        String ref = schema.get$ref();
        if (ref == null) {
            return schema;
        }
        return context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void describe(Class<?> record, Schema<?> model) {
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (isNullable(component)) {
                properties.put(component.getName(), orNull(property));
            } else if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                model.addRequiredItem(component.getName());
            }
        }
    }

    /** The property's schema, or null: a union for a reference to another schema, a type list otherwise. */
    private static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema<?> none = new Schema<>();
            none.addType("null");
            Schema<?> either = new Schema<>();
            either.setAnyOf(List.of(new Schema<>().$ref(property.get$ref()), none));
            return either;
        }
        if (property.getTypes() == null && property.getType() != null) {
            property.addType(property.getType());
        }
        property.addType("null");
        return property;
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.isAnnotationPresent(Nullable.class);
    }
}
